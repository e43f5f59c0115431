import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { tenantInvitations, tenantMembers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertWithinLimit } from "@/lib/plans/limits";
import { tenantUrl } from "@/lib/tenancy/host";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { TenantRole } from "@/lib/tenants/queries";
import { assertTeamPermission, lockTenant, type TeamCaller } from "./guard";
import { type InvitationEmailOutcome, sendInvitationEmail } from "./invitation-email";
import { countOpenInvitations, type InvitationView, openInvitation } from "./queries";
import { INVITATION_TTL_DAYS, invitationIdSchema, inviteMemberSchema } from "./schemas";
import { createInvitationToken, invitationPath } from "./token";

const DAY_MS = 24 * 60 * 60 * 1000;

export type InviteResult = {
  invitation: InvitationView;
  /** The acceptance link, shown once to the owner (and in the email); stored only as its hash. */
  acceptUrl: string;
  /** Ids of the earlier pending invitations of this email that this one replaced. */
  replaced: string[];
  /** How the invitation email went (its message in the log). */
  email: InvitationEmailOutcome;
};

/**
 * The owner invites someone by email. Open invitations hold a seat, so the plan's staff_seats
 * limit counts members plus open invitations. Re-inviting an email with a pending invitation
 * revokes that one (its link stops working) and issues a new link. The email goes out once the
 * invitation is committed, so a refused invitation sends nothing.
 */
export async function inviteMember(
  db: Queryable,
  input: TeamCaller & { tenantId: string; email: string; role: TenantRole; now?: Date },
): Promise<InviteResult> {
  assertTeamPermission(input.actorRole);
  const { email, role } = inviteMemberSchema.parse({ email: input.email, role: input.role });
  const now = input.now ?? new Date();
  const tenantId = input.tenantId;

  const created = await withTenant(db, tenantId, async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const [member] = await tx
      .select({ id: tenantMembers.id })
      .from(tenantMembers)
      .innerJoin(users, eq(users.id, tenantMembers.userId))
      .where(and(eq(tenantMembers.tenantId, tenantId), sql`lower(${users.email}) = ${email}`))
      .limit(1);
    if (member) {
      throw new AppError("CONFLICT", `${email} is already a member of ${tenant.name}.`, { field: "email" });
    }

    const replaced = await tx
      .update(tenantInvitations)
      .set({ revokedAt: now })
      .where(and(openInvitation(tenantId, now), sql`lower(${tenantInvitations.email}) = ${email}`))
      .returning({ id: tenantInvitations.id });

    await assertSeatAvailable(tx, tenant, now);

    const { token, tokenHash } = createInvitationToken();
    const [row] = await tx
      .insert(tenantInvitations)
      .values({
        tenantId,
        email,
        role,
        tokenHash,
        invitedBy: input.actor.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("inviteMember: no row");

    const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
    const acceptUrl = tenantUrl(tenant.slug, ROOT_DOMAIN, PUBLIC_PROTOCOL, invitationPath(token));
    const inviterName = await userName(tx, input.actor.userId);
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: "member.invite",
      targetType: "invitation",
      targetId: row.id,
      after: { email, role, expiresAt: row.expiresAt },
      details: replaced.length ? { replacedInvitationIds: replaced.map((r) => r.id) } : undefined,
    });

    const result: Omit<InviteResult, "email"> = {
      invitation: {
        id: row.id,
        email: row.email,
        role: row.role,
        status: "pending",
        invitedByName: inviterName,
        expiresAt: row.expiresAt,
        acceptedAt: null,
        revokedAt: null,
        createdAt: row.createdAt,
      },
      acceptUrl,
      replaced: replaced.map((r) => r.id),
    };
    return { result, tenant, tokenHash, inviterName };
  });

  const { result, tenant, tokenHash, inviterName } = created;
  const emailOutcome = await sendInvitationEmail(db, {
    invitationId: result.invitation.id,
    tokenHash,
    to: email,
    tenant,
    inviterName: inviterName ?? `The team at ${tenant.name}`,
    role,
    acceptUrl: result.acceptUrl,
    expiresAt: result.invitation.expiresAt,
  });
  return { ...result, email: emailOutcome };
}

/**
 * One more seat for a new invitation: members and open invitations already hold theirs. The
 * registered staff_seats counter counts members, so open invitations are added to the request.
 */
async function assertSeatAvailable(
  tx: Queryable,
  tenant: { id: string; planId: string | null },
  now: Date,
): Promise<void> {
  const pending = await countOpenInvitations(tx, tenant.id, now);
  try {
    await assertWithinLimit(tx, tenant, "staff_seats", 1 + pending);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "LIMIT_REACHED" || pending === 0) throw error;
    const note = `${pending} pending invitation${pending === 1 ? " holds a seat" : "s hold seats"} until accepted, revoked or expired.`;
    throw new AppError("LIMIT_REACHED", `${error.message} ${note}`, {
      field: error.field,
      details: error.details,
    });
  }
}

export async function userName(tx: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name.trim() || null;
}

/** The owner withdraws a pending invitation: its link stops working and its seat is free again. */
export async function revokeInvitation(
  db: Queryable,
  input: TeamCaller & { tenantId: string; invitationId: string; now?: Date },
): Promise<void> {
  assertTeamPermission(input.actorRole);
  const { invitationId } = invitationIdSchema.parse({ invitationId: input.invitationId });
  const now = input.now ?? new Date();
  await withTenant(db, input.tenantId, async (tx) => {
    await lockTenant(tx, input.tenantId);
    const [row] = await tx
      .select()
      .from(tenantInvitations)
      .where(and(eq(tenantInvitations.tenantId, input.tenantId), eq(tenantInvitations.id, invitationId)))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", "This invitation does not exist.");
    if (row.acceptedAt) throw new AppError("CONFLICT", `${row.email} has already accepted this invitation.`);
    if (row.revokedAt) return;
    await tx
      .update(tenantInvitations)
      .set({ revokedAt: now })
      .where(and(eq(tenantInvitations.id, row.id), isNull(tenantInvitations.revokedAt)));
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: input.tenantId,
      action: "member.invite.revoke",
      targetType: "invitation",
      targetId: row.id,
      before: { email: row.email, role: row.role },
    });
  });
}
