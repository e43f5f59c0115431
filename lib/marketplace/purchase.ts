// Buying an add-on: the order (a pending purchase priced in the tenant's currency) and its
// payment (a checkout with the tenant's provider: Stripe, Paystack or the embedded test checkout).
// Fulfilment happens when the payment lands (lib/marketplace/fulfil.ts, from completeCheckout).
//
// On account: a feature add-on may be taken now and billed on the next cycle invoice (the cycle
// bills pending/fulfilled on-account purchases once). It is switched on at once, for active
// tenants only. SMS bundles are always paid up front: credits are spent at once and cannot be
// taken back if the invoice is never paid.
import { and, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import {
  platformAddonPrices,
  platformAddonPurchases,
  platformAddons,
  platformCheckoutSessions,
  platformTenantAddons,
} from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import type { PaymentsConfig } from "@/lib/billing/payments/config";
import { type StartedCheckout, startCheckout } from "@/lib/billing/payments/start-checkout";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { getTenantById } from "@/lib/tenants/queries";
import { fulfilPurchase } from "./fulfil";
import { type PurchaseInput, purchaseInputSchema } from "./schemas";

export type Purchase = typeof platformAddonPurchases.$inferSelect;
export type CreatedPurchase = { purchase: Purchase; checkout: StartedCheckout | null };

/** Ids from a URL are checked before they reach a uuid column (Postgres would raise a cast error). */
const isUuid = (id: string) => z.uuid().safeParse(id).success;

const notOffered = () =>
  new AppError("NOT_FOUND", "That add-on is not offered any more.", { field: "addonId" });

/**
 * Orders an add-on for `tenantId` (which must come from the request's tenant) and starts paying
 * for it: returns the purchase and the checkout to send the customer to (null when on account).
 */
export async function createPurchase(
  db: Queryable,
  input: PurchaseInput & { tenantId: string; actor: Actor },
  opts: { config?: PaymentsConfig; customerEmail?: string | null } = {},
): Promise<CreatedPurchase> {
  const { addonId, quantity, onAccount } = purchaseInputSchema.parse(input);
  const tenant = await getTenantById(db, input.tenantId);
  if (!tenant || tenant.status === "deleted") throw new AppError("NOT_FOUND", "There is no such hotel.");
  const currency = tenant.currency.toUpperCase();

  // The order and its audit row commit together; no transaction is held across the provider call.
  const purchase = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ addon: platformAddons, price: platformAddonPrices.amountMinor })
      .from(platformAddons)
      .innerJoin(
        platformAddonPrices,
        and(eq(platformAddonPrices.addonId, platformAddons.id), eq(platformAddonPrices.currency, currency)),
      )
      .where(and(eq(platformAddons.id, addonId), eq(platformAddons.isActive, true)))
      .limit(1);
    if (!row) throw notOffered();
    const { addon, price } = row;
    if (addon.kind === "feature") {
      if (quantity !== 1) {
        throw new AppError("INVALID", "A feature add-on is bought once.", { field: "quantity" });
      }
      const [held] = await tx
        .select({ active: platformTenantAddons.active })
        .from(platformTenantAddons)
        .where(
          and(
            eq(platformTenantAddons.tenantId, tenant.id),
            eq(platformTenantAddons.addonId, addon.id),
            eq(platformTenantAddons.active, true),
          ),
        )
        .limit(1);
      if (held)
        throw new AppError("CONFLICT", `${tenant.name} already has ${addon.name}.`, { field: "addonId" });
    }
    if (onAccount && addon.kind !== "feature") {
      throw new AppError("INVALID", "SMS bundles are paid when bought, not on account.", {
        field: "onAccount",
      });
    }
    if (onAccount && tenant.status !== "active") {
      throw new AppError("CONFLICT", "Only hotels in good standing can buy on account; pay now instead.", {
        field: "onAccount",
      });
    }
    const amountMinor = price * quantity;
    if (!Number.isSafeInteger(amountMinor) || amountMinor > 2_147_483_647) {
      throw new AppError("INVALID", "That order is too large; buy fewer at a time.", { field: "quantity" });
    }
    const [created] = await tx
      .insert(platformAddonPurchases)
      .values({
        tenantId: tenant.id,
        addonId: addon.id,
        quantity,
        amountMinor,
        currency,
        onAccount,
        createdByUserId: input.actor.userId,
      })
      .returning();
    if (!created) throw new Error("purchase insert returned no row");
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: tenant.id,
      action: "marketplace.purchase.create",
      targetType: "addon_purchase",
      targetId: created.id,
      after: created,
      details: { addon: addon.code, unitAmountMinor: price },
    });
    if (!onAccount) return created;
    // Delivered now, billed with the next cycle invoice.
    const { purchase: fulfilled } = await fulfilPurchase(tx, {
      purchaseId: created.id,
      paymentId: "on-account",
      paymentReference: `on-account:${created.id}`,
      actor: input.actor,
    });
    return fulfilled;
  });
  if (purchase.onAccount) return { purchase, checkout: null };

  try {
    const checkout = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "addon", purchaseId: purchase.id },
      input.actor,
      opts,
    );
    return { purchase, checkout };
  } catch (error) {
    // The order cannot be paid now; it shows as failed (a retry starts a new checkout).
    await db
      .update(platformAddonPurchases)
      .set({ status: "failed", updatedAt: new Date() })
      .where(and(eq(platformAddonPurchases.id, purchase.id), eq(platformAddonPurchases.status, "pending")));
    throw error;
  }
}

