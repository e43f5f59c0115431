import "server-only";
import { getDb } from "@/db/client";
import { apiKeyLabel, authenticateApiKey } from "@/lib/api-keys/service";
import { AppError } from "@/lib/errors";
import type { ApiPrincipal } from "./context";
import { resolveSession } from "./guards";
import { clientIp, requestHost, userAgent } from "./request-info";
import { getPlatformRole, userActor } from "./session";

/**
 * The caller of a REST route: a platform API key (`Authorization: Bearer hk_…`), else the session
 * cookie of the request's host. A request that presents credentials in Authorization is judged
 * on them alone: a bad, expired or revoked key is a 401, never a fallback to a session cookie the
 * same client may also carry. The platform role only counts for a console session (root domain):
 * a portal session never carries console rights.
 */
export async function authenticateApiRequest(req: Request): Promise<ApiPrincipal> {
  const request = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const key = match?.[1] ? await authenticateApiKey(await getDb(), match[1]) : null;
    if (!key) throw new AppError("UNAUTHENTICATED", "The API key is invalid, expired or revoked.");
    return {
      user: null,
      platformRole: key.role,
      actor: { kind: "api_key", userId: null, label: apiKeyLabel(key), ...request },
    };
  }
  const session = await resolveSession(requestHost(req.headers));
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in to use this endpoint.");
  const platformRole =
    session.claims.tenantId === null ? await getPlatformRole(await getDb(), session.user.id) : null;
  return { user: session.user, platformRole, actor: userActor(session.user, request) };
}
