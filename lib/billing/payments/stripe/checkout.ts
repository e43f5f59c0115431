import type { PaymentsConfig } from "../config";
import { stripeClient } from "./client";

export type StripeCheckoutRequest = {
  checkoutId: string;
  tenantId: string;
  /** The invoice or purchase paid for; lands in the session's metadata. */
  target: { invoiceId: string } | { purchaseId: string };
  description: string;
  amountMinor: number;
  currency: string;
  customerEmail: string | null;
  successUrl: string;
  cancelUrl: string;
};

export type StripeCheckoutSession = { id: string; url: string };

/**
 * Creates a Checkout Session (mode "payment", one price_data line for the whole amount). Our
 * checkout id is the idempotency key, so a retried request returns the same session.
 */
export async function createStripeCheckout(
  settings: NonNullable<PaymentsConfig["stripe"]>,
  request: StripeCheckoutRequest,
): Promise<StripeCheckoutSession> {
  const stripe = stripeClient(settings);
  const metadata: Record<string, string> = {
    tenantId: request.tenantId,
    checkoutId: request.checkoutId,
    ...request.target,
  };
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: request.currency.toLowerCase(),
            unit_amount: request.amountMinor,
            product_data: { name: request.description },
          },
        },
      ],
      client_reference_id: request.tenantId,
      metadata,
      payment_intent_data: { metadata },
      ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
    },
    { idempotencyKey: request.checkoutId },
  );
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return { id: session.id, url: session.url };
}
