/** Post-login redirect targets. Pure, shared by the login pages, the actions and the guards. */

/**
 * Request header in which `proxy.ts` passes the public path (before the tenant rewrite) so that
 * a guard can send a signed-out visitor to `/login?next=<that path>`.
 */
export const REQUEST_PATH_HEADER = "x-hearth-path";

/**
 * `next` if it is a relative path on the same host, else `fallback`. Refuses absolute and
 * protocol-relative URLs (`//evil.com`, `/\evil.com`), the internal tenant prefix and Auth.js'
 * own routes, so a crafted login link cannot bounce the user elsewhere.
 */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  // Control characters (tab, newline) are dropped by URL parsers and can turn "/\t/x" into "//x".
  for (const ch of next) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, "http://hearth.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://hearth.invalid") return fallback;
  const path = url.pathname;
  if (path === "/t" || path.startsWith("/t/") || path.startsWith("/api/auth") || path === "/login")
    return fallback;
  return `${path}${url.search}${url.hash}`;
}

/** The login page's URL for a visitor who wanted `path`. */
export function loginPath(path: string | null | undefined): string {
  const next = path ? safeNextPath(path, "") : "";
  return next && next !== "/" ? `/login?${new URLSearchParams({ next })}` : "/login";
}
