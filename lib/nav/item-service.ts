import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformNavItems } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { invalidateNavCache } from "./cache";
import { getNavItem, type NavItemRow } from "./queries";
import {
  type NavItemInput,
  type NavItemUpdate,
  navItemInputSchema,
  navItemRefSchema,
  navItemUpdateSchema,
} from "./schemas";
import type { NavScope } from "./types";

// The platform's menu items (console, super admins): callers authorize with
// platformCan(role, "nav.write") first. Each change is one transaction with its audit row,
// and the menu cache is invalidated after it commits.

const navItemTarget = (scope: NavScope, key: string) => `${scope}:${key}`;

/** The parent must be a top-level item of the same scope, and an item with children cannot move under one. */
async function assertPlacement(
  tx: Tx,
  item: { scope: NavScope; key: string; parentKey: string | null },
  hasChildren: boolean,
): Promise<void> {
  if (item.parentKey === null) return;
  const parent = await getNavItem(tx, { scope: item.scope, key: item.parentKey });
  if (!parent) {
    throw new AppError("INVALID", `Parent "${item.parentKey}" is not an item of the ${item.scope} menu.`, {
      field: "parentKey",
    });
  }
  if (parent.parentKey !== null) {
    throw new AppError(
      "INVALID",
      `Parent "${parent.key}" is itself inside "${parent.parentKey}"; menus have one level of children.`,
      { field: "parentKey" },
    );
  }
  if (hasChildren) {
    throw new AppError(
      "INVALID",
      `"${item.key}" has items of its own, so it cannot be placed inside another item.`,
      {
        field: "parentKey",
      },
    );
  }
}

async function childKeys(tx: Tx, scope: NavScope, key: string): Promise<string[]> {
  const rows = await tx
    .select({ key: platformNavItems.key })
    .from(platformNavItems)
    .where(and(eq(platformNavItems.scope, scope), eq(platformNavItems.parentKey, key)));
  return rows.map((r) => r.key);
}

export async function createNavItem(
  db: Queryable,
  opts: { input: NavItemInput; actor: Actor },
): Promise<NavItemRow> {
  const values = navItemInputSchema.parse(opts.input);
  const row = await db.transaction(async (tx) => {
    if (await getNavItem(tx, values)) {
      throw new AppError(
        "CONFLICT",
        `The ${values.scope} menu already has an item with the key "${values.key}".`,
        {
          field: "key",
        },
      );
    }
    await assertPlacement(tx, values, false);
    let created: NavItemRow | undefined;
    try {
      [created] = await tx.insert(platformNavItems).values(values).returning();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          "CONFLICT",
          `The ${values.scope} menu already has an item with the key "${values.key}".`,
          {
            field: "key",
          },
        );
      }
      throw error;
    }
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      action: "nav.item.create",
      targetType: "nav_item",
      targetId: navItemTarget(created.scope, created.key),
      after: created,
    });
    return created;
  });
  invalidateNavCache({ scope: row.scope });
  return row;
}

/** Changes an item found by scope + key. Only the fields given change; the key never does (overrides refer to it). */
export async function updateNavItem(
  db: Queryable,
  opts: { input: NavItemUpdate; actor: Actor },
): Promise<NavItemRow> {
  const { scope, key, ...patch } = navItemUpdateSchema.parse(opts.input);
  const row = await db.transaction(async (tx) => {
    const before = await getNavItem(tx, { scope, key });
    if (!before) throw new AppError("NOT_FOUND", `The ${scope} menu has no item "${key}".`, { field: "key" });
    const changes = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as typeof patch;
    if (Object.keys(changes).length === 0) return before;
    if (changes.parentKey !== undefined && changes.parentKey !== before.parentKey) {
      const children = await childKeys(tx, scope, key);
      await assertPlacement(tx, { scope, key, parentKey: changes.parentKey }, children.length > 0);
    }
    const [after] = await tx
      .update(platformNavItems)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(platformNavItems.id, before.id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      action: "nav.item.update",
      targetType: "nav_item",
      targetId: navItemTarget(scope, key),
      before,
      after,
    });
    return after;
  });
  invalidateNavCache({ scope });
  return row;
}

/**
 * Deletes an item. One with children is refused (move or delete them first) rather than leaving
 * orphans that would silently vanish from every menu. Tenants' overrides of the key stay: they
 * are inert without the item and apply again if an item with that key is created later.
 */
export async function deleteNavItem(
  db: Queryable,
  opts: { scope: NavScope; key: string; actor: Actor },
): Promise<void> {
  const { scope, key } = navItemRefSchema.parse({ scope: opts.scope, key: opts.key });
  await db.transaction(async (tx) => {
    const before = await getNavItem(tx, { scope, key });
    if (!before) throw new AppError("NOT_FOUND", `The ${scope} menu has no item "${key}".`, { field: "key" });
    const children = await childKeys(tx, scope, key);
    if (children.length > 0) {
      throw new AppError(
        "CONFLICT",
        `"${key}" still contains ${children.join(", ")}: move or delete them first.`,
        {
          field: "key",
        },
      );
    }
    await tx.delete(platformNavItems).where(eq(platformNavItems.id, before.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: "nav.item.delete",
      targetType: "nav_item",
      targetId: navItemTarget(scope, key),
      before,
    });
  });
  invalidateNavCache({ scope });
}
