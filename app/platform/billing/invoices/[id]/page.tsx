// Console > Billing > Invoice: the lines and totals, the payments with their refunds, the history,
// and (for billing admins) record a payment, refund, void or write off. "Print" opens the document.
import { ArrowLeft, Printer } from "lucide-react";
import Link from "next/link";
import { formatCalendarDay, formatInvoicePeriod, isOverdue, utcToday } from "@/components/billing/format";
import { invoiceOr404 } from "@/components/billing/invoice-or-404";
import { InvoiceStatusBadge, PaymentStatusBadge } from "@/components/billing/invoice-status-badge";
import { buildInvoiceTimeline } from "@/components/billing/invoice-timeline";
import { InvoiceTimeline } from "@/components/billing/invoice-timeline-view";
import { TableHead } from "@/components/billing/table-head";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import type { Queryable } from "@/db/connect";
import { type AuditRow, listAuditEvents } from "@/lib/audit/queries";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { bpsToPercent } from "@/lib/billing/settings";
import { formatMoney, toMajorString } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { RecordPaymentDialog } from "./record-payment-dialog";
import { RefundDialog } from "./refund-dialog";
import { StatusChangeButton } from "./status-actions";

export const metadata = { title: "Invoice" };

/** Audit rows aimed at exactly these targets (the invoice and its payments), oldest first. */
async function auditFor(db: Queryable, tenantId: string, targetIds: readonly string[]): Promise<AuditRow[]> {
  const pages = await Promise.all(
    targetIds.map((id) =>
      listAuditEvents(db, {
        filter: { tenantId, q: id },
        sort: { id: "occurredAt", desc: false },
        limit: 100,
        offset: 0,
      }),
    ),
  );
  return pages.flatMap((p) => p.rows).filter((r) => r.targetId !== null && targetIds.includes(r.targetId));
}

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePlatformRole("billing.read");
  const { id } = await params;
  const db = await getDb();
  const detail = await invoiceOr404(db, { id });
  const { invoice, lines, payments, refunds } = detail;
  const audit = await auditFor(db, invoice.tenantId, [invoice.id, ...payments.map((p) => p.id)]);
  const timeline = buildInvoiceTimeline(detail, audit);
  const now = new Date();
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const canWrite = platformCan(ctx.platformRole, "billing.write");
  const period = formatInvoicePeriod(invoice);
  const takesPayments = invoice.status === "open" || invoice.status === "uncollectible";

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link
            href="/platform/billing/invoices"
            className="inline-flex items-center gap-1 hover:text-zinc-900"
          >
            <ArrowLeft className="size-3.5" aria-hidden /> Invoices
          </Link>
        }
        title={`Invoice ${invoice.number}`}
        description={
          <>
            <Link
              href={`/platform/tenants/${invoice.tenantId}`}
              className="font-medium text-zinc-700 hover:underline"
            >
              {invoice.tenantName}
            </Link>
            {" · "}
            {invoice.kind === "manual" ? "Manual invoice" : `Billing period ${period} (UTC)`}
          </>
        }
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={`/platform/billing/invoices/${invoice.id}/print`}>
                <Printer aria-hidden /> Print
              </Link>
            </Button>
            {canWrite && takesPayments && detail.balanceMinor > 0 ? (
              <RecordPaymentDialog
                invoice={{
                  id: invoice.id,
                  number: invoice.number,
                  currency: invoice.currency,
                  balance: toMajorString(detail.balanceMinor, invoice.currency),
                  today: utcToday(now),
                }}
              />
            ) : null}
            {canWrite && (invoice.status === "draft" || invoice.status === "open") ? (
              <StatusChangeButton invoiceId={invoice.id} change="void" />
            ) : null}
            {canWrite && invoice.status === "open" ? (
              <StatusChangeButton invoiceId={invoice.id} change="uncollectible" />
            ) : null}
          </>
        }
      >
        <InvoiceStatusBadge status={invoice.status} overdue={isOverdue(invoice, now)} />
      </PageHeader>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Lines</CardTitle>
            <CardDescription>
              Issued {invoice.issuedAt ? `${formatDateTime(invoice.issuedAt, "UTC")} UTC` : "— still a draft"}{" "}
              · due {formatCalendarDay(invoice.dueDate)}
            </CardDescription>
          </CardHeader>
          <CardContent className="p-0">
            <table className="w-full text-sm">
              <caption className="sr-only">Invoice lines</caption>
              <TableHead
                bordered
                columns={[
                  { label: "Description" },
                  { label: "Qty", align: "right" },
                  { label: "Unit", align: "right" },
                  { label: "Amount", align: "right" },
                ]}
              />
              <tbody className="divide-y divide-zinc-100">
                {lines.map((l) => (
                  <tr key={l.id}>
                    <td className="px-5 py-2">{l.description}</td>
                    <td className="px-5 py-2 text-right tabular-nums">{l.quantity.toLocaleString("en")}</td>
                    <td className="px-5 py-2 text-right tabular-nums">{money(l.unitAmountMinor)}</td>
                    <td className="px-5 py-2 text-right tabular-nums">{money(l.amountMinor)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-zinc-200 tabular-nums">
                {[
                  ["Subtotal", invoice.subtotalMinor],
                  [`Tax (${bpsToPercent(invoice.taxRateBps)}%)`, invoice.taxMinor],
                  ["Total", invoice.totalMinor],
                  ["Paid", invoice.amountPaidMinor],
                  ["Balance", detail.balanceMinor],
                ].map(([label, amount]) => (
                  <tr
                    key={String(label)}
                    className={label === "Total" || label === "Balance" ? "font-semibold" : ""}
                  >
                    <td className="px-5 py-1.5 text-right" colSpan={3}>
                      {label}
                    </td>
                    <td className="px-5 py-1.5 text-right">{money(Number(amount))}</td>
                  </tr>
                ))}
              </tfoot>
            </table>
            {invoice.memo ? (
              <p className="px-5 py-3 text-sm whitespace-pre-line text-zinc-700">{invoice.memo}</p>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>History</CardTitle>
            <CardDescription>From the invoice and the audit log (UTC).</CardDescription>
          </CardHeader>
          <CardContent>
            <InvoiceTimeline events={timeline} />
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Payments</CardTitle>
          <CardDescription>Money received against this invoice, and refunds.</CardDescription>
        </CardHeader>
        <CardContent className={payments.length ? "p-0" : undefined}>
          {payments.length === 0 ? (
            <p className="text-sm text-zinc-500">No payments yet.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Payments</caption>
              <TableHead
                bordered
                columns={[
                  { label: "Received (UTC)" },
                  { label: "Provider" },
                  { label: "Reference" },
                  { label: "Status" },
                  { label: "Amount", align: "right" },
                  { label: "Refunded", align: "right" },
                  { label: "Actions", srOnly: true },
                ]}
              />
              <tbody className="divide-y divide-zinc-100">
                {payments.map((p) => {
                  const left = p.amountMinor - p.refundedMinor;
                  const refundable =
                    (p.status === "succeeded" || p.status === "partially_refunded") && left > 0;
                  const label = `payment ${p.providerReference}`;
                  return (
                    <tr key={p.id}>
                      <td className="px-5 py-2 whitespace-nowrap">
                        {formatDateTime(p.receivedAt ?? p.createdAt, "UTC")}
                      </td>
                      <td className="px-5 py-2 capitalize">
                        {p.provider}
                        {p.method ? (
                          <span className="text-zinc-500"> · {p.method.replace("_", " ")}</span>
                        ) : null}
                      </td>
                      <td
                        className="max-w-48 truncate px-5 py-2 font-mono text-xs"
                        title={p.providerReference}
                      >
                        {p.providerReference}
                      </td>
                      <td className="px-5 py-2">
                        <PaymentStatusBadge status={p.status} />
                      </td>
                      <td className="px-5 py-2 text-right tabular-nums">
                        {formatMoney(p.amountMinor, p.currency)}
                      </td>
                      <td className="px-5 py-2 text-right tabular-nums">
                        {p.refundedMinor ? formatMoney(p.refundedMinor, p.currency) : "—"}
                      </td>
                      <td className="px-5 py-2 text-right">
                        {canWrite && refundable && p.provider !== "stripe" ? (
                          <RefundDialog
                            invoiceId={invoice.id}
                            payment={{
                              id: p.id,
                              label,
                              currency: p.currency,
                              refundable: toMajorString(left, p.currency),
                            }}
                          />
                        ) : canWrite && refundable ? (
                          <span className="text-xs text-zinc-500">Refund in Stripe</span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {refunds.length ? (
            <ul className="space-y-1 border-t border-zinc-200 px-5 py-3 text-[13px] text-zinc-600">
              {refunds.map((r) => (
                <li key={r.id}>
                  Refund of {money(r.amountMinor)} on {formatDateTime(r.createdAt, "UTC")}
                  {r.reason ? ` — ${r.reason}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
