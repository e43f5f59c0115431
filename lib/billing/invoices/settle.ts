import { eq } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { platformBillingAdjustments, platformInvoiceLines, platformInvoices } from "@/db/schema";
import { computeTotals } from "./totals";

export type Invoice = typeof platformInvoices.$inferSelect;
export type InvoiceLine = typeof platformInvoiceLines.$inferSelect;

/**
 * Recomputes an invoice's totals from its lines (tax at the invoice's own rate). An invoice never
 * goes below zero: when credits exceed charges, the invoice is brought to zero by a
 * "carried forward" line and the remainder becomes a pending adjustment (a negative `manual`
 * one) that the tenant's next invoice picks up. Call inside the transaction that changed the lines.
 */
export async function settleInvoiceTotals(tx: Tx, invoice: Invoice): Promise<Invoice> {
  const lines = await tx
    .select({ amountMinor: platformInvoiceLines.amountMinor })
    .from(platformInvoiceLines)
    .where(eq(platformInvoiceLines.invoiceId, invoice.id));
  const sum = lines.reduce((s, l) => s + l.amountMinor, 0);
  if (sum < 0) {
    const [carry] = await tx
      .insert(platformBillingAdjustments)
      .values({
        tenantId: invoice.tenantId,
        kind: "manual",
        description: `Credit carried forward from ${invoice.number}`,
        amountMinor: sum,
        currency: invoice.currency,
      })
      .returning({ id: platformBillingAdjustments.id });
    if (!carry) throw new Error("carry-forward adjustment insert returned no row");
    await tx.insert(platformInvoiceLines).values({
      invoiceId: invoice.id,
      tenantId: invoice.tenantId,
      kind: "adjustment",
      description: "Credit carried forward to the next invoice",
      quantity: 1,
      unitAmountMinor: -sum,
      amountMinor: -sum,
      sourceKey: `carry:${carry.id}`,
    });
    lines.push({ amountMinor: -sum });
  }
  const totals = computeTotals(lines, invoice.taxRateBps);
  const [updated] = await tx
    .update(platformInvoices)
    .set({ ...totals, updatedAt: new Date() })
    .where(eq(platformInvoices.id, invoice.id))
    .returning();
  if (!updated) throw new Error("invoice vanished while settling");
  return updated;
}
