import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  platformAddonPurchases,
  platformAddons,
  platformCheckoutSessions,
  platformInvoices,
} from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { getTenantById, type Tenant } from "@/lib/tenants/queries";
import { type PaymentsConfig, paymentsConfig } from "./config";
import { outstandingMinor } from "./invoice-balance";
import { initializePaystackTransaction } from "./paystack/client";
import { checkoutReturnUrl, paystackCallbackUrl, testCheckoutUrl } from "./portal-urls";
import { type CheckoutProvider, paymentProviderFor } from "./provider-for";
import { type StartCheckoutInput, startCheckoutSchema } from "./schemas";
import { createStripeCheckout } from "./stripe/checkout";

export type StartedCheckout = { checkoutId: string; url: string; provider: CheckoutProvider };

type Target = {
  purpose: "invoice" | "addon";
  invoiceId: string | null;
  purchaseId: string | null;
  /** The same id, as it goes into the provider's metadata. */
  ids: { invoiceId: string } | { purchaseId: string };
  amountMinor: number;
  currency: string;
  description: string;
};

const notFound = (what: "invoice" | "purchase") =>
  new AppError("NOT_FOUND", `There is no such ${what}.`, {
    field: what === "invoice" ? "invoiceId" : "purchaseId",
  });

/** What is being paid, read in the tenant's own scope: another tenant's invoice or purchase is not found. */
async function resolveTarget(
  db: Queryable,
  input: ReturnType<typeof startCheckoutSchema.parse>,
): Promise<Target> {
  const { tenantId } = input;
  return withTenant(db, tenantId, async (tx): Promise<Target> => {
    if (input.purpose === "invoice") {
      const [invoice] = await tx
        .select()
        .from(platformInvoices)
        .where(and(eq(platformInvoices.tenantId, tenantId), eq(platformInvoices.id, input.invoiceId)));
      if (!invoice) throw notFound("invoice");
      if (invoice.status === "draft") throw new AppError("CONFLICT", "This invoice is not issued yet.");
      if (invoice.status === "void")
        throw new AppError("CONFLICT", "This invoice was voided; there is nothing to pay.");
      const amountMinor = outstandingMinor(invoice);
      if (invoice.status === "paid" || amountMinor === 0)
        throw new AppError("CONFLICT", "This invoice is already paid.");
      return {
        purpose: "invoice",
        invoiceId: invoice.id,
        purchaseId: null,
        ids: { invoiceId: invoice.id },
        amountMinor,
        currency: invoice.currency,
        description: `Invoice ${invoice.number}`,
      };
    }
    const [row] = await tx
      .select({ purchase: platformAddonPurchases, addonName: platformAddons.name })
      .from(platformAddonPurchases)
      .innerJoin(platformAddons, eq(platformAddons.id, platformAddonPurchases.addonId))
      .where(
        and(eq(platformAddonPurchases.tenantId, tenantId), eq(platformAddonPurchases.id, input.purchaseId)),
      );
    if (!row) throw notFound("purchase");
    const { purchase } = row;
    if (purchase.onAccount) throw new AppError("CONFLICT", "This purchase is billed on the next invoice.");
    if (purchase.status === "fulfilled" || purchase.status === "refunded") {
      throw new AppError("CONFLICT", "This purchase is already paid.");
    }
    return {
      purpose: "addon",
      invoiceId: null,
      purchaseId: purchase.id,
      ids: { purchaseId: purchase.id },
      amountMinor: purchase.amountMinor,
      currency: purchase.currency,
      description: purchase.quantity > 1 ? `${row.addonName} × ${purchase.quantity}` : row.addonName,
    };
  });
}

