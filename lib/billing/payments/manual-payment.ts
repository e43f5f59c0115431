import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPayments } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { announcePayment, type PaymentResult } from "./complete-checkout";
import { addPaymentToInvoice, lockInvoice, outstandingMinor } from "./invoice-balance";
import { type ManualPaymentInput, manualPaymentSchema } from "./schemas";

/**
 * Records money received outside the providers (bank transfer, cash, …) against an invoice, in
 * the invoice's currency. Partial payments add up; paying more than is outstanding is refused.
 * The reference is unique among manual payments: the same reference again returns the payment
 * already recorded (a double-submitted form), or is refused if it differs.
 */
export async function recordManualPayment(
  db: Queryable,
  input: ManualPaymentInput & { actor: Actor },
): Promise<PaymentResult> {
  const data = manualPaymentSchema.parse(input);
  const result = await db.transaction(async (tx): Promise<PaymentResult> => {
    const invoice = await lockInvoice(tx, data.invoiceId);
    if (!invoice) throw new AppError("NOT_FOUND", "There is no such invoice.", { field: "invoiceId" });
    const [seen] = await tx
      .select()
      .from(platformPayments)
      .where(
        and(eq(platformPayments.provider, "manual"), eq(platformPayments.providerReference, data.reference)),
      );
    if (seen) {
      if (seen.invoiceId === invoice.id && seen.amountMinor === data.amountMinor)
        return { payment: seen, replayed: true };
      throw new AppError("CONFLICT", "A payment with this reference is already recorded.", {
        field: "reference",
      });
    }
    if (invoice.status === "draft" || invoice.status === "void") {
      throw new AppError("CONFLICT", `A ${invoice.status} invoice cannot take payments.`);
    }
    const outstanding = outstandingMinor(invoice);
    if (data.amountMinor > outstanding) {
      throw new AppError(
        "INVALID",
        outstanding === 0
          ? "This invoice is already paid in full."
          : `That is more than the ${outstanding} (minor units) outstanding on this invoice.`,
        { field: "amountMinor", details: { outstandingMinor: outstanding } },
      );
    }
    const [payment] = await tx
      .insert(platformPayments)
      .values({
        tenantId: invoice.tenantId,
        invoiceId: invoice.id,
        provider: "manual",
        providerReference: data.reference,
        status: "succeeded",
        amountMinor: data.amountMinor,
        currency: invoice.currency,
        method: data.method,
        receivedAt: data.receivedAt,
        recordedByUserId: input.actor.userId,
        metadata: data.note ? { note: data.note } : {},
      })
      .returning();
    if (!payment) throw new Error("payment insert returned no row");
    const { before, after } = await addPaymentToInvoice(tx, {
      invoiceId: invoice.id,
      amountMinor: data.amountMinor,
      paidAt: data.receivedAt,
    });
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: invoice.tenantId,
      action: "billing.payment.record",
      targetType: "payment",
      targetId: payment.id,
      before: { invoiceStatus: before.status, amountPaidMinor: before.amountPaidMinor },
      after: { invoiceStatus: after.status, amountPaidMinor: after.amountPaidMinor },
      details: {
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        amountMinor: data.amountMinor,
        currency: invoice.currency,
        method: data.method,
        reference: data.reference,
      },
    });
    return { payment, replayed: false };
  });
  if (!result.replayed) await announcePayment(result.payment);
  return result;
}
