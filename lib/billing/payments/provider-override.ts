import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenants/queries";
import { type PaymentsConfig, paymentsConfig } from "./config";
import { type CheckoutProvider, PAYSTACK_CURRENCIES, paymentProviderFor } from "./provider-for";

// The console's per-tenant choice of payment provider. `null` means "automatic": Paystack for the
// currencies it settles, Stripe for the rest (paymentProviderFor applies the same rule at checkout).

export const paymentProviderOverrides = ["stripe", "paystack"] as const;
export type PaymentProviderOverride = (typeof paymentProviderOverrides)[number];

/** The contract for the console form, its action and the service. */
export const setTenantPaymentProviderSchema = z.object({
  tenantId: z.uuid(),
  provider: z.enum(paymentProviderOverrides, { error: "Choose Stripe, Paystack or automatic." }).nullable(),
});
export type SetTenantPaymentProviderInput = z.infer<typeof setTenantPaymentProviderSchema>;

/**
 * Sets (or, with `null`, clears) the hotel's payment provider override and audits the change.
 * A deleted or unknown hotel answers NOT_FOUND; setting the value it already has changes nothing
 * and writes no audit row.
 */
export async function setTenantPaymentProvider(
  db: Db,
  opts: SetTenantPaymentProviderInput & { actor: Actor },
): Promise<{ tenant: Tenant; changed: boolean }> {
  const notFound = new AppError("NOT_FOUND", "No such tenant.");
  const parsed = setTenantPaymentProviderSchema.safeParse({
    tenantId: opts.tenantId,
    provider: opts.provider,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === "tenantId") throw notFound;
    throw new AppError("INVALID", issue?.message ?? "Choose Stripe, Paystack or automatic.", {
      field: "provider",
    });
  }
  const { tenantId, provider } = parsed.data;
  // The column and its audit row commit together or not at all.
  return db.transaction(async (tx) => {
    // Locked so two admins saving at once audit a true before → after chain.
    const [before] = await tx
      .select()
      .from(platformTenants)
      .where(eq(platformTenants.id, tenantId))
      .for("update");
    if (!before || before.status === "deleted") throw notFound;
    if (before.paymentProvider === provider) return { tenant: before, changed: false };

    const [after] = await tx
      .update(platformTenants)
      .set({ paymentProvider: provider, updatedAt: new Date() })
      .where(eq(platformTenants.id, before.id))
      .returning();
    if (!after) throw notFound;
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: after.id,
      action: "billing.payment_provider.set",
      targetType: "tenant",
      targetId: after.id,
      before: { paymentProvider: before.paymentProvider },
      after: { paymentProvider: after.paymentProvider },
      details: { currency: after.currency },
    });
    return { tenant: after, changed: true };
  });
}

export type PaymentProviderDescription = {
  /** Who takes the hotel's payments now; "test" when the chosen provider has no keys. */
  effective: CheckoutProvider;
  /** The provider the rule picks, whether or not it is configured. */
  chosen: PaymentProviderOverride;
  /** What "automatic" picks for the hotel's currency, override or not. */
  byCurrency: PaymentProviderOverride;
  /** Why `chosen`: an admin's override, or the hotel's currency. */
  source: "override" | "currency";
  /** Whether `chosen` has keys; false means the test checkout stands in for it. */
  configured: boolean;
};

/** What the console shows about a hotel's payment provider, and why. */
export function describePaymentProvider(
  tenant: Pick<Tenant, "paymentProvider" | "currency">,
  config: PaymentsConfig = paymentsConfig(),
): PaymentProviderDescription {
  const byCurrency = PAYSTACK_CURRENCIES.has(tenant.currency.toUpperCase()) ? "paystack" : "stripe";
  const effective = paymentProviderFor(tenant, config);
  return {
    effective,
    chosen: tenant.paymentProvider ?? byCurrency,
    byCurrency,
    source: tenant.paymentProvider ? "override" : "currency",
    configured: effective !== "test",
  };
}
