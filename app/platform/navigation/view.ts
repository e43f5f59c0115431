import type { NavItemRow } from "@/lib/nav/queries";
import type { NavScope } from "@/lib/nav/types";

/** What the console's client components get of an item: plain values only. */
export type NavItemView = {
  scope: NavScope;
  key: string;
  label: string;
  href: string;
  icon: string;
  parentKey: string | null;
  sortOrder: number;
  roles: string[];
  featureFlag: string | null;
  planFeature: string | null;
  isActive: boolean;
};

export function toNavItemView(row: NavItemRow): NavItemView {
  return {
    scope: row.scope,
    key: row.key,
    label: row.label,
    href: row.href,
    icon: row.icon,
    parentKey: row.parentKey,
    sortOrder: row.sortOrder,
    roles: row.roles,
    featureFlag: row.featureFlag,
    planFeature: row.planFeature,
    isActive: row.isActive,
  };
}

/** Turns an item into the shape of an import file entry (defaults left out), for "Load current definition". */
export function toDefinitionEntry(item: NavItemView): Record<string, unknown> {
  return {
    scope: item.scope,
    key: item.key,
    label: item.label,
    href: item.href,
    icon: item.icon,
    ...(item.parentKey ? { parentKey: item.parentKey } : {}),
    sortOrder: item.sortOrder,
    ...(item.roles.length ? { roles: item.roles } : {}),
    ...(item.featureFlag ? { featureFlag: item.featureFlag } : {}),
    ...(item.planFeature ? { planFeature: item.planFeature } : {}),
    ...(item.isActive ? {} : { isActive: false }),
  };
}
