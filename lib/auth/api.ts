import "server-only";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { ApiPrincipal } from "./context";
import { resolveSession } from "./guards";
import { clientIp, requestHost, userAgent } from "./request-info";
import { getPlatformRole, userActor } from "./session";

/**
 * The caller of a REST route, from the session cookie of the request's host. The platform role
 * only counts for a console session (root domain): a portal session never carries console rights.
 */
export async function authenticateApiRequest(req: Request): Promise<ApiPrincipal> {
  const session = await resolveSession(requestHost(req.headers));
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in to use this endpoint.");
  const platformRole =
    session.claims.tenantId === null ? await getPlatformRole(await getDb(), session.user.id) : null;
  const actor = userActor(session.user, { ip: clientIp(req.headers), userAgent: userAgent(req.headers) });
  return { user: session.user, platformRole, actor };
}
