// Writes to the add-on catalogue (console; callers authorize with "marketplace.write"). Each change
// and its prices commit in one transaction with the audit row. Add-ons are never deleted: purchases
// refer to them. Deactivating hides one from the marketplace; holders keep what they bought.
import { count, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformAddonPrices, platformAddonPurchases, platformAddons } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { getFlag } from "@/lib/flags/queries";
import type { Addon, AddonWithPrices } from "./queries";
import {
  type AddonInput,
  type AddonUpdate,
  type AddonValues,
  addonInputSchema,
  addonUpdateSchema,
  setAddonActiveSchema,
} from "./schemas";

function codeTaken(code: string): AppError {
  return new AppError("CONFLICT", `An add-on with the code "${code}" already exists.`, { field: "code" });
}

/** A feature add-on must name a flag that exists, or buying it would switch on nothing. */
async function assertFlagExists(tx: Tx, values: AddonValues): Promise<void> {
  if (values.kind !== "feature" || !values.featureFlagKey) return;
  if (await getFlag(tx, values.featureFlagKey)) return;
  throw new AppError(
    "INVALID",
    `There is no feature flag "${values.featureFlagKey}". Create it under Feature flags first.`,
    { field: "featureFlagKey" },
  );
}

/** Replaces the add-on's prices with `prices` (inside the caller's transaction). */
async function replacePrices(tx: Tx, addonId: string, prices: AddonValues["prices"]): Promise<void> {
  await tx.delete(platformAddonPrices).where(eq(platformAddonPrices.addonId, addonId));
  await tx.insert(platformAddonPrices).values(prices.map((p) => ({ addonId, ...p })));
}

async function lockAddon(tx: Tx, id: string): Promise<Addon> {
  const [row] = await tx
    .select()
    .from(platformAddons)
    .where(eq(platformAddons.id, id))
    .for("update")
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "That add-on does not exist.", { field: "id" });
  return row;
}

async function pricesOf(tx: Tx, addonId: string): Promise<AddonValues["prices"]> {
  const rows = await tx
    .select({ currency: platformAddonPrices.currency, amountMinor: platformAddonPrices.amountMinor })
    .from(platformAddonPrices)
    .where(eq(platformAddonPrices.addonId, addonId));
  return rows.sort((a, b) => a.currency.localeCompare(b.currency));
}

const sortPrices = (prices: AddonValues["prices"]) =>
  [...prices].sort((a, b) => a.currency.localeCompare(b.currency));

export async function createAddon(
  db: Queryable,
  opts: { input: AddonInput; actor: Actor },
): Promise<AddonWithPrices> {
  const { prices, ...values } = addonInputSchema.parse(opts.input);
  try {
    // The add-on and its prices appear together or not at all.
    return await db.transaction(async (tx) => {
      await assertFlagExists(tx, { ...values, prices });
      const [created] = await tx.insert(platformAddons).values(values).returning();
      if (!created) throw new Error("add-on insert returned no row");
      await replacePrices(tx, created.id, prices);
      const after = { ...created, prices: sortPrices(prices) };
      await recordAudit(tx, {
        actor: opts.actor,
        action: "marketplace.addon.create",
        targetType: "addon",
        targetId: created.id,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(values.code);
    throw error;
  }
}

/**
 * Replaces every field and the price list. The kind of an add-on that has been bought cannot
 * change: its purchases were fulfilled (and may be refunded) as that kind.
 */
export async function updateAddon(
  db: Queryable,
  opts: { input: AddonUpdate; actor: Actor },
): Promise<AddonWithPrices> {
  const { id, prices, ...values } = addonUpdateSchema.parse(opts.input);
  try {
    return await db.transaction(async (tx) => {
      const before = await lockAddon(tx, id);
      await assertFlagExists(tx, { ...values, prices });
      if (values.kind !== before.kind) {
        const [bought] = await tx
          .select({ n: count() })
          .from(platformAddonPurchases)
          .where(eq(platformAddonPurchases.addonId, id));
        if ((bought?.n ?? 0) > 0) {
          throw new AppError(
            "CONFLICT",
            `${before.name} has been bought, so its kind cannot change. Create a new add-on instead.`,
            { field: "kind" },
          );
        }
      }
      const beforePrices = await pricesOf(tx, id);
      const [updated] = await tx
        .update(platformAddons)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(platformAddons.id, id))
        .returning();
      if (!updated) throw new Error("add-on update returned no row");
      await replacePrices(tx, id, prices);
      const after = { ...updated, prices: sortPrices(prices) };
      await recordAudit(tx, {
        actor: opts.actor,
        action: "marketplace.addon.update",
        targetType: "addon",
        targetId: id,
        before: { ...before, prices: beforePrices },
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(values.code);
    throw error;
  }
}

/** Offers (true) or withdraws (false) an add-on in the marketplace. */
export async function setAddonActive(
  db: Queryable,
  opts: { id: string; isActive: boolean; actor: Actor },
): Promise<Addon> {
  const { id, isActive } = setAddonActiveSchema.parse(opts);
  return db.transaction(async (tx) => {
    const before = await lockAddon(tx, id);
    if (before.isActive === isActive) return before;
    const [after] = await tx
      .update(platformAddons)
      .set({ isActive, updatedAt: new Date() })
      .where(eq(platformAddons.id, id))
      .returning();
    if (!after) throw new Error("add-on update returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      action: isActive ? "marketplace.addon.activate" : "marketplace.addon.deactivate",
      targetType: "addon",
      targetId: id,
      before: { isActive: before.isActive },
      after: { isActive },
      details: { code: before.code },
    });
    return after;
  });
}
