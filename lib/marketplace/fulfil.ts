import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { platformAddonPurchases, platformAddons, platformTenantAddons } from "@/db/schema";
import { type Actor, systemActor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { getCreditBalance } from "@/lib/credits/queries";
import { adjustCredits, grantCredits } from "@/lib/credits/service";
import { removeFlagOverride, setFlagOverride } from "@/lib/flags/override-service";

// Giving (and taking back) what an add-on purchase bought. Both run inside the payment's
// transaction and lock the purchase row first, so each happens exactly once per purchase. The
// flag services invalidate the flag cache before the caller commits: callers call
// `afterFlagChange()` again after their commit (completeCheckout and recordRefund do).

export type Purchase = typeof platformAddonPurchases.$inferSelect;
export type FulfilResult = { purchase: Purchase; replayed: boolean };

async function lockPurchase(tx: Tx, purchaseId: string): Promise<Purchase> {
  const [row] = await tx
    .select()
    .from(platformAddonPurchases)
    .where(eq(platformAddonPurchases.id, purchaseId))
    .for("update");
  if (!row) throw new Error(`purchase ${purchaseId} vanished`);
  return row;
}

async function addonOf(tx: Tx, purchase: Purchase) {
  const [addon] = await tx.select().from(platformAddons).where(eq(platformAddons.id, purchase.addonId));
  if (!addon) throw new Error(`add-on ${purchase.addonId} vanished`);
  return addon;
}

/**
 * Fulfils a paid purchase: an SMS bundle grants `smsCredits × quantity` credits through the
 * ledger with the payment reference as its unique key; a feature add-on switches its flag on for
 * the tenant and records the tenant's add-on. A fulfilled purchase is left as it is.
 */
export async function fulfilPurchase(
  tx: Tx,
  input: { purchaseId: string; paymentId: string; paymentReference: string; actor?: Actor },
): Promise<FulfilResult> {
  const actor = input.actor ?? systemActor("marketplace-fulfilment");
  const purchase = await lockPurchase(tx, input.purchaseId);
  if (purchase.status === "fulfilled") return { purchase, replayed: true };
  const addon = await addonOf(tx, purchase);
  const reason = `Add-on ${addon.code} (purchase ${purchase.id})`;
  if (addon.kind === "sms_bundle") {
    await grantCredits(tx, {
      tenantId: purchase.tenantId,
      amount: (addon.smsCredits ?? 0) * purchase.quantity,
      reason: "purchase",
      reference: input.paymentReference,
      note: reason,
      actor,
    });
  } else {
    if (!addon.featureFlagKey) throw new Error(`feature add-on ${addon.code} has no flag key`);
    await setFlagOverride(tx, {
      input: { key: addon.featureFlagKey, tenantId: purchase.tenantId, enabled: true, reason },
      actor,
    });
    const now = new Date();
    await tx
      .insert(platformTenantAddons)
      .values({ tenantId: purchase.tenantId, addonId: addon.id, purchaseId: purchase.id, active: true })
      .onConflictDoUpdate({
        target: [platformTenantAddons.tenantId, platformTenantAddons.addonId],
        set: { purchaseId: purchase.id, active: true, startedAt: now, endedAt: null },
      });
  }
  const [after] = await tx
    .update(platformAddonPurchases)
    .set({ status: "fulfilled", fulfilledAt: new Date(), updatedAt: new Date() })
    .where(eq(platformAddonPurchases.id, purchase.id))
    .returning();
  if (!after) throw new Error(`purchase ${purchase.id} vanished`);
  await recordAudit(tx, {
    actor,
    tenantId: purchase.tenantId,
    action: "marketplace.purchase.fulfil",
    targetType: "addon_purchase",
    targetId: purchase.id,
    before: { status: purchase.status },
    after: { status: after.status },
    details: { addon: addon.code, quantity: purchase.quantity, paymentId: input.paymentId },
  });
  return { purchase: after, replayed: false };
}

/**
 * Takes back a fully refunded purchase. Credits already spent cannot be recalled: the reversal
 * takes what is left of the bundle, down to a zero balance, and the audit entry says how many
 * it could not take. A feature add-on loses its override (the plan's rules decide again).
 */
export async function reversePurchase(
  tx: Tx,
  input: { purchaseId: string; refundReference: string; actor: Actor },
): Promise<FulfilResult> {
  const purchase = await lockPurchase(tx, input.purchaseId);
  if (purchase.status === "refunded") return { purchase, replayed: true };
  const addon = await addonOf(tx, purchase);
  const details: Record<string, unknown> = { addon: addon.code, refundReference: input.refundReference };
  if (purchase.status === "fulfilled" && addon.kind === "sms_bundle") {
    const granted = (addon.smsCredits ?? 0) * purchase.quantity;
    const { balance } = await getCreditBalance(tx, { tenantId: purchase.tenantId });
    const taken = Math.min(granted, Math.max(0, balance));
    if (taken > 0) {
      await adjustCredits(tx, {
        tenantId: purchase.tenantId,
        delta: -taken,
        note: `Refund of add-on ${addon.code} (purchase ${purchase.id})`,
        reference: `refund:${purchase.id}`,
        actor: input.actor,
      });
    }
    Object.assign(details, {
      creditsGranted: granted,
      creditsTaken: taken,
      creditsNotRecovered: granted - taken,
    });
  }
  if (purchase.status === "fulfilled" && addon.kind === "feature" && addon.featureFlagKey) {
    // Only while this purchase is the one holding the add-on: a later purchase of it keeps the flag.
    const ended = await tx
      .update(platformTenantAddons)
      .set({ active: false, endedAt: new Date() })
      .where(
        and(
          eq(platformTenantAddons.tenantId, purchase.tenantId),
          eq(platformTenantAddons.addonId, addon.id),
          eq(platformTenantAddons.purchaseId, purchase.id),
        ),
      )
      .returning({ addonId: platformTenantAddons.addonId });
    if (ended.length > 0) {
      await removeFlagOverride(tx, {
        input: { key: addon.featureFlagKey, tenantId: purchase.tenantId },
        actor: input.actor,
      });
    }
    details.featureRemoved = ended.length > 0;
  }
  const [after] = await tx
    .update(platformAddonPurchases)
    .set({ status: "refunded", refundedAt: new Date(), updatedAt: new Date() })
    .where(eq(platformAddonPurchases.id, purchase.id))
    .returning();
  if (!after) throw new Error(`purchase ${purchase.id} vanished`);
  await recordAudit(tx, {
    actor: input.actor,
    tenantId: purchase.tenantId,
    action: "marketplace.purchase.reverse",
    targetType: "addon_purchase",
    targetId: purchase.id,
    before: { status: purchase.status },
    after: { status: after.status },
    details,
  });
  return { purchase: after, replayed: false };
}