/** Hands the checkout to its provider; returns the provider's session id and where to send the customer. */
async function openWithProvider(
  config: PaymentsConfig,
  provider: CheckoutProvider,
  tenant: Tenant,
  checkoutId: string,
  target: Target,
  customerEmail: string | null,
): Promise<{ providerSessionId: string; url: string }> {
  if (provider === "test")
    return { providerSessionId: checkoutId, url: testCheckoutUrl(config, tenant.slug, checkoutId) };
  const { ids } = target;
  if (provider === "stripe" && config.stripe) {
    const session = await createStripeCheckout(config.stripe, {
      checkoutId,
      tenantId: tenant.id,
      target: ids,
      description: target.description,
      amountMinor: target.amountMinor,
      currency: target.currency,
      customerEmail,
      successUrl: checkoutReturnUrl(config, tenant.slug, target.purpose, "succeeded", checkoutId),
      cancelUrl: checkoutReturnUrl(config, tenant.slug, target.purpose, "cancelled", checkoutId),
    });
    return { providerSessionId: session.id, url: session.url };
  }
  if (provider === "paystack" && config.paystack) {
    if (!customerEmail) {
      throw new AppError(
        "INVALID",
        "Paystack needs an email address: add a contact email to the hotel's settings.",
      );
    }
    const tx = await initializePaystackTransaction(config.paystack, {
      email: customerEmail,
      amountMinor: target.amountMinor,
      currency: target.currency,
      // Our checkout id is the reference: the callback and the webhook both name it.
      reference: checkoutId,
      callbackUrl: paystackCallbackUrl(config, tenant.slug),
      metadata: { tenantId: tenant.id, checkoutId, ...ids },
    });
    return { providerSessionId: tx.reference, url: tx.authorizationUrl };
  }
  throw new Error(`payment provider ${provider} is not configured`);
}

/**
 * Starts paying an invoice (its outstanding balance) or an add-on purchase: records a checkout,
 * opens it with the tenant's provider (Stripe, Paystack, or the embedded test checkout) and
 * returns where to send the customer. `input.tenantId` must come from the request's tenant.
 */
export async function startCheckout(
  db: Queryable,
  input: StartCheckoutInput,
  actor: Actor,
  opts: { config?: PaymentsConfig; customerEmail?: string | null } = {},
): Promise<StartedCheckout> {
  const parsed = startCheckoutSchema.parse(input);
  const config = opts.config ?? paymentsConfig();
  const tenant = await getTenantById(db, parsed.tenantId);
  if (!tenant || tenant.status === "deleted") throw new AppError("NOT_FOUND", "There is no such hotel.");
  const target = await resolveTarget(db, parsed);
  const provider = paymentProviderFor(tenant, config);

  const checkout = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(platformCheckoutSessions)
      .values({
        tenantId: tenant.id,
        provider,
        purpose: target.purpose,
        invoiceId: target.invoiceId,
        purchaseId: target.purchaseId,
        amountMinor: target.amountMinor,
        currency: target.currency,
        createdByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error("checkout insert returned no row");
    if (target.purchaseId) {
      // A failed or cancelled purchase may be tried again.
      await tx
        .update(platformAddonPurchases)
        .set({ status: "pending", paymentProvider: provider, updatedAt: new Date() })
        .where(eq(platformAddonPurchases.id, target.purchaseId));
    }
    await recordAudit(tx, {
      actor,
      tenantId: tenant.id,
      action: "billing.checkout.start",
      targetType: "checkout",
      targetId: row.id,
      details: {
        provider,
        purpose: target.purpose,
        ...target.ids,
        amountMinor: target.amountMinor,
        currency: target.currency,
      },
    });
    return row;
  });

  // No transaction is held open across the provider call.
  let opened: { providerSessionId: string; url: string };
  try {
    opened = await openWithProvider(
      config,
      provider,
      tenant,
      checkout.id,
      target,
      opts.customerEmail ?? tenant.contactEmail ?? null,
    );
  } catch (error) {
    await db
      .update(platformCheckoutSessions)
      .set({ status: "failed" })
      .where(eq(platformCheckoutSessions.id, checkout.id));
    if (error instanceof AppError) throw error;
    console.error(`[payments] ${provider} could not open checkout ${checkout.id}`, error);
    throw new AppError(
      "CONFLICT",
      "The payment provider could not start the payment. Try again in a moment.",
    );
  }
  await db
    .update(platformCheckoutSessions)
    .set({ providerSessionId: opened.providerSessionId, url: opened.url })
    .where(eq(platformCheckoutSessions.id, checkout.id));
  return { checkoutId: checkout.id, url: opened.url, provider };
}
