import { toNavIcon } from "./icons";
import type { MenuConditions, MenuItem, NavItemDefinition, NavOverride } from "./types";

type Entry = { menu: MenuItem; parentKey: string | null; sortOrder: number };

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Whether the item's own conditions let this viewer see it (before any tenant override). */
export function meetsConditions(item: NavItemDefinition, conditions: MenuConditions): boolean {
  if (!item.isActive) return false;
  if (item.roles.length > 0 && !item.roles.includes(conditions.role)) return false;
  if (item.featureFlag && !conditions.flags.has(item.featureFlag)) return false;
  if (item.planFeature && !conditions.planFeatures.has(item.planFeature)) return false;
  return true;
}

function byOrderThenLabel(a: Entry, b: Entry): number {
  return (
    a.sortOrder - b.sortOrder ||
    collator.compare(a.menu.label, b.menu.label) ||
    a.menu.key.localeCompare(b.menu.key)
  );
}

/**
 * The effective menu, from the platform items of one scope and one tenant's overrides. Pure.
 *
 * - An item shows when it is active and the viewer meets its role, feature-flag and plan-feature conditions.
 * - An override can hide it (its children go with it), rename it, or move it (`sortOrder`).
 * - Children hang under a top-level parent (one level). A child whose parent is not shown, or whose
 *   parent is itself a child, is dropped rather than promoted: hiding a section hides all of it.
 * - Siblings are ordered by (sortOrder, label, key), using the overridden values, so the order is stable.
 */
export function computeMenu(
  items: readonly NavItemDefinition[],
  overrides: readonly NavOverride[],
  conditions: MenuConditions,
): MenuItem[] {
  const overrideByKey = new Map(overrides.map((o) => [o.itemKey, o]));
  const shown = new Map<string, Entry>();
  for (const item of items) {
    if (!meetsConditions(item, conditions)) continue;
    const override = overrideByKey.get(item.key);
    if (override?.hidden) continue;
    const label = override?.label?.trim() ? override.label.trim() : item.label;
    shown.set(item.key, {
      menu: { key: item.key, label, href: item.href, icon: toNavIcon(item.icon) },
      parentKey: item.parentKey,
      sortOrder: override?.sortOrder ?? item.sortOrder,
    });
  }

  const topLevel: Entry[] = [];
  const childrenByParent = new Map<string, Entry[]>();
  for (const entry of shown.values()) {
    if (entry.parentKey === null) {
      topLevel.push(entry);
      continue;
    }
    const parent = shown.get(entry.parentKey);
    if (!parent || parent.parentKey !== null) continue;
    const siblings = childrenByParent.get(entry.parentKey) ?? [];
    siblings.push(entry);
    childrenByParent.set(entry.parentKey, siblings);
  }

  return topLevel.sort(byOrderThenLabel).map((entry) => {
    const children = childrenByParent.get(entry.menu.key);
    if (!children?.length) return entry.menu;
    return { ...entry.menu, children: children.sort(byOrderThenLabel).map((c) => c.menu) };
  });
}
