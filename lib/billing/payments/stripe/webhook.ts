import type Stripe from "stripe";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { systemActor } from "@/lib/audit/actor";
import { completeCheckout, expireCheckout, failCheckout } from "../complete-checkout";
import { type PaymentsConfig, paymentsConfig } from "../config";
import { findCheckout, findPaymentByReference } from "../queries";
import { recordRefund } from "../refund-payment";
import {
  type HandlerOutcome,
  handleWebhookOnce,
  listWaitingEvents,
  type WebhookOutcome,
} from "../webhook-events";
import { stripeClient } from "./client";

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}

/** Checks `Stripe-Signature` against the raw body with the SDK (HMAC-SHA256, 300 s tolerance). */
export function verifyStripeWebhook(
  rawBody: string,
  header: string | null,
  settings: PaymentsConfig["stripe"] = paymentsConfig().stripe,
): Stripe.Event {
  if (!settings?.webhookSecret) throw new WebhookSignatureError("Stripe webhooks are not configured");
  if (!header) throw new WebhookSignatureError("missing Stripe-Signature header");
  try {
    return stripeClient(settings).webhooks.constructEvent(rawBody, header, settings.webhookSecret);
  } catch (error) {
    throw new WebhookSignatureError(error instanceof Error ? error.message : "invalid signature");
  }
}

/** The part of a Stripe event this module reads; `Stripe.Event` fits it. */
export const stripeEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  data: z.object({ object: z.unknown() }),
});
export type StripeEventLike = z.infer<typeof stripeEventSchema>;

const idOf = z
  .union([z.string(), z.object({ id: z.string() })])
  .transform((v) => (typeof v === "string" ? v : v.id));

const sessionSchema = z.object({
  id: z.string(),
  payment_status: z.string(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  payment_intent: idOf.nullable().optional(),
  client_reference_id: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
});
type Session = z.infer<typeof sessionSchema>;

const chargeSchema = z.object({
  id: z.string(),
  payment_intent: idOf.nullable(),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  refunds: z
    .object({
      data: z.array(z.object({ id: z.string(), amount: z.number().int(), status: z.string().nullable() })),
    })
    .nullable()
    .optional(),
});

const actor = systemActor("stripe-webhook");
const REASON = "Refunded in Stripe";
const uuid = z.uuid();

/** Our checkout of a session, by the id we put in its metadata; null for sessions that are not ours. */
async function checkoutOf(db: Queryable, session: Session) {
  const id = uuid.safeParse(session.metadata?.checkoutId);
  if (!id.success) return null;
  const checkout = await findCheckout(db, { checkoutId: id.data });
  if (checkout?.provider !== "stripe") return null;
  // The tenant in the metadata must be the checkout's: a session cannot pay another tenant's bill.
  if (session.metadata?.tenantId !== checkout.tenantId) return null;
  return checkout;
}

/** The payment intent (or, without one, the session) identifies the money: refunds name it too. */
const moneyReference = (session: Session) => session.payment_intent ?? session.id;

async function paySession(db: Queryable, session: Session, config: PaymentsConfig): Promise<HandlerOutcome> {
  const checkout = await checkoutOf(db, session);
  if (!checkout || session.amount_total === null || !session.currency) return "ignored";
  const reference = moneyReference(session);
  await completeCheckout(
    db,
    {
      provider: "stripe",
      providerReference: reference,
      amountMinor: session.amount_total,
      currency: session.currency,
      checkoutId: checkout.id,
      receivedAt: new Date(),
      metadata: { sessionId: session.id },
    },
    { actor },
  );
  // Refunds that arrived before the payment was recorded can be applied now.
  const waiting = await listWaitingEvents(db, {
    provider: "stripe",
    type: "charge.refunded",
    path: ["data", "object", "payment_intent"],
    value: reference,
  });
  for (const row of waiting) {
    try {
      await handleStripeEvent(db, stripeEventSchema.parse(row.payload), { config });
    } catch (error) {
      // The payment stands; the refund stays unprocessed, its error on the event row for an operator.
      console.error(`[payments] waiting Stripe event ${row.eventId} failed on replay`, error);
    }
  }
  return "processed";
}

async function refundCharge(db: Queryable, object: unknown): Promise<HandlerOutcome> {
  const charge = chargeSchema.parse(object);
  const payment = await findPaymentByReference(db, {
    provider: "stripe",
    reference: charge.payment_intent ?? charge.id,
  });
  if (!payment) return { deferred: "the payment is not recorded yet" };
  const listed = (charge.refunds?.data ?? []).filter((r) => r.status !== "failed" && r.status !== "canceled");
  if (listed.length === 0) {
    // Without the list, the cumulative amount names the refund state: each state is recorded once.
    const delta = charge.amount_refunded - payment.refundedMinor;
    if (delta > 0) {
      const reference = `${charge.id}:refunded:${charge.amount_refunded}`;
      await recordRefund(db, { paymentId: payment.id, amountMinor: delta, reason: REASON, reference, actor });
    }
    return "processed";
  }
  // Each Stripe refund once, by its id, and never more than is left of the payment.
  for (const refund of listed) {
    const current = await findPaymentByReference(db, {
      provider: "stripe",
      reference: payment.providerReference,
    });
    const left = current ? current.amountMinor - current.refundedMinor : 0;
    const amountMinor = Math.min(refund.amount, left);
    if (amountMinor <= 0) continue;
    await recordRefund(db, {
      paymentId: payment.id,
      amountMinor,
      reason: REASON,
      reference: refund.id,
      actor,
    });
  }
  return "processed";
}

/**
 * Applies a verified Stripe event once per event id, whatever the order events arrive in:
 * a completed session pays (even after it expired: the money arrived); a refund that comes
 * before its payment waits and is applied when the payment is recorded.
 */
export async function handleStripeEvent(
  db: Queryable,
  event: StripeEventLike,
  opts: { config?: PaymentsConfig } = {},
): Promise<WebhookOutcome> {
  const config = opts.config ?? paymentsConfig();
  const object: unknown = event.data.object;
  return handleWebhookOnce(
    db,
    {
      provider: "stripe",
      eventId: event.id,
      type: event.type,
      payload: JSON.parse(JSON.stringify(event)) as Record<string, unknown>,
    },
    async () => {
      switch (event.type) {
        case "checkout.session.completed": {
          const session = sessionSchema.parse(object);
          // Delayed methods (bank debits) complete unpaid; their async_payment_succeeded pays.
          return session.payment_status === "paid" ? paySession(db, session, config) : "ignored";
        }
        case "checkout.session.async_payment_succeeded":
          return paySession(db, sessionSchema.parse(object), config);
        case "checkout.session.async_payment_failed":
        case "checkout.session.expired": {
          const checkout = await checkoutOf(db, sessionSchema.parse(object));
          if (!checkout) return "ignored";
          const close = event.type === "checkout.session.expired" ? expireCheckout : failCheckout;
          await close(db, { checkoutId: checkout.id });
          return "processed";
        }
        case "charge.refunded":
          return refundCharge(db, object);
        default:
          return "ignored";
      }
    },
  );
}
