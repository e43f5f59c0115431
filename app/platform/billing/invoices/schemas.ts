// What the console's invoice forms send. Amounts arrive as typed, in major units ("49.90"); the
// actions turn them into minor units in the currency of the hotel, invoice or payment concerned.
import { z } from "zod";
import { manualPaymentMethods } from "@/lib/billing/payments/schemas";

const amountText = z.string().trim().min(1, "Enter an amount.").max(20, "That amount is too long.");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

export const manualInvoiceFormSchema = z.object({
  tenantId: z.uuid("Choose a hotel."),
  lines: z
    .array(
      z.object({
        description: z.string().trim().min(1, "Describe the line.").max(300),
        quantity: z.coerce
          .number({ error: "A whole number." })
          .int("A whole number.")
          .min(1, "At least 1.")
          .max(1_000_000),
        /** Major units; negative for a discount. */
        unitPrice: amountText,
      }),
    )
    .min(1, "Add at least one line.")
    .max(100, "At most 100 lines."),
  dueDate: z
    .union([z.literal(""), z.iso.date("Pick a date.")])
    .optional()
    .transform((v) => v || undefined),
  memo: optionalText(2000),
});
export type ManualInvoiceForm = z.input<typeof manualInvoiceFormSchema>;

export const recordPaymentFormSchema = z.object({
  invoiceId: z.uuid(),
  amount: amountText,
  method: z.enum(manualPaymentMethods, "Pick a payment method."),
  reference: z.string().trim().min(1, "Give the payment's reference.").max(200),
  /** The day the money arrived (YYYY-MM-DD). */
  receivedOn: z.iso.date("Pick the day the money arrived."),
  note: optionalText(500),
});
export type RecordPaymentForm = z.input<typeof recordPaymentFormSchema>;

export const refundFormSchema = z.object({
  invoiceId: z.uuid(),
  paymentId: z.uuid(),
  amount: amountText,
  reason: z.string().trim().min(3, "Say why (at least 3 characters).").max(500),
});
export type RefundForm = z.input<typeof refundFormSchema>;

export const paymentMethodLabels: Record<(typeof manualPaymentMethods)[number], string> = {
  bank_transfer: "Bank transfer",
  cash: "Cash",
  cheque: "Cheque",
  card: "Card (outside Hearth)",
  other: "Other",
};
