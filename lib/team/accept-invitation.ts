import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { tenantInvitations, tenantMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkLoginThrottle, lockedMessage, recordLoginAttempt } from "@/lib/auth/throttle";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertWithinLimit } from "@/lib/plans/limits";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { TenantRole } from "@/lib/tenants/queries";
import { lockTenant } from "./guard";
import { findInvitationByToken, type InvitationStatus } from "./queries";
import { acceptInvitationSchema, newAccountFormSchema } from "./schemas";
import { hashInvitationToken } from "./token";

export type AcceptResult = {
  userId: string;
  email: string;
  role: TenantRole;
  /** False when the email already had a Hearth account and joined with it. */
  createdAccount: boolean;
};

const unusable: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation has already been used. Sign in with the account you created.",
  revoked: "This invitation was withdrawn. Ask the hotel's owner for a new one.",
  expired: "This invitation has expired. Ask the hotel's owner to send a new one.",
};

/** Why a link cannot be used, in words for the person holding it. */
export function invitationProblem(status: InvitationStatus | null): string | null {
  if (status === null) return "This invitation link is not valid. Check that you copied all of it.";
  return status === "pending" ? null : unusable[status];
}

/**
 * Someone opens an invitation link on the hotel's host and joins. A new email gets an account with
 * the name and password given; an email that already has a Hearth account joins with that
 * account, proven by its current password (never replaced here). The invitation is consumed by
 * one conditional UPDATE, so of two concurrent acceptances exactly one wins, and every refusal
 * after it rolls the consumption back.
 */
export async function acceptInvitation(
  db: Queryable,
  input: {
    tenantId: string;
    token: string;
    name: string;
    password: string;
    request?: { ip: string | null; userAgent: string | null };
    now?: Date;
  },
): Promise<AcceptResult> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID", issue?.message ?? "Check the form.", { field: issue?.path[0]?.toString() });
  }
  const { token, name, password } = parsed.data;
  const tenantId = input.tenantId;
  const now = input.now ?? new Date();
  const ip = input.request?.ip ?? null;

  // Read first, to refuse a bad link before any password is checked or hashed.
  const found = await findInvitationByToken(db, { tenantId, token, now });
  const problem = invitationProblem(found?.status ?? null);
  if (!found || problem)
    throw new AppError(found ? "CONFLICT" : "NOT_FOUND", problem ?? "Invalid invitation.");

  let passwordHash: string | null = null;
  if (found.hasAccount) {
    await assertExistingPassword(db, { email: found.email, password, ip, now });
  } else {
    const form = newAccountFormSchema.safeParse({ name, password, confirm: password });
    if (!form.success) {
      const issue = form.error.issues[0];
      throw new AppError("INVALID", issue?.message ?? "Check the form.", {
        field: issue?.path[0]?.toString(),
      });
    }
    passwordHash = await hashPassword(password);
  }

  try {
    return await withTenant(db, tenantId, async (tx) => {
      const tenant = await lockTenant(tx, tenantId);
      if (tenant.status === "suspended") {
        throw new AppError("FORBIDDEN", `${tenant.name} is suspended at the moment; ask its owner.`);
      }
      // The one step that consumes the invitation: only a pending, unexpired one matches.
      const [invitation] = await tx
        .update(tenantInvitations)
        .set({ acceptedAt: now })
        .where(
          and(
            eq(tenantInvitations.tenantId, tenantId),
            eq(tenantInvitations.tokenHash, hashInvitationToken(token)),
            isNull(tenantInvitations.acceptedAt),
            isNull(tenantInvitations.revokedAt),
            gt(tenantInvitations.expiresAt, now),
          ),
        )
        .returning();
      if (!invitation) {
        const again = await findInvitationByToken(tx, { tenantId, token, now });
        throw new AppError("CONFLICT", invitationProblem(again?.status ?? null) ?? unusable.accepted);
      }

      const [existing] = await tx
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          passwordHash: users.passwordHash,
          disabledAt: users.disabledAt,
        })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${invitation.email})`)
        .limit(1);
      let user: { id: string; email: string; name: string };
      if (existing) {
        if (existing.disabledAt)
          throw new AppError("FORBIDDEN", "This account is disabled. Contact Hearth support.");
        if (existing.passwordHash) {
          // An account that got a password since the form was checked: its owner must prove it is theirs.
          if (!found.hasAccount) {
            throw new AppError("CONFLICT", "An account with this email was just set up. Reload the page.");
          }
        } else {
          // An account created without a password (e.g. from the console): the link proves the email, so it sets one.
          if (!passwordHash) throw new AppError("CONFLICT", "This account has changed. Reload the page.");
          await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, existing.id));
        }
        user = existing;
      } else {
        if (!passwordHash) throw new AppError("CONFLICT", "This account no longer exists. Reload the page.");
        const [created] = await tx
          .insert(users)
          .values({ email: invitation.email, name, passwordHash })
          .returning({ id: users.id, email: users.email, name: users.name });
        if (!created) throw new Error("acceptInvitation: no user row");
        user = created;
      }

      const [already] = await tx
        .select({ id: tenantMembers.id })
        .from(tenantMembers)
        .where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, user.id)))
        .limit(1);
      if (already)
        throw new AppError("CONFLICT", `You are already a member of ${tenant.name}. Sign in instead.`);
      // The invitation held a seat; a plan downgraded since may have taken it away.
      await assertWithinLimit(tx, tenant, "staff_seats", 1);
      await tx.insert(tenantMembers).values({ tenantId, userId: user.id, role: invitation.role });

      const actor: Actor = {
        kind: "user",
        userId: user.id,
        label: user.email,
        ip,
        userAgent: input.request?.userAgent ?? null,
      };
      await recordAudit(tx, {
        actor,
        tenantId,
        action: "member.join",
        targetType: "member",
        targetId: user.id,
        after: { email: user.email, role: invitation.role },
        details: { invitationId: invitation.id, createdAccount: !existing },
      });
      return { userId: user.id, email: user.email, role: invitation.role, createdAccount: !existing };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This invitation was just used. Reload the page and sign in.");
    }
    throw error;
  }
}

/**
 * Joining with an existing account: its password, under the same throttle as the sign-in form,
 * so the acceptance page is no side door for guessing passwords.
 */
async function assertExistingPassword(
  db: Queryable,
  opts: { email: string; password: string; ip: string | null; now: Date },
): Promise<void> {
  const decision = await checkLoginThrottle(db, { email: opts.email, ip: opts.ip }, opts.now);
  if (decision.kind === "locked") throw new AppError("RATE_LIMITED", lockedMessage(decision.retryAfterMs));
  const [account] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${opts.email})`)
    .limit(1);
  const ok = await verifyPassword(account?.passwordHash, opts.password);
  await recordLoginAttempt(db, { email: opts.email, ip: opts.ip, succeeded: ok }, opts.now);
  if (!ok) {
    throw new AppError(
      "INVALID",
      "This email already has a Hearth account: enter that account's current password to join.",
      { field: "password" },
    );
  }
}
