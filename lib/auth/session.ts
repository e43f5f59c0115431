import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformUsers, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { LINK_SESSION_MAX_AGE_SECONDS, SESSION_MAX_AGE_SECONDS, type SessionClaims } from "./config";
import type { SessionUser } from "./context";
import type { PlatformRole } from "./permissions";

/**
 * Turns the claims of a valid session token into the signed-in user, or null. The token alone is
 * not enough: the user must still exist and not be disabled (so disabling someone ends their
 * sessions at the next request), the session must belong to this host, and it must not be older
 * than its maximum age.
 */
export async function loadSessionUser(
  db: Queryable,
  claims: SessionClaims,
  opts: { expectedTenantId: string | null; now: Date },
): Promise<SessionUser | null> {
  if (claims.tenantId !== opts.expectedTenantId) return null;
  if (claims.via === "link" && claims.tenantId === null) return null;
  const maxAge = claims.via === "link" ? LINK_SESSION_MAX_AGE_SECONDS : SESSION_MAX_AGE_SECONDS;
  const ageSeconds = opts.now.getTime() / 1000 - claims.authAt;
  if (ageSeconds > maxAge || ageSeconds < -300) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export async function getPlatformRole(db: Queryable, userId: string): Promise<PlatformRole | null> {
  const [row] = await db
    .select({ role: platformUsers.role })
    .from(platformUsers)
    .where(eq(platformUsers.userId, userId))
    .limit(1);
  return row?.role ?? null;
}

/** The audit actor for a signed-in user; a platform admin inside a portal is labelled as such. */
export function userActor(
  user: SessionUser,
  request: { ip: string | null; userAgent: string | null },
  opts: { viaPlatform?: boolean } = {},
): Actor {
  return {
    kind: "user",
    userId: user.id,
    label: opts.viaPlatform ? `${user.email} (Hearth staff)` : user.email,
    ip: request.ip,
    userAgent: request.userAgent,
  };
}
