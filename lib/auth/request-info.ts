/** Where a request came from, for throttling and the audit log. Pure: works on any Headers. */

type HeaderSource = { get(name: string): string | null };

/**
 * The client's IP: the first hop of `x-forwarded-for`, else `x-real-ip`. These headers are only as
 * trustworthy as the proxy in front of the app (which must overwrite them); the per-account limit
 * does not depend on them.
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : null;
}

export function userAgent(headers: HeaderSource): string | null {
  const ua = headers.get("user-agent");
  return ua ? ua.slice(0, 512) : null;
}

/** The host the browser asked for; a proxy in front sets `x-forwarded-host`. */
export function requestHost(headers: HeaderSource): string | null {
  return headers.get("x-forwarded-host") ?? headers.get("host");
}
