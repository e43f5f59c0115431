import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPayments, platformRefunds } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { afterFlagChange } from "@/lib/flags/flag-service";
import { reversePurchase } from "@/lib/marketplace/fulfil";
import type { Payment } from "./complete-checkout";
import { removePaymentFromInvoice } from "./invoice-balance";
import { type RefundPaymentInput, refundPaymentSchema } from "./schemas";

export type Refund = typeof platformRefunds.$inferSelect;
export type RefundResult = { refund: Refund; payment: Payment; replayed: boolean };

const REFUNDABLE: ReadonlySet<Payment["status"]> = new Set(["succeeded", "partially_refunded"]);

/**
 * Records money given back against a payment, once per refund reference: at most what is left
 * of the payment; the payment becomes partially_refunded or refunded; the invoice's amount paid
 * drops (a paid invoice is open again); a purchase whose payment is fully refunded is reversed
 * (lib/marketplace/fulfil.ts reversePurchase). The console and the Stripe `charge.refunded`
 * webhook both come through here.
 */
export async function recordRefund(
  db: Queryable,
  input: RefundPaymentInput & { actor: Actor },
): Promise<RefundResult> {
  const data = refundPaymentSchema.parse(input);
  const reference = data.reference ?? `refund:${randomUUID()}`;
  const result = await db.transaction(async (tx): Promise<RefundResult> => {
    // The payment's row lock makes concurrent refunds of one payment add up instead of racing.
    const [payment] = await tx
      .select()
      .from(platformPayments)
      .where(eq(platformPayments.id, data.paymentId))
      .for("update");
    if (!payment) throw new AppError("NOT_FOUND", "There is no such payment.", { field: "paymentId" });
    const [seen] = await tx.select().from(platformRefunds).where(eq(platformRefunds.reference, reference));
    if (seen) {
      if (seen.paymentId !== payment.id) {
        throw new AppError("CONFLICT", "That refund reference belongs to another payment.", {
          field: "reference",
        });
      }
      return { refund: seen, payment, replayed: true };
    }
    if (!REFUNDABLE.has(payment.status)) {
      throw new AppError("CONFLICT", `A ${payment.status.replace("_", " ")} payment cannot be refunded.`);
    }
    const remaining = payment.amountMinor - payment.refundedMinor;
    if (data.amountMinor > remaining) {
      throw new AppError("INVALID", `At most ${remaining} (minor units) of this payment is left to refund.`, {
        field: "amountMinor",
        details: { remainingMinor: remaining },
      });
    }
    const [refund] = await tx
      .insert(platformRefunds)
      .values({
        paymentId: payment.id,
        tenantId: payment.tenantId,
        amountMinor: data.amountMinor,
        reason: data.reason,
        reference,
        recordedByUserId: input.actor.userId,
      })
      .returning();
    if (!refund) throw new Error("refund insert returned no row");
    const refundedMinor = payment.refundedMinor + data.amountMinor;
    const fully = refundedMinor === payment.amountMinor;
    const [after] = await tx
      .update(platformPayments)
      .set({ refundedMinor, status: fully ? "refunded" : "partially_refunded", updatedAt: new Date() })
      .where(eq(platformPayments.id, payment.id))
      .returning();
    if (!after) throw new Error(`payment ${payment.id} vanished`);
    const details: Record<string, unknown> = {
      amountMinor: data.amountMinor,
      currency: payment.currency,
      reference,
      reason: data.reason,
    };
    if (payment.invoiceId) {
      const invoice = await removePaymentFromInvoice(tx, {
        invoiceId: payment.invoiceId,
        amountMinor: data.amountMinor,
      });
      Object.assign(details, { invoiceId: payment.invoiceId, invoiceStatus: invoice.after.status });
    }
    if (payment.purchaseId && fully) {
      await reversePurchase(tx, {
        purchaseId: payment.purchaseId,
        refundReference: reference,
        actor: input.actor,
      });
      details.purchaseReversed = payment.purchaseId;
    }
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: payment.tenantId,
      action: "billing.payment.refund",
      targetType: "payment",
      targetId: payment.id,
      before: { status: payment.status, refundedMinor: payment.refundedMinor },
      after: { status: after.status, refundedMinor: after.refundedMinor },
      details,
    });
    return { refund, payment: after, replayed: false };
  });
  // A reversed feature add-on changed a flag inside the transaction; refresh the cache now it is visible.
  if (!result.replayed && result.payment.purchaseId && result.payment.status === "refunded")
    afterFlagChange();
  return result;
}

/**
 * The console's refund. A Stripe payment is refunded in Stripe itself (which returns the money);
 * its `charge.refunded` webhook records it here, so recording it by hand too would count it twice.
 */
export async function refundPayment(
  db: Queryable,
  input: RefundPaymentInput & { actor: Actor },
): Promise<RefundResult> {
  const { paymentId } = refundPaymentSchema.pick({ paymentId: true }).parse(input);
  const [payment] = await db
    .select({ provider: platformPayments.provider })
    .from(platformPayments)
    .where(eq(platformPayments.id, paymentId));
  if (!payment) throw new AppError("NOT_FOUND", "There is no such payment.", { field: "paymentId" });
  if (payment.provider === "stripe") {
    throw new AppError(
      "CONFLICT",
      "Refund Stripe payments in the Stripe dashboard; the refund appears here when Stripe reports it.",
    );
  }
  return recordRefund(db, input);
}