export type PurchaseRow = {
  id: string;
  addonId: string;
  addonName: string;
  addonCode: string;
  kind: "sms_bundle" | "feature";
  smsCredits: number | null;
  quantity: number;
  amountMinor: number;
  currency: string;
  status: Purchase["status"];
  onAccount: boolean;
  paymentProvider: Purchase["paymentProvider"];
  createdAt: Date;
  fulfilledAt: Date | null;
  refundedAt: Date | null;
};

const purchaseColumns = {
  id: platformAddonPurchases.id,
  addonId: platformAddonPurchases.addonId,
  addonName: platformAddons.name,
  addonCode: platformAddons.code,
  kind: platformAddons.kind,
  smsCredits: platformAddons.smsCredits,
  quantity: platformAddonPurchases.quantity,
  amountMinor: platformAddonPurchases.amountMinor,
  currency: platformAddonPurchases.currency,
  status: platformAddonPurchases.status,
  onAccount: platformAddonPurchases.onAccount,
  paymentProvider: platformAddonPurchases.paymentProvider,
  createdAt: platformAddonPurchases.createdAt,
  fulfilledAt: platformAddonPurchases.fulfilledAt,
  refundedAt: platformAddonPurchases.refundedAt,
};

/** A tenant's purchase history, newest first, read in the tenant's own scope (RLS applies). */
export async function listPurchases(
  db: Queryable,
  opts: { tenantId: string; page: number; pageSize: number },
): Promise<{ rows: PurchaseRow[]; total: number }> {
  const page = Math.max(1, Math.trunc(opts.page));
  const pageSize = Math.min(100, Math.max(1, Math.trunc(opts.pageSize)));
  return withTenant(db, opts.tenantId, async (tx) => {
    const mine = eq(platformAddonPurchases.tenantId, opts.tenantId);
    const rows = await tx
      .select(purchaseColumns)
      .from(platformAddonPurchases)
      .innerJoin(platformAddons, eq(platformAddons.id, platformAddonPurchases.addonId))
      .where(mine)
      .orderBy(desc(platformAddonPurchases.createdAt), desc(platformAddonPurchases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [totals] = await tx.select({ n: count() }).from(platformAddonPurchases).where(mine);
    return { rows, total: totals?.n ?? 0 };
  });
}

export type PurchaseDetail = PurchaseRow & {
  /** What the purchase delivered: credits added (bundles) or whether the feature is on now. */
  delivered:
    | { kind: "sms_bundle"; credits: number }
    | { kind: "feature"; flagKey: string | null; active: boolean }
    | null;
};

/** One of the tenant's purchases (another tenant's is null), with what it delivered. */
export async function getPurchase(
  db: Queryable,
  opts: { tenantId: string; purchaseId: string },
): Promise<PurchaseDetail | null> {
  if (!isUuid(opts.purchaseId)) return null;
  return withTenant(db, opts.tenantId, async (tx) => {
    const [row] = await tx
      .select({ ...purchaseColumns, flagKey: platformAddons.featureFlagKey })
      .from(platformAddonPurchases)
      .innerJoin(platformAddons, eq(platformAddons.id, platformAddonPurchases.addonId))
      .where(
        and(
          eq(platformAddonPurchases.tenantId, opts.tenantId),
          eq(platformAddonPurchases.id, opts.purchaseId),
        ),
      )
      .limit(1);
    if (!row) return null;
    const { flagKey, ...purchase } = row;
    if (purchase.status !== "fulfilled") return { ...purchase, delivered: null };
    if (purchase.kind === "sms_bundle") {
      return {
        ...purchase,
        delivered: { kind: "sms_bundle", credits: (purchase.smsCredits ?? 0) * purchase.quantity },
      };
    }
    const [held] = await tx
      .select({ active: platformTenantAddons.active, purchaseId: platformTenantAddons.purchaseId })
      .from(platformTenantAddons)
      .where(
        and(
          eq(platformTenantAddons.tenantId, opts.tenantId),
          eq(platformTenantAddons.addonId, purchase.addonId),
        ),
      )
      .limit(1);
    return { ...purchase, delivered: { kind: "feature", flagKey, active: held?.active === true } };
  });
}

/** The purchase a checkout paid for, if it is this tenant's add-on checkout (for the return banner). */
export async function purchaseOfCheckout(
  db: Queryable,
  opts: { tenantId: string; checkoutId: string },
): Promise<{ purchaseId: string; status: string } | null> {
  if (!isUuid(opts.checkoutId)) return null;
  return withTenant(db, opts.tenantId, async (tx) => {
    const [row] = await tx
      .select({ purchaseId: platformCheckoutSessions.purchaseId, status: platformCheckoutSessions.status })
      .from(platformCheckoutSessions)
      .where(
        and(
          eq(platformCheckoutSessions.tenantId, opts.tenantId),
          eq(platformCheckoutSessions.id, opts.checkoutId),
          eq(platformCheckoutSessions.purpose, "addon"),
        ),
      )
      .limit(1);
    return row?.purchaseId ? { purchaseId: row.purchaseId, status: row.status } : null;
  });
}
