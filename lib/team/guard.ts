import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { type TenantPermission, tenantCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Tenant, TenantRole } from "@/lib/tenants/queries";

/**
 * Who is changing the team: the audit actor and their role in the tenant (a platform admin who
 * came by a one-time link acts as owner). Services check the role themselves, so a route or action
 * that forgot its guard still cannot let staff manage the team.
 */
export type TeamCaller = { actor: Actor; actorRole: TenantRole };

export function assertTeamPermission(role: TenantRole, permission: TenantPermission = "members.write"): void {
  if (!tenantCan(role, permission)) {
    throw new AppError("FORBIDDEN", "Only the hotel's owners can manage the team.");
  }
}

/**
 * Locks the tenant row for the rest of the transaction: every change to members and invitations
 * takes this lock first, so seat counts and "is there another owner?" cannot change under a check.
 */
export async function lockTenant(tx: Queryable, tenantId: string): Promise<Tenant> {
  const [tenant] = await tx
    .select()
    .from(platformTenants)
    .where(eq(platformTenants.id, tenantId))
    .for("update");
  if (!tenant || tenant.status === "deleted") throw new AppError("NOT_FOUND", "This hotel does not exist.");
  return tenant;
}
