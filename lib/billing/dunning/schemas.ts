// The dunning schedule's vocabulary: step names, the marker of a suspension for non-payment, and
// the payload of the overdue reminder (template event "invoice.overdue", email and SMS).
import { z } from "zod";

/** `reminder:<days overdue>`, `past_due`, `suspended`: each is taken once per invoice. */
export type DunningStep = `reminder:${number}` | "past_due" | "suspended";
export const reminderStep = (day: number): DunningStep => `reminder:${day}`;

/**
 * Dunning suspends with a reason starting with this, and reactivation only lifts suspensions that
 * carry it: a hotel suspended by an admin for another reason stays suspended when it pays.
 */
export const NON_PAYMENT_REASON_PREFIX = "Non-payment:";

export function isNonPaymentSuspension(reason: string | null): boolean {
  return reason?.startsWith(NON_PAYMENT_REASON_PREFIX) ?? false;
}

export const INVOICE_OVERDUE_EVENT = "invoice.overdue";

/** What the "invoice.overdue" templates render. Amounts are minor units of `invoice.currency`. */
export const invoiceOverdueSchema = z.object({
  tenant: z.object({ name: z.string().min(1), slug: z.string().min(1) }),
  recipient: z.object({ name: z.string().min(1), email: z.string().nullable() }),
  invoice: z.object({
    number: z.string().min(1),
    totalMinor: z.number().int(),
    amountDueMinor: z.number().int(),
    currency: z.string().length(3),
    dueDate: z.iso.date(),
    daysOverdue: z.number().int().positive(),
    url: z.url(),
  }),
  /** The day (YYYY-MM-DD) the hotel will be suspended if the invoice is still unpaid. */
  suspendOn: z.iso.date(),
});
export type InvoiceOverduePayload = z.infer<typeof invoiceOverdueSchema>;
