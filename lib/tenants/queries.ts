import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants, tenantMembers } from "@/db/schema";

export type Tenant = typeof platformTenants.$inferSelect;
export type TenantRole = (typeof tenantMembers.$inferSelect)["role"];

/** A tenant by its subdomain, soft-deleted ones included (callers decide what a deleted tenant shows). */
export async function getTenantBySlug(db: Queryable, slug: string): Promise<Tenant | null> {
  const [row] = await db.select().from(platformTenants).where(eq(platformTenants.slug, slug)).limit(1);
  return row ?? null;
}

export async function getTenantById(db: Queryable, id: string): Promise<Tenant | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(platformTenants).where(eq(platformTenants.id, id)).limit(1);
  return row ?? null;
}

/** The user's role in the tenant, or null when the user is not a member. */
export async function getMemberRole(db: Queryable, tenantId: string, userId: string): Promise<TenantRole | null> {
  const [row] = await db
    .select({ role: tenantMembers.role })
    .from(tenantMembers)
    .where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId)))
    .limit(1);
  return row?.role ?? null;
}

/** Feature keys of the tenant's plan (navigation and gates read them). */
export async function getPlanFeatures(db: Queryable, tenant: Pick<Tenant, "planId">): Promise<string[]> {
  if (!tenant.planId) return [];
  const [row] = await db
    .select({ features: platformPlans.features })
    .from(platformPlans)
    .where(eq(platformPlans.id, tenant.planId))
    .limit(1);
  return row?.features ?? [];
}
