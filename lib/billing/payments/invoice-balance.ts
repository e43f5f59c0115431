import { eq } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { platformInvoices } from "@/db/schema";

// The only code that moves an invoice's amount paid. Payments add, refunds subtract; an invoice is
// paid exactly while what was paid covers its total.

export type Invoice = typeof platformInvoices.$inferSelect;

/** Statuses a payment can settle; a void invoice keeps its status, whatever arrives. */
const SETTLEABLE: ReadonlySet<Invoice["status"]> = new Set(["draft", "open", "uncollectible"]);

export async function lockInvoice(tx: Tx, invoiceId: string): Promise<Invoice | undefined> {
  const [row] = await tx
    .select()
    .from(platformInvoices)
    .where(eq(platformInvoices.id, invoiceId))
    .for("update");
  return row;
}

export function outstandingMinor(invoice: Pick<Invoice, "totalMinor" | "amountPaidMinor">): number {
  return Math.max(0, invoice.totalMinor - invoice.amountPaidMinor);
}

/** Adds a payment to the invoice; marks it paid (with `paidAt`) once it is covered. */
export async function addPaymentToInvoice(
  tx: Tx,
  input: { invoiceId: string; amountMinor: number; paidAt: Date },
): Promise<{ before: Invoice; after: Invoice }> {
  const before = await lockInvoice(tx, input.invoiceId);
  if (!before) throw new Error(`invoice ${input.invoiceId} vanished`);
  const amountPaidMinor = before.amountPaidMinor + input.amountMinor;
  const settles = SETTLEABLE.has(before.status) && amountPaidMinor >= before.totalMinor;
  const [after] = await tx
    .update(platformInvoices)
    .set({
      amountPaidMinor,
      ...(settles ? { status: "paid" as const, paidAt: input.paidAt } : {}),
      updatedAt: new Date(),
    })
    .where(eq(platformInvoices.id, before.id))
    .returning();
  if (!after) throw new Error(`invoice ${input.invoiceId} vanished`);
  return { before, after };
}

/** Takes a refund off the invoice; a paid invoice that is no longer covered is open again. */
export async function removePaymentFromInvoice(
  tx: Tx,
  input: { invoiceId: string; amountMinor: number },
): Promise<{ before: Invoice; after: Invoice }> {
  const before = await lockInvoice(tx, input.invoiceId);
  if (!before) throw new Error(`invoice ${input.invoiceId} vanished`);
  const amountPaidMinor = Math.max(0, before.amountPaidMinor - input.amountMinor);
  const reopens = before.status === "paid" && amountPaidMinor < before.totalMinor;
  const [after] = await tx
    .update(platformInvoices)
    .set({
      amountPaidMinor,
      ...(reopens ? { status: "open" as const, paidAt: null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(platformInvoices.id, before.id))
    .returning();
  if (!after) throw new Error(`invoice ${input.invoiceId} vanished`);
  return { before, after };
}
