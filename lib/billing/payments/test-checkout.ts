import { z } from "zod";
import type { Queryable } from "@/db/connect";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { getTenantById, type Tenant } from "@/lib/tenants/queries";
import { cancelCheckout, completeCheckout, failCheckout } from "./complete-checkout";
import { type PaymentsConfig, paymentsConfig } from "./config";
import { type CheckoutOutcome, checkoutReturnPath } from "./portal-urls";
import { paymentProviderFor } from "./provider-for";
import { type CheckoutSummary, getCheckoutSummary } from "./queries";

// The embedded mode's stand-in for Stripe and Paystack: a page in the portal with Pay / Fail /
// Cancel that drives the same fulfilment code as the webhooks. It exists only while the tenant's
// provider is not configured; with real keys it is a 404, so nobody can pay by pressing a button.

export const testCheckoutOutcomeSchema = z.enum(["succeeded", "failed", "cancelled"]);
export type TestCheckoutOutcome = z.infer<typeof testCheckoutOutcomeSchema>;

export function testCheckoutEnabled(
  tenant: Pick<Tenant, "paymentProvider" | "currency">,
  config: PaymentsConfig = paymentsConfig(),
): boolean {
  return paymentProviderFor(tenant, config) === "test";
}

/** The tenant's test checkout, or null when it is not theirs, not a test checkout, or test mode is off. */
export async function getTestCheckout(
  db: Queryable,
  input: { tenantId: string; checkoutId: string },
  opts: { config?: PaymentsConfig } = {},
): Promise<CheckoutSummary | null> {
  if (!z.uuid().safeParse(input.checkoutId).success) return null;
  const tenant = await getTenantById(db, input.tenantId);
  if (!tenant || !testCheckoutEnabled(tenant, opts.config)) return null;
  const summary = await getCheckoutSummary(db, input);
  return summary?.checkout.provider === "test" ? summary : null;
}

/**
 * Settles a test checkout as the customer chose. Success records a payment with the reference
 * `test_<checkout id>` through completeCheckout, so pressing Pay twice pays once. Returns where
 * the portal sends the customer next, with the checkout's real outcome.
 */
export async function settleTestCheckout(
  db: Queryable,
  input: { tenantId: string; checkoutId: string; outcome: TestCheckoutOutcome; actor: Actor },
  opts: { config?: PaymentsConfig } = {},
): Promise<{ outcome: CheckoutOutcome; redirectPath: string }> {
  const outcome = testCheckoutOutcomeSchema.parse(input.outcome);
  const summary = await getTestCheckout(db, input, opts);
  if (!summary) throw new AppError("NOT_FOUND", "There is no such checkout.");
  const { checkout } = summary;
  // Simulated money is never "late": a cancelled, failed or expired test checkout cannot be paid
  // (a real provider's late payment is still recorded by completeCheckout, since it really arrived).
  if (outcome === "succeeded" && checkout.status !== "open" && checkout.status !== "completed") {
    throw new AppError("CONFLICT", `This checkout is ${checkout.status}; start a new payment instead.`);
  }
  if (outcome === "succeeded") {
    await completeCheckout(
      db,
      {
        provider: "test",
        providerReference: `test_${checkout.id}`,
        amountMinor: checkout.amountMinor,
        currency: checkout.currency,
        checkoutId: checkout.id,
        receivedAt: new Date(),
        metadata: { simulated: true },
      },
      { actor: input.actor },
    );
  } else {
    const close = outcome === "failed" ? failCheckout : cancelCheckout;
    await close(db, { checkoutId: checkout.id });
  }
  const after = await getCheckoutSummary(db, input);
  const status = after?.checkout.status ?? checkout.status;
  const real: CheckoutOutcome =
    status === "completed"
      ? "succeeded"
      : status === "failed"
        ? "failed"
        : status === "open"
          ? "pending"
          : "cancelled";
  return { outcome: real, redirectPath: checkoutReturnPath(checkout.purpose, real, checkout.id) };
}
