import { and, asc, count, desc, eq, ilike, ne, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants, tenantMembers, users } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";

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
export async function getMemberRole(
  db: Queryable,
  tenantId: string,
  userId: string,
): Promise<TenantRole | null> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ role: tenantMembers.role })
      .from(tenantMembers)
      .where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId)))
      .limit(1),
  );
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

export type TenantListRow = {
  id: string;
  slug: string;
  name: string;
  status: Tenant["status"];
  planName: string | null;
  country: string;
  members: number;
  createdAt: Date;
};

export const tenantSortable = ["name", "slug", "status", "createdAt"] as const;

/** One page of tenants for the console, searched, filtered and sorted in SQL. */
export async function listTenants(
  db: Queryable,
  opts: {
    q?: string;
    status?: Tenant["status"];
    includeDeleted?: boolean;
    sort: { id: (typeof tenantSortable)[number]; desc: boolean };
    limit: number;
    offset: number;
  },
): Promise<{ rows: TenantListRow[]; total: number }> {
  const t = platformTenants;
  const conditions: SQL[] = [];
  if (opts.status) conditions.push(eq(t.status, opts.status));
  else if (!opts.includeDeleted) conditions.push(ne(t.status, "deleted"));
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(t.name, like), ilike(t.slug, like), ilike(t.contactEmail, like));
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const memberCount = db
    .select({ tenantId: tenantMembers.tenantId, n: count().as("n") })
    .from(tenantMembers)
    .groupBy(tenantMembers.tenantId)
    .as("member_count");
  const sortColumn = t[opts.sort.id];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: t.id,
        slug: t.slug,
        name: t.name,
        status: t.status,
        planName: platformPlans.name,
        country: t.country,
        members: sql<number>`coalesce(${memberCount.n}, 0)::int`,
        createdAt: t.createdAt,
      })
      .from(t)
      .leftJoin(platformPlans, eq(platformPlans.id, t.planId))
      .leftJoin(memberCount, eq(memberCount.tenantId, t.id))
      .where(where)
      .orderBy(opts.sort.desc ? desc(sortColumn) : asc(sortColumn), asc(t.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Tenants per status, for the console overview. */
export async function countTenantsByStatus(db: Queryable): Promise<Record<Tenant["status"], number>> {
  const rows = await db
    .select({ status: platformTenants.status, n: count() })
    .from(platformTenants)
    .groupBy(platformTenants.status);
  const out: Record<Tenant["status"], number> = {
    trial: 0,
    active: 0,
    past_due: 0,
    suspended: 0,
    deleted: 0,
  };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export type MemberRow = {
  userId: string;
  name: string;
  email: string;
  role: TenantRole;
  joinedAt: Date;
  lastLoginAt: Date | null;
};

/** The tenant's members, read through the tenant-scoped path. */
export async function listTenantMembers(db: Queryable, tenantId: string): Promise<MemberRow[]> {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: tenantMembers.role,
        joinedAt: tenantMembers.createdAt,
        lastLoginAt: users.lastLoginAt,
      })
      .from(tenantMembers)
      .innerJoin(users, eq(users.id, tenantMembers.userId))
      .where(eq(tenantMembers.tenantId, tenantId))
      .orderBy(asc(tenantMembers.role), asc(users.name)),
  );
}
