import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformAddonPurchases, platformCheckoutSessions, platformPayments } from "@/db/schema";
import { type Actor, systemActor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { afterFlagChange } from "@/lib/flags/flag-service";
import { fulfilPurchase } from "@/lib/marketplace/fulfil";
import { sendAfterCommit } from "@/lib/tenants/lifecycle";
import { addPaymentToInvoice, lockInvoice } from "./invoice-balance";
import { type CompleteCheckoutInput, completeCheckoutSchema } from "./schemas";

export type Payment = typeof platformPayments.$inferSelect;
export type Checkout = typeof platformCheckoutSessions.$inferSelect;
export type PaymentResult = { payment: Payment; replayed: boolean };

/** Tells the rest of the app (dunning's reactivation, receipts) once the payment has committed. */
export async function announcePayment(payment: Payment): Promise<void> {
  await sendAfterCommit({
    name: "billing/payment.succeeded",
    id: `payment-succeeded:${payment.id}`,
    data: {
      paymentId: payment.id,
      tenantId: payment.tenantId,
      invoiceId: payment.invoiceId,
      purchaseId: payment.purchaseId,
    },
  });
}

async function findPayment(tx: Tx, provider: Payment["provider"], reference: string): Promise<Payment> {
  const [row] = await tx
    .select()
    .from(platformPayments)
    .where(and(eq(platformPayments.provider, provider), eq(platformPayments.providerReference, reference)));
  if (!row) throw new Error(`payment ${provider}:${reference} vanished`);
  return row;
}

/**
 * THE fulfilment path: Stripe and Paystack webhooks, the Paystack callback and the test checkout
 * all end here. In one transaction it records the payment, completes the checkout and applies
 * the money to the invoice or fulfils the purchase. The payment is unique by (provider, provider
 * reference), so a second arrival of the same money changes nothing and returns the first payment.
 * A checkout that had expired, failed or been cancelled still completes: the money arrived.
 * Money for a void invoice (its checkouts were cancelled when it was voided, but a customer may
 * already have been paying) is recorded, linked to the invoice, but not applied to it: the invoice
 * stays void with nothing paid, and the audit row says the payment is unapplied and to refund it.
 */
export async function completeCheckout(
  db: Queryable,
  input: CompleteCheckoutInput,
  opts: { actor?: Actor } = {},
): Promise<PaymentResult> {
  const data = completeCheckoutSchema.parse(input);
  const actor = opts.actor ?? systemActor(`payments:${data.provider}`);
  const result = await db.transaction(async (tx): Promise<PaymentResult> => {
    // The checkout's row lock serializes a webhook and a callback racing for the same payment.
    const [checkout] = await tx
      .select()
      .from(platformCheckoutSessions)
      .where(eq(platformCheckoutSessions.id, data.checkoutId))
      .for("update");
    if (!checkout) throw new AppError("NOT_FOUND", "There is no such checkout.");
    if (checkout.provider !== data.provider) {
      throw new AppError(
        "INVALID",
        `This checkout is paid through ${checkout.provider}, not ${data.provider}.`,
      );
    }
    if (checkout.currency !== data.currency) {
      throw new AppError(
        "INVALID",
        `The payment is in ${data.currency}; the checkout is in ${checkout.currency}.`,
      );
    }
    // Locked before the payment row, in the order voidInvoice takes them (checkout, then invoice).
    const invoice = checkout.invoiceId ? await lockInvoice(tx, checkout.invoiceId) : undefined;
    const unapplied = invoice?.status === "void";
    const [payment] = await tx
      .insert(platformPayments)
      .values({
        tenantId: checkout.tenantId,
        invoiceId: checkout.invoiceId,
        purchaseId: checkout.purchaseId,
        provider: data.provider,
        providerReference: data.providerReference,
        status: "succeeded",
        amountMinor: data.amountMinor,
        currency: data.currency,
        receivedAt: data.receivedAt,
        metadata: {
          ...data.metadata,
          checkoutId: checkout.id,
          ...(unapplied ? { unapplied: "invoice_void" } : {}),
        },
      })
      .onConflictDoNothing()
      .returning();
    if (!payment)
      return { payment: await findPayment(tx, data.provider, data.providerReference), replayed: true };

    await tx
      .update(platformCheckoutSessions)
      .set({ status: "completed", completedAt: data.receivedAt })
      .where(eq(platformCheckoutSessions.id, checkout.id));
    const details: Record<string, unknown> = {
      provider: data.provider,
      reference: data.providerReference,
      amountMinor: data.amountMinor,
      currency: data.currency,
      checkoutId: checkout.id,
      previousCheckoutStatus: checkout.status,
    };
    if (invoice && unapplied) {
      Object.assign(details, {
        invoiceId: invoice.id,
        invoiceStatus: invoice.status,
        unapplied: true,
        note: `Invoice ${invoice.number} is void: the payment is recorded but not applied to it. Refund it.`,
      });
    } else if (invoice) {
      const { after } = await addPaymentToInvoice(tx, {
        invoiceId: invoice.id,
        amountMinor: data.amountMinor,
        paidAt: data.receivedAt,
      });
      Object.assign(details, {
        invoiceId: after.id,
        invoiceStatus: after.status,
        amountPaidMinor: after.amountPaidMinor,
      });
    }
    if (checkout.purchaseId) {
      await tx
        .update(platformAddonPurchases)
        .set({ paymentProvider: data.provider, updatedAt: new Date() })
        .where(eq(platformAddonPurchases.id, checkout.purchaseId));
      await fulfilPurchase(tx, {
        purchaseId: checkout.purchaseId,
        paymentId: payment.id,
        paymentReference: data.providerReference,
        actor,
      });
      details.purchaseId = checkout.purchaseId;
    }
    await recordAudit(tx, {
      actor,
      tenantId: checkout.tenantId,
      action: "billing.payment.receive",
      targetType: "payment",
      targetId: payment.id,
      details,
    });
    return { payment, replayed: false };
  });
  if (!result.replayed) {
    // A feature add-on's flag changed inside the transaction; refresh the cache now it is visible.
    if (result.payment.purchaseId) afterFlagChange();
    await announcePayment(result.payment);
  }
  return result;
}

export type CheckoutEnd = "failed" | "cancelled" | "expired";

/**
 * Closes an open checkout without payment (declined, cancelled by the customer, expired). Only an
 * open checkout moves: a late failure never undoes a completed payment. A pending purchase
 * follows (failed, or cancelled when the customer gave up or the session expired).
 */
export async function closeCheckout(
  db: Queryable,
  input: { checkoutId: string; status: CheckoutEnd },
): Promise<Checkout | null> {
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(platformCheckoutSessions)
      .set({ status: input.status })
      .where(
        and(eq(platformCheckoutSessions.id, input.checkoutId), eq(platformCheckoutSessions.status, "open")),
      )
      .returning();
    if (!closed) return null;
    if (closed.purchaseId) {
      await tx
        .update(platformAddonPurchases)
        .set({ status: input.status === "failed" ? "failed" : "cancelled", updatedAt: new Date() })
        .where(
          and(eq(platformAddonPurchases.id, closed.purchaseId), eq(platformAddonPurchases.status, "pending")),
        );
    }
    return closed;
  });
}

export const failCheckout = (db: Queryable, input: { checkoutId: string }) =>
  closeCheckout(db, { checkoutId: input.checkoutId, status: "failed" });
export const cancelCheckout = (db: Queryable, input: { checkoutId: string }) =>
  closeCheckout(db, { checkoutId: input.checkoutId, status: "cancelled" });
export const expireCheckout = (db: Queryable, input: { checkoutId: string }) =>
  closeCheckout(db, { checkoutId: input.checkoutId, status: "expired" });
