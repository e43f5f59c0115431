import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { systemActor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import {
  type Checkout,
  cancelCheckout,
  completeCheckout,
  failCheckout,
  type Payment,
} from "../complete-checkout";
import { type PaymentsConfig, paymentsConfig } from "../config";
import { findCheckout } from "../queries";
import { type PaystackTransaction, verifyPaystackTransaction } from "./client";

// Giving value for a Paystack transaction, whether the customer's return (callback) or the
// webhook says it first: both end in completeCheckout, keyed by the reference, so value is given once.

export type PaystackSettlement =
  | { outcome: "succeeded"; checkout: Checkout; payment: Payment; replayed: boolean }
  | { outcome: "failed" | "cancelled" | "pending"; checkout: Checkout }
  | { outcome: "refused"; checkout: Checkout; reason: string }
  | { outcome: "unknown" };

const uuid = z.uuid();

/** Our checkout of a Paystack reference (the reference is our checkout id); null when it is not ours. */
export async function paystackCheckout(db: Queryable, reference: string): Promise<Checkout | null> {
  const id = uuid.safeParse(reference);
  if (!id.success) return null;
  const checkout = await findCheckout(db, { checkoutId: id.data });
  return checkout?.provider === "paystack" ? checkout : null;
}

/**
 * Gives value for a transaction Paystack reported (verify or `charge.success`): only when its
 * status is success AND its amount and currency are the checkout's.
 */
export async function settlePaystackTransaction(
  db: Queryable,
  tx: PaystackTransaction,
): Promise<PaystackSettlement> {
  const checkout = await paystackCheckout(db, tx.reference);
  if (!checkout) return { outcome: "unknown" };
  if (tx.status === "failed" || tx.status === "reversed") {
    await failCheckout(db, { checkoutId: checkout.id });
    return { outcome: "failed", checkout };
  }
  if (tx.status === "abandoned") {
    await cancelCheckout(db, { checkoutId: checkout.id });
    return { outcome: "cancelled", checkout };
  }
  if (tx.status !== "success") return { outcome: "pending", checkout };
  if (tx.amount !== checkout.amountMinor || tx.currency !== checkout.currency) {
    const reason = `Paystack reported ${tx.amount} ${tx.currency}; the checkout is for ${checkout.amountMinor} ${checkout.currency}`;
    console.warn(`[payments] refused Paystack transaction ${tx.reference}: ${reason}`);
    return { outcome: "refused", checkout, reason };
  }
  const paidAt = tx.paid_at ? new Date(tx.paid_at) : new Date();
  const { payment, replayed } = await completeCheckout(
    db,
    {
      provider: "paystack",
      providerReference: tx.reference,
      amountMinor: tx.amount,
      currency: tx.currency,
      checkoutId: checkout.id,
      receivedAt: Number.isNaN(paidAt.getTime()) ? new Date() : paidAt,
      metadata: { transactionId: tx.id, channel: tx.channel ?? null },
    },
    { actor: systemActor("paystack") },
  );
  return { outcome: "succeeded", checkout, payment, replayed };
}

/**
 * The callback page's work: the customer is back with `?reference=…`. The reference must be a
 * checkout of this tenant; the transaction is verified with Paystack server-side (the query
 * string proves nothing) and settled.
 */
export async function verifyPaystackCallback(
  db: Queryable,
  input: { tenantId: string; reference: string },
  opts: { config?: PaymentsConfig } = {},
): Promise<PaystackSettlement> {
  const settings = (opts.config ?? paymentsConfig()).paystack;
  const checkout = await paystackCheckout(db, input.reference);
  if (!checkout || checkout.tenantId !== input.tenantId) return { outcome: "unknown" };
  if (!settings) throw new AppError("CONFLICT", "Paystack is not configured.");
  const tx = await verifyPaystackTransaction(settings, input.reference);
  return settlePaystackTransaction(db, tx);
}
