// Draft → open. A cycle invoice stays a draft for the grace period after its period ends, so usage
// that arrives late (SMS sent at 23:59 and collected the next hour) still lands on it: finalising
// re-prices the SMS overage line from the usage events, then issues the invoice. A zero invoice is
// issued as paid (nothing to collect, nothing to chase). "billing/invoice.finalized" goes out after
// commit (the messaging module emails it from that event).
import { and, asc, eq, lte } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformInvoiceLines, platformInvoices, platformPlans, platformTenants } from "@/db/schema";
import { type Actor, systemActor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { smsOverage } from "@/lib/billing/cycle/lines";
import { AppError } from "@/lib/errors";
import { sendEvent } from "@/lib/jobs/send-event";
import { dueDateFrom, getBillingSettings } from "./settings";
import { type Invoice, settleInvoiceTotals } from "./settle";

export type SendEvent = typeof sendEvent;

/** Sends "billing/invoice.finalized" once per invoice (the id dedupes resends); never throws. */
export async function announceFinalized(
  invoice: Pick<Invoice, "id" | "tenantId">,
  send: SendEvent = sendEvent,
) {
  try {
    await send({
      name: "billing/invoice.finalized",
      data: { invoiceId: invoice.id, tenantId: invoice.tenantId },
      id: `invoice-finalized:${invoice.id}`,
    });
  } catch (error) {
    console.error("[billing] invoice.finalized not sent after commit", error);
  }
}

/**
 * Re-prices the SMS overage of the invoice's period with the tenant's current plan (a plan change
 * inside the grace period therefore applies its allowance to the ended period too; rare, and the
 * proration of that change is already on the next invoice).
 */
async function repriceUsage(tx: Tx, invoice: Invoice): Promise<void> {
  const [row] = await tx
    .select({ tenant: platformTenants, plan: platformPlans })
    .from(platformTenants)
    .innerJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
    .where(eq(platformTenants.id, invoice.tenantId))
    .limit(1);
  // No plan any more: the overage priced when the draft was made stands.
  if (!row) return;
  const period = { start: invoice.periodStart, end: invoice.periodEnd };
  const overage = await smsOverage(tx, row.plan, row.tenant, period);
  await tx
    .delete(platformInvoiceLines)
    .where(
      and(eq(platformInvoiceLines.invoiceId, invoice.id), eq(platformInvoiceLines.sourceKey, "sms_overage")),
    );
  if (overage.line) {
    await tx
      .insert(platformInvoiceLines)
      .values({ ...overage.line, invoiceId: invoice.id, tenantId: invoice.tenantId });
  }
}

/**
 * Finalises a draft: re-prices usage (cycle invoices), issues it (issuedAt = now, due date = now +
 * payment terms) and announces it. An invoice that is no longer a draft is returned unchanged.
 */
export async function finalizeInvoice(
  db: Queryable,
  opts: { invoiceId: string; now: Date; actor?: Actor; send?: SendEvent },
): Promise<{ invoice: Invoice; finalized: boolean }> {
  const actor = opts.actor ?? systemActor("billing-cycle");
  // Re-pricing, totals and the status change commit together.
  const result = await db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(platformInvoices)
      .where(eq(platformInvoices.id, opts.invoiceId))
      .for("update")
      .limit(1);
    if (!invoice) throw new AppError("NOT_FOUND", "That invoice does not exist.");
    if (invoice.status !== "draft") return { invoice, finalized: false };
    if (invoice.kind === "cycle") await repriceUsage(tx, invoice);
    const settled = await settleInvoiceTotals(tx, invoice);
    const settings = await getBillingSettings(tx);
    const zero = settled.totalMinor === 0;
    const [issued] = await tx
      .update(platformInvoices)
      .set({
        status: zero ? "paid" : "open",
        issuedAt: opts.now,
        paidAt: zero ? opts.now : null,
        dueDate: dueDateFrom(opts.now, settings.paymentTermsDays),
        updatedAt: new Date(),
      })
      .where(eq(platformInvoices.id, invoice.id))
      .returning();
    if (!issued) throw new Error("invoice vanished while finalising");
    await recordAudit(tx, {
      actor,
      tenantId: issued.tenantId,
      action: "billing.invoice.finalize",
      targetType: "invoice",
      targetId: issued.id,
      before: { status: invoice.status, totalMinor: invoice.totalMinor },
      after: { status: issued.status, totalMinor: issued.totalMinor, dueDate: issued.dueDate },
    });
    return { invoice: issued, finalized: true };
  });
  if (result.finalized) await announceFinalized(result.invoice, opts.send);
  return result;
}

export type FinalizeDueResult = { finalized: number; failed: number; invoiceIds: string[] };

/** Finalises every draft whose grace period is over; each in its own transaction. */
export async function finalizeDueInvoices(
  db: Queryable,
  opts: { now: Date; actor?: Actor; send?: SendEvent },
): Promise<FinalizeDueResult> {
  const due = await db
    .select({ id: platformInvoices.id })
    .from(platformInvoices)
    .where(and(eq(platformInvoices.status, "draft"), lte(platformInvoices.finalizeAfter, opts.now)))
    .orderBy(asc(platformInvoices.finalizeAfter), asc(platformInvoices.id));
  const result: FinalizeDueResult = { finalized: 0, failed: 0, invoiceIds: [] };
  for (const { id } of due) {
    try {
      const r = await finalizeInvoice(db, { ...opts, invoiceId: id });
      if (r.finalized) {
        result.finalized++;
        result.invoiceIds.push(id);
      }
    } catch (error) {
      console.error(`[billing] finalising invoice ${id} failed`, error);
      result.failed++;
    }
  }
  return result;
}
