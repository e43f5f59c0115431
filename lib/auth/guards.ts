import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { resolveHost } from "@/lib/tenancy/host";
import { getMemberRole, getTenantBySlug, type Tenant } from "@/lib/tenants/queries";
import { type SessionClaims, sessionClaimsSchema } from "./config";
import type { PlatformContext, SessionUser, TenantContext } from "./context";
import { auth } from "./index";
import { loginPath, REQUEST_PATH_HEADER } from "./paths";
import { type PlatformPermission, platformCan, type TenantPermission, tenantCan } from "./permissions";
import { clientIp, requestHost, userAgent } from "./request-info";
import { getPlatformRole, loadSessionUser, userActor } from "./session";

/**
 * The server-side gates every page, action and route goes through. Sessions are per host: a
 * session made on the console's domain is only valid there, a portal session only on its tenant's
 * subdomain. Each function is memoized per request, so a layout and its page share one lookup.
 */

type RequestInfo = { host: string | null; ip: string | null; userAgent: string | null; path: string | null };

const readRequest = cache(async (): Promise<RequestInfo> => {
  const h = await headers();
  return { host: requestHost(h), ip: clientIp(h), userAgent: userAgent(h), path: h.get(REQUEST_PATH_HEADER) };
});

type ResolvedSession = { user: SessionUser; claims: SessionClaims };

/** The session of this request, valid for this host, with its user still active; else null. */
export async function resolveSession(host: string | null): Promise<ResolvedSession | null> {
  const session = await auth();
  const claims = sessionClaimsSchema.safeParse(session?.hearth);
  if (!claims.success) return null;
  const db = await getDb();
  const target = resolveHost(host, env().ROOT_DOMAIN);
  let expectedTenantId: string | null = null;
  if (target.kind === "foreign") return null;
  if (target.kind === "tenant") {
    const tenant = await getTenantBySlug(db, target.slug);
    if (!tenant) return null;
    expectedTenantId = tenant.id;
  }
  const user = await loadSessionUser(db, claims.data, { expectedTenantId, now: new Date() });
  return user ? { user, claims: claims.data } : null;
}

const readSession = cache(async () => resolveSession((await readRequest()).host));

// A layout and its page both ask; one query per request is enough.
const platformRoleOf = cache(async (userId: string) => getPlatformRole(await getDb(), userId));
const memberRoleOf = cache(async (tenantId: string, userId: string) =>
  getMemberRole(await getDb(), tenantId, userId),
);

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await readSession())?.user ?? null;
}

async function redirectToLogin(): Promise<never> {
  redirect(loginPath((await readRequest()).path));
}

/** Console gate: signed out → the login page; signed in without the permission → 403. */
export async function requirePlatformRole(
  permission: PlatformPermission = "console.view",
): Promise<PlatformContext> {
  const [session, request] = await Promise.all([readSession(), readRequest()]);
  if (!session || session.claims.tenantId !== null) return redirectToLogin();
  const platformRole = await platformRoleOf(session.user.id);
  if (!platformRole || !platformCan(platformRole, permission)) forbidden();
  return { user: session.user, platformRole, actor: userActor(session.user, request) };
}

/** The tenant whose subdomain this request is on; 404 for an unknown or deleted tenant and for other hosts. */
export const getCurrentTenant = cache(async (): Promise<Tenant> => {
  const { host } = await readRequest();
  const target = resolveHost(host, env().ROOT_DOMAIN);
  if (target.kind !== "tenant") notFound();
  const tenant = await getTenantBySlug(await getDb(), target.slug);
  if (!tenant || tenant.status === "deleted") notFound();
  return tenant;
});

/**
 * Portal gate: signed out → the login page; not a member, or a role without the permission → 403.
 * A platform admin who came through a one-time link for this tenant acts as its owner, as long as
 * they still hold the right to open portals.
 */
export async function requireTenantMember(
  tenant: Tenant,
  permission: TenantPermission = "portal.view",
): Promise<TenantContext> {
  if (tenant.status === "deleted") notFound();
  const [session, request] = await Promise.all([readSession(), readRequest()]);
  if (!session) return redirectToLogin();
  // The session is valid for this host; a tenant passed in from elsewhere must be this host's tenant.
  if (session.claims.tenantId !== tenant.id) forbidden();
  if (session.claims.via === "link") {
    if (!platformCan(await platformRoleOf(session.user.id), "tenants.open_portal")) forbidden();
    const actor = userActor(session.user, request, { viaPlatform: true });
    return { user: session.user, tenant, role: "owner", viaPlatform: true, actor };
  }
  const role = await memberRoleOf(tenant.id, session.user.id);
  if (!role || !tenantCan(role, permission)) forbidden();
  return { user: session.user, tenant, role, viaPlatform: false, actor: userActor(session.user, request) };
}
