// Console status changes: void (a mistaken draft or open invoice nobody has paid) and uncollectible
// (an open invoice written off). Both audited; paid, void and uncollectible invoices are final.
// Voiding a cycle invoice does not put its adjustments or on-account purchases back in the queue:
// issue a manual invoice for whatever should still be billed.
// Both cancel the invoice's open checkouts in the same transaction, so an old checkout link no
// longer takes money for it. Money that still arrives on one (a customer already on the provider's
// page) is recorded by completeCheckout: it settles an uncollectible invoice, and stays unapplied
// (audited, for a refund) on a void one.
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformCheckoutSessions, platformInvoices, platformPayments } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { type InvoiceStatusChangeInput, invoiceStatusChangeSchema } from "./schemas";
import type { Invoice } from "./settle";

/**
 * Locks the invoice's checkouts, then the invoice: the order completeCheckout takes them in, so a
 * payment completing at this moment finishes first (and is then seen) instead of deadlocking.
 */
async function lockInvoice(tx: Tx, invoiceId: string): Promise<Invoice> {
  await tx
    .select({ id: platformCheckoutSessions.id })
    .from(platformCheckoutSessions)
    .where(eq(platformCheckoutSessions.invoiceId, invoiceId))
    .for("update");
  const [invoice] = await tx
    .select()
    .from(platformInvoices)
    .where(eq(platformInvoices.id, invoiceId))
    .for("update")
    .limit(1);
  if (!invoice) throw new AppError("NOT_FOUND", "That invoice does not exist.", { field: "invoiceId" });
  return invoice;
}

async function changeStatus(
  tx: Tx,
  invoice: Invoice,
  to: "void" | "uncollectible",
  reason: string,
  actor: Actor,
): Promise<Invoice> {
  const now = new Date();
  const [after] = await tx
    .update(platformInvoices)
    .set({ status: to, voidedAt: to === "void" ? now : invoice.voidedAt, updatedAt: now })
    .where(eq(platformInvoices.id, invoice.id))
    .returning();
  if (!after) throw new Error("invoice vanished");
  const cancelled = await tx
    .update(platformCheckoutSessions)
    .set({ status: "cancelled" })
    .where(
      and(eq(platformCheckoutSessions.invoiceId, invoice.id), eq(platformCheckoutSessions.status, "open")),
    )
    .returning({ id: platformCheckoutSessions.id });
  await recordAudit(tx, {
    actor,
    tenantId: invoice.tenantId,
    action: to === "void" ? "billing.invoice.void" : "billing.invoice.uncollectible",
    targetType: "invoice",
    targetId: invoice.id,
    before: { status: invoice.status },
    after: { status: after.status },
    details: {
      number: invoice.number,
      reason,
      totalMinor: invoice.totalMinor,
      cancelledCheckoutIds: cancelled.map((c) => c.id),
    },
  });
  return after;
}

/** Voids a draft or open invoice on which nothing has been paid or is being paid. */
export async function voidInvoice(
  db: Queryable,
  input: InvoiceStatusChangeInput & { actor: Actor },
): Promise<Invoice> {
  const { invoiceId, reason } = invoiceStatusChangeSchema.parse(input);
  return db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (invoice.status !== "draft" && invoice.status !== "open") {
      throw new AppError("CONFLICT", `Invoice ${invoice.number} is ${invoice.status} and cannot be voided.`);
    }
    const [payment] = await tx
      .select({ id: platformPayments.id })
      .from(platformPayments)
      .where(
        and(
          eq(platformPayments.invoiceId, invoice.id),
          inArray(platformPayments.status, ["pending", "succeeded", "partially_refunded"]),
        ),
      )
      .limit(1);
    if (payment || invoice.amountPaidMinor > 0) {
      throw new AppError(
        "CONFLICT",
        `Invoice ${invoice.number} has payments: refund them before voiding, or write it off as uncollectible.`,
      );
    }
    return changeStatus(tx, invoice, "void", reason, input.actor);
  });
}

/** Writes off an open invoice: it stays on record, no longer outstanding. */
export async function markUncollectible(
  db: Queryable,
  input: InvoiceStatusChangeInput & { actor: Actor },
): Promise<Invoice> {
  const { invoiceId, reason } = invoiceStatusChangeSchema.parse(input);
  return db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (invoice.status !== "open") {
      throw new AppError(
        "CONFLICT",
        `Only an open invoice can be written off; ${invoice.number} is ${invoice.status}.`,
      );
    }
    return changeStatus(tx, invoice, "uncollectible", reason, input.actor);
  });
}
