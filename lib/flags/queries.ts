import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  platformFeatureFlagOverrides,
  platformFeatureFlags,
  platformNavItems,
  platformPlans,
  platformTenants,
} from "@/db/schema";
import { summarizeRules } from "./summary";

export type FlagRow = typeof platformFeatureFlags.$inferSelect;
export type FlagOverrideRow = typeof platformFeatureFlagOverrides.$inferSelect;

export async function getFlag(db: Queryable, key: string): Promise<FlagRow | null> {
  const [row] = await db
    .select()
    .from(platformFeatureFlags)
    .where(eq(platformFeatureFlags.key, key))
    .limit(1);
  return row ?? null;
}

export const flagSortable = ["key", "updatedAt"] as const;
export const flagStates = ["on", "off", "killed"] as const;
export type FlagState = (typeof flagStates)[number];

export type FlagListRow = {
  id: string;
  key: string;
  description: string;
  defaultEnabled: boolean;
  killed: boolean;
  ruleCount: number;
  rulesSummary: string;
  overrides: number;
  updatedAt: Date;
};

/** One page of flags for the console: searched by key and description, filtered by state, sorted in SQL. */
export async function listFlags(
  db: Queryable,
  opts: {
    q?: string;
    state?: FlagState;
    sort: { id: (typeof flagSortable)[number]; desc: boolean };
    limit: number;
    offset: number;
  },
): Promise<{ rows: FlagListRow[]; total: number }> {
  const f = platformFeatureFlags;
  const conditions: SQL[] = [];
  if (opts.state === "killed") conditions.push(eq(f.killed, true));
  if (opts.state === "on") conditions.push(and(eq(f.killed, false), eq(f.defaultEnabled, true)) as SQL);
  if (opts.state === "off") conditions.push(and(eq(f.killed, false), eq(f.defaultEnabled, false)) as SQL);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(f.key, like), ilike(f.description, like));
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const overrideCount = db
    .select({ flagId: platformFeatureFlagOverrides.flagId, n: count().as("n") })
    .from(platformFeatureFlagOverrides)
    .groupBy(platformFeatureFlagOverrides.flagId)
    .as("override_count");
  const sortColumn = f[opts.sort.id];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: f.id,
        key: f.key,
        description: f.description,
        defaultEnabled: f.defaultEnabled,
        killed: f.killed,
        rules: f.rules,
        overrides: sql<number>`coalesce(${overrideCount.n}, 0)::int`,
        updatedAt: f.updatedAt,
      })
      .from(f)
      .leftJoin(overrideCount, eq(overrideCount.flagId, f.id))
      .where(where)
      .orderBy(opts.sort.desc ? desc(sortColumn) : asc(sortColumn), asc(f.key))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(f).where(where),
  ]);
  return {
    rows: rows.map(({ rules, ...row }) => ({
      ...row,
      ruleCount: rules.length,
      rulesSummary: summarizeRules(rules),
    })),
    total: total?.n ?? 0,
  };
}

export type FlagOverrideListRow = {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  enabled: boolean;
  reason: string;
  createdAt: Date;
};

/** A flag's per-tenant overrides, with the hotel's name, newest first. */
export async function listFlagOverrides(
  db: Queryable,
  opts: { flagId: string },
): Promise<FlagOverrideListRow[]> {
  const o = platformFeatureFlagOverrides;
  return db
    .select({
      tenantId: o.tenantId,
      tenantName: platformTenants.name,
      tenantSlug: platformTenants.slug,
      enabled: o.enabled,
      reason: o.reason,
      createdAt: o.createdAt,
    })
    .from(o)
    .innerJoin(platformTenants, eq(platformTenants.id, o.tenantId))
    .where(eq(o.flagId, opts.flagId))
    .orderBy(desc(o.createdAt), asc(platformTenants.name));
}

/** The code of the tenant's plan, which plan-list rules match on; null without a plan or tenant. */
export async function getTenantPlanCode(db: Queryable, tenantId: string): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(tenantId)) return null;
  const [row] = await db
    .select({ code: platformPlans.code })
    .from(platformTenants)
    .innerJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
    .where(eq(platformTenants.id, tenantId))
    .limit(1);
  return row?.code ?? null;
}

export async function getPlanCodeById(db: Queryable, planId: string): Promise<string | null> {
  const [row] = await db
    .select({ code: platformPlans.code })
    .from(platformPlans)
    .where(eq(platformPlans.id, planId))
    .limit(1);
  return row?.code ?? null;
}

/** Every plan, archived ones too (a rule may target a plan that still has tenants), for pickers. */
export async function listPlanChoices(
  db: Queryable,
): Promise<Array<{ code: string; name: string; isActive: boolean }>> {
  return db
    .select({ code: platformPlans.code, name: platformPlans.name, isActive: platformPlans.isActive })
    .from(platformPlans)
    .orderBy(asc(platformPlans.sortOrder), asc(platformPlans.name));
}

export type FlagReferences = {
  plans: Array<{ code: string; name: string }>;
  navItems: Array<{ scope: string; key: string; label: string }>;
};

/** What refers to a flag key: plans listing it among their features, and menu items it shows or hides. */
export async function getFlagReferences(db: Queryable, key: string): Promise<FlagReferences> {
  const [plans, navItems] = await Promise.all([
    db
      .select({ code: platformPlans.code, name: platformPlans.name })
      .from(platformPlans)
      .where(sql`${key} = any(${platformPlans.features})`)
      .orderBy(asc(platformPlans.code)),
    db
      .select({ scope: platformNavItems.scope, key: platformNavItems.key, label: platformNavItems.label })
      .from(platformNavItems)
      .where(eq(platformNavItems.featureFlag, key))
      .orderBy(asc(platformNavItems.scope), asc(platformNavItems.key)),
  ]);
  return { plans, navItems };
}

/** Names of the hotels a flag's rules and overrides mention, for pickers that list only the first few hundred. */
export async function getTenantNames(
  db: Queryable,
  ids: readonly string[],
): Promise<Array<{ id: string; name: string; slug: string; status: string }>> {
  const valid = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return [];
  return db
    .select({
      id: platformTenants.id,
      name: platformTenants.name,
      slug: platformTenants.slug,
      status: platformTenants.status,
    })
    .from(platformTenants)
    .where(inArray(platformTenants.id, valid));
}
