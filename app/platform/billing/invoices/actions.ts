"use server";
// Console > Billing > Invoices actions: manual invoice, record a payment, refund, void, write off.
// Billing admins and super admins ("billing.write"). Refusals a person can fix (an amount above
// what is outstanding, an invoice already paid) come back as data for the dialog to show.
import { revalidatePath } from "next/cache";
import { minorFromMajor } from "@/components/billing/amount";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { createManualInvoice } from "@/lib/billing/invoices/manual";
import { getInvoice } from "@/lib/billing/invoices/queries";
import { invoiceStatusChangeSchema } from "@/lib/billing/invoices/schemas";
import { markUncollectible, voidInvoice } from "@/lib/billing/invoices/status";
import { recordManualPayment, refundPayment } from "@/lib/billing/payments";
import { AppError } from "@/lib/errors";
import { platformAction } from "@/lib/safe-action";
import { getTenantById } from "@/lib/tenants/queries";
import { manualInvoiceFormSchema, recordPaymentFormSchema, refundFormSchema } from "./schemas";

const refresh = (invoiceId?: string) => {
  revalidatePath("/platform/billing", "layout");
  if (invoiceId) revalidatePath(`/platform/billing/invoices/${invoiceId}`);
};

export const createManualInvoiceAction = platformAction("billing.write")
  .inputSchema(manualInvoiceFormSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const db = await getDb();
      const tenant = await getTenantById(db, parsedInput.tenantId);
      if (!tenant || tenant.status === "deleted") {
        throw new AppError("NOT_FOUND", "That hotel does not exist.", { field: "tenantId" });
      }
      // Prices are in the hotel's billing currency, which is the invoice's.
      const lines = parsedInput.lines.map((line, i) => ({
        description: line.description,
        quantity: line.quantity,
        unitAmountMinor: minorFromMajor(line.unitPrice, tenant.currency, `lines.${i}.unitPrice`, {
          allowNegative: true,
        }),
      }));
      const invoice = await createManualInvoice(db, {
        tenantId: tenant.id,
        lines,
        dueDate: parsedInput.dueDate,
        memo: parsedInput.memo,
        actor: ctx.actor,
      });
      return { id: invoice.id, number: invoice.number };
    });
    if (result.ok) refresh(result.data.id);
    return result;
  });

export const recordPaymentAction = platformAction("billing.write")
  .inputSchema(recordPaymentFormSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const db = await getDb();
      const { invoice } = await getInvoice(db, { id: parsedInput.invoiceId });
      // A day with no time: noon UTC keeps it on the same calendar day in every time zone we show.
      const receivedAt = new Date(`${parsedInput.receivedOn}T12:00:00Z`);
      if (receivedAt.getTime() > Date.now() + 86_400_000) {
        throw new AppError("INVALID", "The money cannot arrive in the future.", { field: "receivedOn" });
      }
      const { payment, replayed } = await recordManualPayment(db, {
        invoiceId: invoice.id,
        amountMinor: minorFromMajor(parsedInput.amount, invoice.currency, "amount"),
        method: parsedInput.method,
        reference: parsedInput.reference,
        receivedAt,
        note: parsedInput.note,
        actor: ctx.actor,
      });
      return { paymentId: payment.id, replayed };
    });
    if (result.ok) refresh(parsedInput.invoiceId);
    return result;
  });

export const refundPaymentAction = platformAction("billing.write")
  .inputSchema(refundFormSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const db = await getDb();
      const { payments } = await getInvoice(db, { id: parsedInput.invoiceId });
      const payment = payments.find((p) => p.id === parsedInput.paymentId);
      if (!payment)
        throw new AppError("NOT_FOUND", "That payment is not on this invoice.", { field: "paymentId" });
      const { refund } = await refundPayment(db, {
        paymentId: payment.id,
        amountMinor: minorFromMajor(parsedInput.amount, payment.currency, "amount"),
        reason: parsedInput.reason,
        actor: ctx.actor,
      });
      return { refundId: refund.id };
    });
    if (result.ok) refresh(parsedInput.invoiceId);
    return result;
  });

export const voidInvoiceAction = platformAction("billing.write")
  .inputSchema(invoiceStatusChangeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const invoice = await voidInvoice(await getDb(), { ...parsedInput, actor: ctx.actor });
      return { status: invoice.status };
    });
    if (result.ok) refresh(parsedInput.invoiceId);
    return result;
  });

export const markUncollectibleAction = platformAction("billing.write")
  .inputSchema(invoiceStatusChangeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const invoice = await markUncollectible(await getDb(), { ...parsedInput, actor: ctx.actor });
      return { status: invoice.status };
    });
    if (result.ok) refresh(parsedInput.invoiceId);
    return result;
  });
