import { and, asc, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformTenants, tenantMembers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Tenant, TenantRole } from "@/lib/tenants/queries";
import { assertTeamPermission, lockTenant, type TeamCaller } from "./guard";
import { changeMemberRoleSchema, removeMemberSchema } from "./schemas";

type MemberRow = { id: string; userId: string; role: TenantRole; email: string };

async function getMember(tx: Queryable, tenantId: string, userId: string): Promise<MemberRow> {
  const [row] = await tx
    .select({
      id: tenantMembers.id,
      userId: tenantMembers.userId,
      role: tenantMembers.role,
      email: users.email,
    })
    .from(tenantMembers)
    .innerJoin(users, eq(users.id, tenantMembers.userId))
    .where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "This person is not a member of the team.");
  return row;
}

/** Another owner than `userId`, oldest first; null when `userId` is the only one. */
async function otherOwner(tx: Queryable, tenantId: string, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ userId: tenantMembers.userId })
    .from(tenantMembers)
    .where(
      and(
        eq(tenantMembers.tenantId, tenantId),
        eq(tenantMembers.role, "owner"),
        ne(tenantMembers.userId, userId),
      ),
    )
    .orderBy(asc(tenantMembers.createdAt))
    .limit(1);
  return row?.userId ?? null;
}

/** The hotel's contact owner follows the ownership: it must always be one of its owners. */
async function handOverOwnership(tx: Queryable, tenant: Tenant, leavingUserId: string, successor: string) {
  if (tenant.ownerUserId !== leavingUserId) return;
  await tx
    .update(platformTenants)
    .set({ ownerUserId: successor, updatedAt: new Date() })
    .where(eq(platformTenants.id, tenant.id));
}

/** The owner changes a member's role. A hotel always keeps at least one owner. */
export async function changeMemberRole(
  db: Queryable,
  input: TeamCaller & { tenantId: string; userId: string; role: TenantRole },
): Promise<void> {
  assertTeamPermission(input.actorRole);
  const { userId, role } = changeMemberRoleSchema.parse({ userId: input.userId, role: input.role });
  await withTenant(db, input.tenantId, async (tx) => {
    // Locked: two owners demoting each other at once must not leave the hotel without one.
    const tenant = await lockTenant(tx, input.tenantId);
    const member = await getMember(tx, input.tenantId, userId);
    if (member.role === role) return;
    if (member.role === "owner") {
      const successor = await otherOwner(tx, input.tenantId, userId);
      if (!successor) {
        throw new AppError("CONFLICT", "A hotel needs at least one owner: make someone else owner first.", {
          field: "role",
        });
      }
      await handOverOwnership(tx, tenant, userId, successor);
    }
    await tx
      .update(tenantMembers)
      .set({ role })
      .where(and(eq(tenantMembers.tenantId, input.tenantId), eq(tenantMembers.id, member.id)));
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: input.tenantId,
      action: "member.role.change",
      targetType: "member",
      targetId: userId,
      before: { email: member.email, role: member.role },
      after: { email: member.email, role },
    });
  });
}

/**
 * The owner removes a member: they can no longer sign in to this hotel (their account and their
 * other hotels stay). The last owner cannot be removed, by themselves or anyone.
 */
export async function removeMember(
  db: Queryable,
  input: TeamCaller & { tenantId: string; userId: string },
): Promise<void> {
  assertTeamPermission(input.actorRole);
  const { userId } = removeMemberSchema.parse({ userId: input.userId });
  await withTenant(db, input.tenantId, async (tx) => {
    const tenant = await lockTenant(tx, input.tenantId);
    const member = await getMember(tx, input.tenantId, userId);
    if (member.role === "owner") {
      const successor = await otherOwner(tx, input.tenantId, userId);
      if (!successor) {
        const who = userId === input.actor.userId ? "You are" : `${member.email} is`;
        throw new AppError("CONFLICT", `${who} the hotel's only owner: make someone else owner first.`);
      }
      await handOverOwnership(tx, tenant, userId, successor);
    }
    await tx
      .delete(tenantMembers)
      .where(and(eq(tenantMembers.tenantId, input.tenantId), eq(tenantMembers.id, member.id)));
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: input.tenantId,
      action: "member.remove",
      targetType: "member",
      targetId: userId,
      before: { email: member.email, role: member.role },
    });
  });
}
