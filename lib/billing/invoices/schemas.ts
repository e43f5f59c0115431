import { z } from "zod";
import { invoiceStatus } from "@/db/schema/billing";

const INT4_MAX = 2_147_483_647;

export const invoiceStatusSchema = z.enum(invoiceStatus.enumValues);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

export const manualInvoiceLineSchema = z.object({
  description: z.string().trim().min(1, "Describe the line.").max(300),
  quantity: z.number().int().min(1, "Quantity is at least 1.").max(1_000_000),
  /** Minor units; negative for a discount line. */
  unitAmountMinor: z.number().int().min(-INT4_MAX).max(INT4_MAX),
});

export const manualInvoiceSchema = z.object({
  tenantId: z.uuid(),
  lines: z.array(manualInvoiceLineSchema).min(1, "Add at least one line.").max(100),
  /** YYYY-MM-DD; defaults to today + the payment terms. */
  dueDate: z.iso.date().optional(),
  memo: z.string().trim().max(2000).optional(),
});
export type ManualInvoiceInput = z.input<typeof manualInvoiceSchema>;

export const invoiceRefSchema = z.object({ invoiceId: z.uuid() });

export const invoiceStatusChangeSchema = invoiceRefSchema.extend({
  reason: z.string().trim().min(3, "Give a reason (3 characters at least).").max(500),
});
export type InvoiceStatusChangeInput = z.input<typeof invoiceStatusChangeSchema>;

export const invoiceFiltersSchema = z.object({
  tenantId: z.uuid().optional(),
  status: invoiceStatusSchema.optional(),
  /** Invoices whose period starts on or after this UTC day. */
  periodFrom: z.iso.date().optional(),
  /** … and on or before this UTC day. */
  periodTo: z.iso.date().optional(),
  /** Part of the number or of the hotel's name. */
  q: z.string().trim().max(100).optional(),
});
export type InvoiceFilters = z.input<typeof invoiceFiltersSchema>;

export const listInvoicesSchema = invoiceFiltersSchema.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListInvoicesInput = z.input<typeof listInvoicesSchema>;
