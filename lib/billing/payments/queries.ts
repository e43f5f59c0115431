import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  platformAddonPurchases,
  platformAddons,
  platformCheckoutSessions,
  platformInvoices,
  platformPayments,
} from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Checkout, Payment } from "./complete-checkout";

/** A checkout by id (platform path: webhooks and callbacks, which have no tenant session). */
export async function findCheckout(db: Queryable, input: { checkoutId: string }): Promise<Checkout | null> {
  const [row] = await db
    .select()
    .from(platformCheckoutSessions)
    .where(eq(platformCheckoutSessions.id, input.checkoutId));
  return row ?? null;
}

export async function findPaymentByReference(
  db: Queryable,
  input: { provider: Payment["provider"]; reference: string },
): Promise<Payment | null> {
  const [row] = await db
    .select()
    .from(platformPayments)
    .where(
      and(
        eq(platformPayments.provider, input.provider),
        eq(platformPayments.providerReference, input.reference),
      ),
    );
  return row ?? null;
}

export type CheckoutSummary = {
  checkout: Checkout;
  /** What is being paid, for the page: "Invoice HRT-2026-000123" or "SMS 1,000 × 2". */
  description: string;
};

/** A tenant's own checkout with what it pays for, read in the tenant's scope; another tenant's is null. */
export async function getCheckoutSummary(
  db: Queryable,
  input: { tenantId: string; checkoutId: string },
): Promise<CheckoutSummary | null> {
  return withTenant(db, input.tenantId, async (tx) => {
    const [checkout] = await tx
      .select()
      .from(platformCheckoutSessions)
      .where(
        and(
          eq(platformCheckoutSessions.tenantId, input.tenantId),
          eq(platformCheckoutSessions.id, input.checkoutId),
        ),
      );
    if (!checkout) return null;
    if (checkout.invoiceId) {
      const [invoice] = await tx
        .select({ number: platformInvoices.number })
        .from(platformInvoices)
        .where(eq(platformInvoices.id, checkout.invoiceId));
      return { checkout, description: `Invoice ${invoice?.number ?? ""}`.trim() };
    }
    if (checkout.purchaseId) {
      const [purchase] = await tx
        .select({ name: platformAddons.name, quantity: platformAddonPurchases.quantity })
        .from(platformAddonPurchases)
        .innerJoin(platformAddons, eq(platformAddons.id, platformAddonPurchases.addonId))
        .where(eq(platformAddonPurchases.id, checkout.purchaseId));
      if (purchase) {
        return {
          checkout,
          description: purchase.quantity > 1 ? `${purchase.name} × ${purchase.quantity}` : purchase.name,
        };
      }
    }
    return { checkout, description: "Payment" };
  });
}
