import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformNavItems } from "@/db/schema";
import { cachedNavItems, cachedNavOverrides } from "./cache";
import { computeMenu } from "./compute-menu";
import { listNavOverrides, toNavOverride } from "./queries";
import type { MenuItem, NavItemDefinition, NavOverride, NavScope } from "./types";

export type { MenuItem } from "./types";

export type EffectiveMenuInput = {
  scope: NavScope;
  /** The tenant whose overrides apply (portal scope); null for the console. */
  tenantId: string | null;
  /** The viewer's role in that scope: a platform role for the console, a tenant role for a portal. */
  role: string;
  flags: ReadonlySet<string>;
  planFeatures: ReadonlySet<string>;
};

async function loadActiveItems(db: Queryable, scope: NavScope): Promise<NavItemDefinition[]> {
  return db
    .select({
      key: platformNavItems.key,
      label: platformNavItems.label,
      href: platformNavItems.href,
      icon: platformNavItems.icon,
      parentKey: platformNavItems.parentKey,
      sortOrder: platformNavItems.sortOrder,
      roles: platformNavItems.roles,
      featureFlag: platformNavItems.featureFlag,
      planFeature: platformNavItems.planFeature,
      isActive: platformNavItems.isActive,
    })
    .from(platformNavItems)
    .where(and(eq(platformNavItems.scope, scope), eq(platformNavItems.isActive, true)));
}

async function loadOverrides(db: Queryable, tenantId: string): Promise<NavOverride[]> {
  return (await listNavOverrides(db, { tenantId })).map(toNavOverride);
}

/**
 * The menu a viewer sees: the scope's active platform items, filtered by the viewer's role, the
 * enabled feature flags and the tenant's plan features, with the tenant's overrides applied.
 * Both reads are cached (see ./cache.ts); the rules are in `computeMenu`.
 */
export async function getEffectiveMenu(db: Queryable, input: EffectiveMenuInput): Promise<MenuItem[]> {
  const { scope, tenantId } = input;
  // Overrides are a portal feature: the console menu is the same for every tenant.
  const [items, overrides] = await Promise.all([
    cachedNavItems(db, scope, () => loadActiveItems(db, scope)),
    scope === "portal" && tenantId ? cachedNavOverrides(db, tenantId, () => loadOverrides(db, tenantId)) : [],
  ]);
  return computeMenu(items, overrides, input);
}
