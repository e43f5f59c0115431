// Tenancy by subdomain: `grandview.<root>/x` is served by `app/t/[slug]/x`; the root domain serves
// the console, login and signup. This file only routes: it never touches the database, and
// every page still authorizes on the server (getCurrentTenant, requireTenantMember).
import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/paths";
import { resolveHost, TENANT_ROUTE_PREFIX } from "@/lib/tenancy/host";

/** A path no route serves, so Next renders the not-found page with status 404. */
const NOT_FOUND_PATH = "/_hearth-not-found";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const target = resolveHost(host, process.env.ROOT_DOMAIN ?? "localhost:3000");

  // The internal prefix is reachable only through the rewrite below, never directly.
  if (pathname === TENANT_ROUTE_PREFIX || pathname.startsWith(`${TENANT_ROUTE_PREFIX}/`)) {
    return rewriteTo(request, NOT_FOUND_PATH);
  }
  if (target.kind === "root") return NextResponse.next({ request: { headers: withPublicPath(request) } });
  if (target.kind === "foreign") return rewriteTo(request, NOT_FOUND_PATH);
  return rewriteTo(request, `${TENANT_ROUTE_PREFIX}/${target.slug}${pathname === "/" ? "" : pathname}`);
}

function rewriteTo(request: NextRequest, pathname: string) {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return NextResponse.rewrite(url, { request: { headers: withPublicPath(request) } });
}

/** The path the visitor asked for, so guards can send them back after login. Overwrites any client value. */
function withPublicPath(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return headers;
}

export const config = {
  // Static assets, Auth.js, Inngest and the REST API are the same on every host.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/).*)"],
};
