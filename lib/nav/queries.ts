import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformNavItems, tenantNavOverrides } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { NavOverride, NavScope } from "./types";

export type NavItemRow = typeof platformNavItems.$inferSelect;
export type NavOverrideRow = typeof tenantNavOverrides.$inferSelect;

/** Every item of a scope, inactive ones included (the console lists them all). */
export async function listNavItems(db: Queryable, opts: { scope: NavScope }): Promise<NavItemRow[]> {
  return db
    .select()
    .from(platformNavItems)
    .where(eq(platformNavItems.scope, opts.scope))
    .orderBy(asc(platformNavItems.sortOrder), asc(platformNavItems.label), asc(platformNavItems.key));
}

export async function getNavItem(
  db: Queryable,
  opts: { scope: NavScope; key: string },
): Promise<NavItemRow | null> {
  const [row] = await db
    .select()
    .from(platformNavItems)
    .where(and(eq(platformNavItems.scope, opts.scope), eq(platformNavItems.key, opts.key)))
    .limit(1);
  return row ?? null;
}

/** One tenant's overrides, read through the tenant-scoped path (row-level security applies). */
export async function listNavOverrides(db: Queryable, opts: { tenantId: string }): Promise<NavOverrideRow[]> {
  return withTenant(db, opts.tenantId, (tx) =>
    tx
      .select()
      .from(tenantNavOverrides)
      .where(eq(tenantNavOverrides.tenantId, opts.tenantId))
      .orderBy(asc(tenantNavOverrides.itemKey)),
  );
}

/** Just the columns that change a menu, for the effective-menu cache. */
export function toNavOverride(row: NavOverrideRow): NavOverride {
  return { itemKey: row.itemKey, hidden: row.hidden, label: row.label, sortOrder: row.sortOrder };
}
