// Shown for unknown subdomains, deleted tenants, foreign hosts and any path no route serves.
import { headers } from "next/headers";
import Link from "next/link";
import { env } from "@/lib/env";
import { resolveHost, rootUrl } from "@/lib/tenancy/host";

export default async function NotFound() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const e = env();
  const target = resolveHost(host, e.ROOT_DOMAIN);
  const isTenantHost = target.kind === "tenant";
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">
          {isTenantHost ? "There is no hotel at this address" : "Page not found"}
        </h1>
        <p className="mt-3 text-sm text-zinc-600">
          {isTenantHost
            ? `No Hearth portal is registered for “${target.slug}”. Check the spelling of the address, or ask the hotel for its portal link.`
            : "The page you asked for does not exist or has moved."}
        </p>
        <Link
          href={rootUrl(e.ROOT_DOMAIN, e.PUBLIC_PROTOCOL, "/")}
          className="mt-6 inline-flex rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-800"
        >
          Go to Hearth
        </Link>
      </div>
    </main>
  );
}
