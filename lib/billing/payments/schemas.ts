import { z } from "zod";

const uuid = z.uuid();
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "A three-letter currency code")
  .transform((c) => c.toUpperCase());
const minor = z.number().int().positive("The amount must be more than zero");

export const startCheckoutSchema = z.discriminatedUnion("purpose", [
  z.object({ tenantId: uuid, purpose: z.literal("invoice"), invoiceId: z.uuid("Pick an invoice") }),
  z.object({ tenantId: uuid, purpose: z.literal("addon"), purchaseId: z.uuid("Pick a purchase") }),
]);
export type StartCheckoutInput = z.input<typeof startCheckoutSchema>;

export const completeCheckoutSchema = z.object({
  provider: z.enum(["stripe", "paystack", "test"]),
  /** The provider's id for the money received (Stripe payment intent, Paystack reference, …): applied once. */
  providerReference: z.string().trim().min(1).max(255),
  amountMinor: minor,
  currency,
  checkoutId: uuid,
  receivedAt: z.date(),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type CompleteCheckoutInput = z.input<typeof completeCheckoutSchema>;

export const manualPaymentMethods = ["bank_transfer", "cash", "cheque", "card", "other"] as const;

export const manualPaymentSchema = z.object({
  invoiceId: z.uuid("Pick an invoice"),
  amountMinor: minor,
  method: z.enum(manualPaymentMethods, "Pick a payment method"),
  /** The bank or receipt reference: recording the same reference twice keeps one payment. */
  reference: z.string().trim().min(1, "Give the payment's reference").max(200),
  receivedAt: z.date(),
  note: z.string().trim().max(500).optional(),
});
export type ManualPaymentInput = z.input<typeof manualPaymentSchema>;

export const refundPaymentSchema = z.object({
  paymentId: z.uuid("Pick a payment"),
  amountMinor: minor,
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500),
  /** The provider's refund id; a manual refund gets a generated one. Applied once. */
  reference: z.string().trim().min(1).max(255).optional(),
});
export type RefundPaymentInput = z.input<typeof refundPaymentSchema>;
