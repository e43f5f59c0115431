// An invoice's history for the console: what the rows say happened (created, issued, each payment
// and refund, paid, voided) merged with the audit stream, which adds who did it and why, and the
// events no column records (written off as uncollectible).
import type { AuditRow } from "@/lib/audit/queries";
import type { InvoiceDetail } from "@/lib/billing/invoices/queries";
import { formatMoney } from "@/lib/money";

export type TimelineTone = "neutral" | "info" | "success" | "warning" | "danger";

export type TimelineEvent = {
  key: string;
  at: Date;
  title: string;
  /** A reason, a reference, a note. */
  detail: string | null;
  /** Who did it, from the audit stream ("ada@example.com", "billing-cycle"). */
  actor: string | null;
  tone: TimelineTone;
};

const providerLabels: Record<string, string> = {
  stripe: "Stripe",
  paystack: "Paystack",
  manual: "recorded by hand",
  test: "test checkout",
};

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** The event an audit row is about, in the keys the row events use; null for rows the timeline skips. */
function auditKey(row: AuditRow, refundKeyByReference: Map<string, string>): string | null {
  switch (row.action) {
    case "billing.invoice.create":
      return "created";
    case "billing.invoice.finalize":
      return "issued";
    case "billing.invoice.void":
      return "voided";
    case "billing.invoice.uncollectible":
      return "uncollectible";
    case "billing.payment.record":
    case "billing.payment.receive":
      return row.targetId ? `payment:${row.targetId}` : null;
    case "billing.payment.refund": {
      const reference = text(row.summary.reference);
      return reference ? (refundKeyByReference.get(reference) ?? null) : null;
    }
    default:
      return null;
  }
}

/** Oldest first. `audit` is every audit row whose target is the invoice or one of its payments. */
export function buildInvoiceTimeline(detail: InvoiceDetail, audit: readonly AuditRow[]): TimelineEvent[] {
  const { invoice, payments, refunds } = detail;
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const events = new Map<string, TimelineEvent>();
  const add = (e: Omit<TimelineEvent, "actor" | "detail"> & { detail?: string | null }) =>
    events.set(e.key, { detail: null, actor: null, ...e });

  add({
    key: "created",
    at: invoice.createdAt,
    title: invoice.kind === "manual" ? "Manual invoice created and issued" : "Invoice created as a draft",
    tone: "neutral",
  });
  if (invoice.kind === "cycle" && invoice.issuedAt) {
    add({ key: "issued", at: invoice.issuedAt, title: "Issued and sent to the hotel", tone: "info" });
  }
  for (const p of payments) {
    const via = providerLabels[p.provider] ?? p.provider;
    const failed = p.status === "failed";
    add({
      key: `payment:${p.id}`,
      at: p.receivedAt ?? p.createdAt,
      title: `${failed ? "Payment failed" : "Payment"} of ${money(p.amountMinor)} (${via}${p.method ? `, ${p.method.replace("_", " ")}` : ""})`,
      detail: p.provider === "manual" ? `Reference ${p.providerReference}` : null,
      tone: failed ? "danger" : "success",
    });
  }
  const refundKeyByReference = new Map<string, string>();
  for (const r of refunds) {
    const key = `refund:${r.id}`;
    refundKeyByReference.set(r.reference, key);
    add({
      key,
      at: r.createdAt,
      title: `Refund of ${money(r.amountMinor)}`,
      detail: r.reason,
      tone: "warning",
    });
  }
  if (invoice.paidAt && invoice.totalMinor > 0) {
    add({ key: "paid", at: invoice.paidAt, title: "Paid in full", tone: "success" });
  }
  if (invoice.voidedAt) add({ key: "voided", at: invoice.voidedAt, title: "Voided", tone: "neutral" });

  for (const row of audit) {
    const key = auditKey(row, refundKeyByReference);
    if (!key) continue;
    const reason = text(row.summary.reason);
    const known = events.get(key);
    if (known) {
      events.set(key, { ...known, actor: row.actorLabel, detail: known.detail ?? reason });
    } else if (key === "uncollectible") {
      events.set(key, {
        key,
        at: row.occurredAt,
        title: "Written off as uncollectible",
        detail: reason,
        actor: row.actorLabel,
        tone: "danger",
      });
    }
  }
  return [...events.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}
