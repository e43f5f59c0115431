import type { Queryable } from "@/db/connect";
import type { Actor } from "@/lib/audit/actor";
import { type AuditEntry, recordAudit } from "@/lib/audit/record";
import type { SessionClaims } from "./config";

/**
 * Sign-ins, lock-outs and sign-outs in the audit stream (who, when, from which IP and browser, on
 * which host). Only ever the user's id and email: never the password, a token or a hash. Unknown
 * emails are not audited: that would log guesses and let the audit log reveal which emails exist.
 */

export type RequestInfo = { ip: string | null; userAgent: string | null };

/**
 * Best effort: a failing audit write is logged and swallowed, so an audit outage never blocks
 * sign-in or sign-out. The savepoint keeps a caller's enclosing transaction usable if it fails.
 */
export async function recordAuthAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  try {
    await db.transaction((tx) => recordAudit(tx, entry));
  } catch (error) {
    console.error(`[auth] could not write the ${entry.action} audit row:`, errorText(error));
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function signedInActor(
  user: { id: string; email: string },
  request: RequestInfo,
  via: "password" | "link",
): Actor {
  return {
    kind: "user",
    userId: user.id,
    // A platform admin entering a portal through a link acts there as Hearth staff.
    label: via === "link" ? `${user.email} (Hearth staff)` : user.email,
    ip: request.ip,
    userAgent: request.userAgent,
  };
}

/** A session was opened. `tenantId` null: on the console's root domain. */
export function auditSignIn(
  db: Queryable,
  input: {
    user: { id: string; email: string };
    tenantId: string | null;
    via: "password" | "link";
    request: RequestInfo;
  },
): Promise<void> {
  return recordAuthAudit(db, {
    actor: signedInActor(input.user, input.request, input.via),
    tenantId: input.tenantId,
    action: "auth.sign_in",
    targetType: "user",
    targetId: input.user.id,
    details: { via: input.via },
  });
}

/**
 * An existing account (or the IP it was tried from) was just locked out by too many failed
 * attempts. The actor is the throttle, not the user: nobody proved they were that user.
 */
export function auditLockout(
  db: Queryable,
  input: {
    user: { id: string; email: string };
    tenantId: string | null;
    scope: "account" | "ip";
    lockedUntil: Date;
    request: RequestInfo;
  },
): Promise<void> {
  return recordAuthAudit(db, {
    actor: {
      kind: "system",
      userId: null,
      label: "sign-in throttle",
      ip: input.request.ip,
      userAgent: input.request.userAgent,
    },
    tenantId: input.tenantId,
    action: "auth.sign_in.locked",
    targetType: "user",
    targetId: input.user.id,
    details: { email: input.user.email, scope: input.scope, lockedUntil: input.lockedUntil },
  });
}

/** A session was ended by its user. The claims come from the verified session token. */
export function auditSignOut(
  db: Queryable,
  input: { claims: SessionClaims; email: string; request: RequestInfo },
): Promise<void> {
  const { claims } = input;
  return recordAuthAudit(db, {
    actor: signedInActor({ id: claims.userId, email: input.email }, input.request, claims.via),
    tenantId: claims.tenantId,
    action: "auth.sign_out",
    targetType: "user",
    targetId: claims.userId,
    details: { via: claims.via },
  });
}
