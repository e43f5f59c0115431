import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { tenantNavOverrides } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { getTenantById } from "@/lib/tenants/queries";
import { invalidateNavCache } from "./cache";
import { getNavItem, type NavOverrideRow, toNavOverride } from "./queries";
import {
  type NavOverrideInput,
  type NavOverrideValues,
  navKeySchema,
  navOverrideInputSchema,
  navOverrideListSchema,
} from "./schemas";

// A tenant's overrides of its portal menu. Callers authorize the tenant (its owner, or a super
// admin); the tenant id comes from the request's host or the console's chosen target, and every
// read and write runs through withTenant, so row-level security backs the check.

/** Overrides only make sense for a live tenant; deleted ones answer as if they did not exist. */
async function assertLiveTenant(db: Queryable, tenantId: string): Promise<void> {
  const tenant = await getTenantById(db, tenantId);
  if (!tenant || tenant.status === "deleted" || tenant.deletedAt) {
    throw new AppError("NOT_FOUND", "No such tenant.");
  }
}

async function assertPortalItem(tx: Tx, itemKey: string, field: string): Promise<void> {
  if (!(await getNavItem(tx, { scope: "portal", key: itemKey }))) {
    throw new AppError("INVALID", `"${itemKey}" is not an item of the portal menu.`, { field });
  }
}

function isNoop(o: NavOverrideValues): boolean {
  return !o.hidden && o.label == null && o.sortOrder == null;
}

/** Sets one override of the tenant's portal menu; omitted fields keep their current value. */
export async function upsertNavOverride(
  db: Queryable,
  opts: { tenantId: string; input: NavOverrideInput; actor: Actor },
): Promise<NavOverrideRow> {
  const values = navOverrideInputSchema.parse(opts.input);
  const { tenantId } = opts;
  await assertLiveTenant(db, tenantId);
  const row = await withTenant(db, tenantId, async (tx) => {
    await assertPortalItem(tx, values.itemKey, "itemKey");
    const [before] = await tx
      .select()
      .from(tenantNavOverrides)
      .where(and(eq(tenantNavOverrides.tenantId, tenantId), eq(tenantNavOverrides.itemKey, values.itemKey)));
    const next = {
      hidden: values.hidden ?? before?.hidden ?? false,
      label: values.label !== undefined ? values.label : (before?.label ?? null),
      sortOrder: values.sortOrder !== undefined ? values.sortOrder : (before?.sortOrder ?? null),
    };
    const [saved] = await tx
      .insert(tenantNavOverrides)
      .values({ tenantId, itemKey: values.itemKey, ...next })
      .onConflictDoUpdate({
        target: [tenantNavOverrides.tenantId, tenantNavOverrides.itemKey],
        set: { ...next, updatedAt: new Date() },
      })
      .returning();
    if (!saved) throw new Error("upsert returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId,
      action: "nav.override.upsert",
      targetType: "nav_override",
      targetId: values.itemKey,
      before: before ? toNavOverride(before) : null,
      after: toNavOverride(saved),
    });
    return saved;
  });
  invalidateNavCache({ tenantId });
  return row;
}

/** Drops one override (the item goes back to the platform's label and order). Returns whether there was one. */
export async function removeNavOverride(
  db: Queryable,
  opts: { tenantId: string; itemKey: string; actor: Actor },
): Promise<boolean> {
  const itemKey = navKeySchema.parse(opts.itemKey);
  const { tenantId } = opts;
  await assertLiveTenant(db, tenantId);
  const removed = await withTenant(db, tenantId, async (tx) => {
    const [before] = await tx
      .delete(tenantNavOverrides)
      .where(and(eq(tenantNavOverrides.tenantId, tenantId), eq(tenantNavOverrides.itemKey, itemKey)))
      .returning();
    if (!before) return false;
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId,
      action: "nav.override.remove",
      targetType: "nav_override",
      targetId: itemKey,
      before: toNavOverride(before),
    });
    return true;
  });
  if (removed) invalidateNavCache({ tenantId });
  return removed;
}

/**
 * Makes the tenant's overrides exactly `overrides` (the menu settings form saves this way).
 * Entries that change nothing are not stored. One transaction: the menu never shows half a save.
 */
export async function replaceNavOverrides(
  db: Queryable,
  opts: { tenantId: string; overrides: readonly NavOverrideInput[]; actor: Actor },
): Promise<NavOverrideRow[]> {
  const list = navOverrideListSchema.parse(opts.overrides);
  const { tenantId } = opts;
  await assertLiveTenant(db, tenantId);
  const rows = await withTenant(db, tenantId, async (tx) => {
    for (const [i, o] of list.entries()) await assertPortalItem(tx, o.itemKey, `overrides.${i}.itemKey`);
    const before = await tx
      .select()
      .from(tenantNavOverrides)
      .where(eq(tenantNavOverrides.tenantId, tenantId));
    await tx.delete(tenantNavOverrides).where(eq(tenantNavOverrides.tenantId, tenantId));
    const wanted = list.filter((o) => !isNoop(o));
    const saved = wanted.length
      ? await tx
          .insert(tenantNavOverrides)
          .values(
            wanted.map((o) => ({
              tenantId,
              itemKey: o.itemKey,
              hidden: o.hidden ?? false,
              label: o.label ?? null,
              sortOrder: o.sortOrder ?? null,
            })),
          )
          .returning()
      : [];
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId,
      action: "nav.override.replace",
      targetType: "nav_override",
      targetId: null,
      before: before.map(toNavOverride),
      after: saved.map(toNavOverride),
    });
    return saved;
  });
  invalidateNavCache({ tenantId });
  return rows;
}
