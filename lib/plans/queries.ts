// Reads of the plan catalogue (platform-wide, no tenant scope) and of one tenant's plan history
// and pending adjustments (tenant-scoped: through withTenant, so row-level security applies).
import { and, asc, count, desc, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformBillingAdjustments, platformPlanChanges, platformPlans, platformTenants } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";

export type Plan = typeof platformPlans.$inferSelect;
export type BillingAdjustment = typeof platformBillingAdjustments.$inferSelect;
export type PlanChange = typeof platformPlanChanges.$inferSelect;

const catalogueOrder = [
  asc(platformPlans.sortOrder),
  asc(platformPlans.monthlyPriceMinor),
  asc(platformPlans.code),
];

/** Every plan in catalogue order; archived (inactive) plans only when asked. */
export async function listPlans(db: Queryable, opts: { includeArchived?: boolean } = {}): Promise<Plan[]> {
  return db
    .select()
    .from(platformPlans)
    .where(opts.includeArchived ? undefined : eq(platformPlans.isActive, true))
    .orderBy(...catalogueOrder);
}

/** The plans a tenant may choose: active, public, in its currency. */
export async function listPublicPlans(db: Queryable, opts: { currency: string }): Promise<Plan[]> {
  return db
    .select()
    .from(platformPlans)
    .where(
      and(
        eq(platformPlans.isActive, true),
        eq(platformPlans.isPublic, true),
        eq(platformPlans.currency, opts.currency),
      ),
    )
    .orderBy(...catalogueOrder);
}

export async function getPlanById(db: Queryable, id: string): Promise<Plan | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(platformPlans).where(eq(platformPlans.id, id)).limit(1);
  return row ?? null;
}

export async function getPlanByCode(db: Queryable, code: string): Promise<Plan | null> {
  const [row] = await db.select().from(platformPlans).where(eq(platformPlans.code, code)).limit(1);
  return row ?? null;
}

/** The plan self-service signups get, or null when none is set (or it has been archived since). */
export async function getDefaultPlan(db: Queryable): Promise<Plan | null> {
  const [row] = await db
    .select()
    .from(platformPlans)
    .where(and(eq(platformPlans.isDefault, true), eq(platformPlans.isActive, true)))
    .limit(1);
  return row ?? null;
}

/**
 * Tenants per plan id. `includeDeleted` counts soft-deleted tenants too: they still reference the
 * plan (and their invoices do), which is what decides whether a plan may be deleted.
 */
export async function countTenantsByPlan(
  db: Queryable,
  opts: { includeDeleted?: boolean } = {},
): Promise<Map<string, number>> {
  const rows = await db
    .select({ planId: platformTenants.planId, n: count() })
    .from(platformTenants)
    .where(opts.includeDeleted ? undefined : isNull(platformTenants.deletedAt))
    .groupBy(platformTenants.planId);
  const out = new Map<string, number>();
  for (const r of rows) if (r.planId) out.set(r.planId, r.n);
  return out;
}

// --- console table --------------------------------------------------------------------------

export const planSortable = ["sortOrder", "code", "name", "monthlyPriceMinor", "tenants"] as const;
export type PlanSortId = (typeof planSortable)[number];
export const planStatusFilters = ["active", "archived", "public", "private"] as const;
export type PlanStatusFilter = (typeof planStatusFilters)[number];

export type PlanListRow = Plan & { tenants: number };

/** One page of plans for the console, searched, filtered and sorted in SQL, with live tenant counts. */
export async function listPlansPage(
  db: Queryable,
  opts: {
    q?: string;
    status?: PlanStatusFilter;
    sort: { id: PlanSortId; desc: boolean };
    limit: number;
    offset: number;
  },
): Promise<{ rows: PlanListRow[]; total: number }> {
  const p = platformPlans;
  const conditions: SQL[] = [];
  if (opts.status === "active") conditions.push(eq(p.isActive, true));
  if (opts.status === "archived") conditions.push(eq(p.isActive, false));
  if (opts.status === "public") conditions.push(eq(p.isPublic, true));
  if (opts.status === "private") conditions.push(eq(p.isPublic, false));
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(p.code, like), ilike(p.name, like));
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const usage = db
    .select({ planId: platformTenants.planId, n: count().as("n") })
    .from(platformTenants)
    .where(isNull(platformTenants.deletedAt))
    .groupBy(platformTenants.planId)
    .as("plan_usage");
  const tenants = sql<number>`coalesce(${usage.n}, 0)::int`;
  const sortColumn = opts.sort.id === "tenants" ? tenants : p[opts.sort.id];
  const [rows, [total]] = await Promise.all([
    db
      .select({ plan: p, tenants })
      .from(p)
      .leftJoin(usage, eq(usage.planId, p.id))
      .where(where)
      .orderBy(opts.sort.desc ? desc(sortColumn) : asc(sortColumn), asc(p.code))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(p).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.plan, tenants: r.tenants })), total: total?.n ?? 0 };
}

// --- tenant-scoped ---------------------------------------------------------------------------

/** Adjustments waiting for the tenant's next invoice, oldest first. */
export async function listPendingAdjustments(db: Queryable, tenantId: string): Promise<BillingAdjustment[]> {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(platformBillingAdjustments)
      .where(
        and(eq(platformBillingAdjustments.tenantId, tenantId), isNull(platformBillingAdjustments.invoicedAt)),
      )
      // One change writes its rows in one statement (same created_at): credit before charge (enum order).
      .orderBy(
        asc(platformBillingAdjustments.createdAt),
        asc(platformBillingAdjustments.kind),
        asc(platformBillingAdjustments.id),
      ),
  );
}

/** The tenant's plan changes, newest first. */
export async function listPlanChanges(
  db: Queryable,
  tenantId: string,
  opts: { limit?: number } = {},
): Promise<PlanChange[]> {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(platformPlanChanges)
      .where(eq(platformPlanChanges.tenantId, tenantId))
      .orderBy(desc(platformPlanChanges.effectiveAt), desc(platformPlanChanges.createdAt))
      .limit(opts.limit ?? 50),
  );
}
