import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants, tenantInvitations, tenantMembers, users } from "@/db/schema";
import { planLimit } from "@/lib/plans/limit-keys";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { TenantRole } from "@/lib/tenants/queries";
import { hashInvitationToken } from "./token";

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

type InvitationRow = typeof tenantInvitations.$inferSelect;

export type InvitationView = {
  id: string;
  email: string;
  role: TenantRole;
  status: InvitationStatus;
  invitedByName: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

export function invitationStatus(
  row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">,
  now: Date,
): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() > now.getTime() ? "pending" : "expired";
}

/** The condition of an invitation that can still be accepted: it reserves a seat. */
export function openInvitation(tenantId: string, now: Date) {
  return and(
    eq(tenantInvitations.tenantId, tenantId),
    isNull(tenantInvitations.acceptedAt),
    isNull(tenantInvitations.revokedAt),
    gt(tenantInvitations.expiresAt, now),
  );
}

/**
 * The tenant's invitations, newest first: pending, expired and accepted ones (revoked ones only
 * when asked, they are history nobody acts on).
 */
export async function listInvitations(
  db: Queryable,
  opts: { tenantId: string; includeRevoked?: boolean; now?: Date },
): Promise<InvitationView[]> {
  const now = opts.now ?? new Date();
  const rows = await withTenant(db, opts.tenantId, (tx) =>
    tx
      .select({ invitation: tenantInvitations, invitedByName: users.name })
      .from(tenantInvitations)
      .leftJoin(users, eq(users.id, tenantInvitations.invitedBy))
      .where(
        and(
          eq(tenantInvitations.tenantId, opts.tenantId),
          opts.includeRevoked ? undefined : isNull(tenantInvitations.revokedAt),
        ),
      )
      .orderBy(desc(tenantInvitations.createdAt), desc(tenantInvitations.id)),
  );
  return rows.map(({ invitation: i, invitedByName }) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    status: invitationStatus(i, now),
    invitedByName,
    expiresAt: i.expiresAt,
    acceptedAt: i.acceptedAt,
    revokedAt: i.revokedAt,
    createdAt: i.createdAt,
  }));
}

/** Invitations that can still be accepted. Each holds a seat until it is accepted, revoked or expires. */
export async function countOpenInvitations(tx: Queryable, tenantId: string, now: Date): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(tenantInvitations).where(openInvitation(tenantId, now));
  return row?.n ?? 0;
}

export type SeatUsage = {
  members: number;
  pendingInvitations: number;
  /** Members plus open invitations. */
  used: number;
  /** What the plan allows; null = unlimited. */
  limit: number | null;
};

export async function getSeatUsage(
  db: Queryable,
  opts: { tenantId: string; now?: Date },
): Promise<SeatUsage> {
  const now = opts.now ?? new Date();
  const [plan] = await db
    .select({ limits: platformPlans.limits })
    .from(platformTenants)
    .leftJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
    .where(eq(platformTenants.id, opts.tenantId))
    .limit(1);
  const [members, pendingInvitations] = await withTenant(db, opts.tenantId, async (tx) => {
    const [m] = await tx
      .select({ n: count() })
      .from(tenantMembers)
      .where(eq(tenantMembers.tenantId, opts.tenantId));
    return [m?.n ?? 0, await countOpenInvitations(tx, opts.tenantId, now)] as const;
  });
  return {
    members,
    pendingInvitations,
    used: members + pendingInvitations,
    limit: plan?.limits ? planLimit(plan.limits, "staff_seats") : null,
  };
}

export type InvitationForToken = {
  id: string;
  email: string;
  role: TenantRole;
  status: InvitationStatus;
  expiresAt: Date;
  /**
   * Whether the email already has a Hearth account with a password: it then joins with that
   * password. An account without one (created from the console) sets it here, as a new one does.
   */
  hasAccount: boolean;
};

/** The invitation behind a link, for the acceptance page; null for a token that matches nothing here. */
export async function findInvitationByToken(
  db: Queryable,
  opts: { tenantId: string; token: string; now?: Date },
): Promise<InvitationForToken | null> {
  const now = opts.now ?? new Date();
  const tokenHash = hashInvitationToken(opts.token);
  const [row] = await withTenant(db, opts.tenantId, (tx) =>
    tx
      .select()
      .from(tenantInvitations)
      .where(and(eq(tenantInvitations.tenantId, opts.tenantId), eq(tenantInvitations.tokenHash, tokenHash)))
      .limit(1),
  );
  if (!row) return null;
  const [account] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${row.email})`)
    .limit(1);
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    expiresAt: row.expiresAt,
    hasAccount: Boolean(account?.passwordHash),
  };
}
