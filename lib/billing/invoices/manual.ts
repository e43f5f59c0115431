// Manual invoices (console): issued as `open` directly — there is no usage to wait for, so no draft
// grace — and announced like a finalised cycle invoice, so the tenant gets the same email.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformInvoiceLines, platformInvoices, platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { announceFinalized, type SendEvent } from "./finalize";
import { nextInvoiceNumber } from "./number";
import { type ManualInvoiceInput, manualInvoiceSchema } from "./schemas";
import { dueDateFrom, getBillingSettings, taxRateFor } from "./settings";
import type { Invoice } from "./settle";
import { computeTotals, lineAmount } from "./totals";

export async function createManualInvoice(
  db: Queryable,
  input: ManualInvoiceInput & { actor: Actor; now?: Date; send?: SendEvent },
): Promise<Invoice> {
  const values = manualInvoiceSchema.parse(input);
  const now = input.now ?? new Date();
  const lines = values.lines.map((l, i) => ({
    kind: "manual" as const,
    description: l.description,
    quantity: l.quantity,
    unitAmountMinor: l.unitAmountMinor,
    amountMinor: lineAmount(l.quantity, l.unitAmountMinor),
    sourceKey: `manual:${String(i + 1).padStart(3, "0")}`,
  }));
  // The invoice, its lines and the audit row commit together.
  const invoice = await db.transaction(async (tx) => {
    const [tenant] = await tx
      .select()
      .from(platformTenants)
      .where(eq(platformTenants.id, values.tenantId))
      .limit(1);
    if (!tenant || tenant.status === "deleted") {
      throw new AppError("NOT_FOUND", "That hotel does not exist.", { field: "tenantId" });
    }
    const totals = computeTotals(lines, await taxRateFor(tx, tenant.country));
    if (totals.subtotalMinor <= 0) {
      throw new AppError("INVALID", "A manual invoice must come to more than zero.", { field: "lines" });
    }
    const settings = await getBillingSettings(tx);
    const [row] = await tx
      .insert(platformInvoices)
      .values({
        tenantId: tenant.id,
        number: await nextInvoiceNumber(tx, now),
        kind: "manual",
        status: "open",
        periodStart: now,
        periodEnd: now,
        currency: tenant.currency,
        ...totals,
        finalizeAfter: now,
        issuedAt: now,
        dueDate: values.dueDate ?? dueDateFrom(now, settings.paymentTermsDays),
        memo: values.memo || null,
        createdByUserId: input.actor.userId,
      })
      .returning();
    if (!row) throw new Error("invoice insert returned no row");
    await tx
      .insert(platformInvoiceLines)
      .values(lines.map((l) => ({ ...l, invoiceId: row.id, tenantId: tenant.id })));
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: tenant.id,
      action: "billing.invoice.create",
      targetType: "invoice",
      targetId: row.id,
      after: {
        number: row.number,
        kind: "manual",
        currency: row.currency,
        subtotalMinor: row.subtotalMinor,
        taxMinor: row.taxMinor,
        totalMinor: row.totalMinor,
        dueDate: row.dueDate,
        lines: lines.length,
      },
    });
    return row;
  });
  await announceFinalized(invoice, input.send);
  return invoice;
}
