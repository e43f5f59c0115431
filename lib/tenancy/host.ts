/** Pure host parsing shared by the proxy and the server: no database, no Node APIs. */

export type HostTarget = { kind: "root" } | { kind: "tenant"; slug: string } | { kind: "foreign" };

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function hostname(hostWithPort: string): string {
  return hostWithPort.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

/**
 * Where a request's Host points: the root domain (console, signup, marketing), a tenant's
 * subdomain (`grandview.localhost:3000` → `grandview`), or a host that is neither.
 * Only the host name counts, not the port, so a proxy in front may change ports.
 */
export function resolveHost(host: string | null | undefined, rootDomain: string): HostTarget {
  if (!host) return { kind: "root" };
  const name = hostname(host);
  const root = hostname(rootDomain);
  if (name === root || name === `www.${root}` || name === "127.0.0.1" || name === "[::1]")
    return { kind: "root" };
  if (!name.endsWith(`.${root}`)) return { kind: "foreign" };
  const label = name.slice(0, -(root.length + 1));
  if (label.includes(".") || !SLUG.test(label)) return { kind: "foreign" };
  return { kind: "tenant", slug: label };
}

/** The public URL of a tenant's portal, e.g. `http://grandview.localhost:3000/path`. */
export function tenantUrl(slug: string, rootDomain: string, protocol: "http" | "https", path = "/"): string {
  return `${protocol}://${slug}.${rootDomain}${path}`;
}

/** The public URL of the root domain (console, signup). */
export function rootUrl(rootDomain: string, protocol: "http" | "https", path = "/"): string {
  return `${protocol}://${rootDomain}${path}`;
}

/** The internal route prefix the proxy rewrites tenant hosts into; never reachable directly. */
export const TENANT_ROUTE_PREFIX = "/t";
