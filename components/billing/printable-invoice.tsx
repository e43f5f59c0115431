// The invoice as a document: the same component for the console and the hotel's portal, laid out
// for A4 paper. On screen it sits on a card with a Back link and a Print button; printed, only the
// document remains (the shell and the toolbar carry data-print-hidden or are hidden by globals.css).
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { InvoiceDetail } from "@/lib/billing/invoices/queries";
import { bpsToPercent } from "@/lib/billing/settings";
import { formatMoney } from "@/lib/money";
import type { Tenant } from "@/lib/tenants/queries";
import { formatCalendarDay, formatDay, formatInvoicePeriod, isOverdue } from "./format";
import { InvoiceStatusBadge } from "./invoice-status-badge";
import type { IssuerDetails } from "./platform-details";
import { PrintButton } from "./print-button";

export type InvoiceHotel = Pick<
  Tenant,
  "name" | "slug" | "contactEmail" | "contactPhone" | "country" | "timezone" | "locale"
>;

// A4 with room for a printer's margins; colours kept so the status and totals still read in print.
const printCss = `
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  [data-invoice-document] { border: 0 !important; box-shadow: none !important; padding: 0 !important; max-width: none !important; }
  [data-invoice-document] * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  [data-invoice-document] tr { break-inside: avoid; }
}
`;

function statusLine(detail: InvoiceDetail, hotel: InvoiceHotel, now: Date): string | null {
  const { invoice } = detail;
  const day = (d: Date) => formatDay(d, hotel.timezone, hotel.locale);
  if (invoice.status === "paid")
    return invoice.paidAt ? `Paid in full on ${day(invoice.paidAt)}.` : "Paid in full.";
  if (invoice.status === "void")
    return invoice.voidedAt
      ? `Voided on ${day(invoice.voidedAt)}: nothing is due.`
      : "Voided: nothing is due.";
  if (invoice.status === "uncollectible") return "Written off as uncollectible.";
  if (invoice.status === "draft") return "Draft: this invoice has not been issued yet and may still change.";
  if (isOverdue(invoice, now)) return `Overdue since ${formatCalendarDay(invoice.dueDate, hotel.locale)}.`;
  return null;
}

export function PrintableInvoice({
  detail,
  hotel,
  issuer,
  payUrl,
  backHref,
  now,
}: {
  detail: InvoiceDetail;
  hotel: InvoiceHotel;
  issuer: IssuerDetails;
  /** The hotel's portal billing page, printed in the payment instructions. */
  payUrl: string;
  backHref: string;
  now: Date;
}) {
  const { invoice, lines } = detail;
  const money = (minor: number) => formatMoney(minor, invoice.currency, hotel.locale);
  const period = formatInvoicePeriod(invoice, hotel.timezone, hotel.locale);
  const status = statusLine(detail, hotel, now);
  const payable = invoice.status === "open" && detail.balanceMinor > 0;

  return (
    <div className="space-y-4">
      <style>{printCss}</style>
      <div data-print-hidden className="flex items-center justify-between gap-2">
        <Button asChild variant="ghost">
          <Link href={backHref}>
            <ArrowLeft aria-hidden /> Back to the invoice
          </Link>
        </Button>
        <PrintButton label="Print or save as PDF" />
      </div>

      <article
        data-invoice-document
        aria-label={`Invoice ${invoice.number}`}
        className="mx-auto max-w-[210mm] space-y-8 rounded-xl border border-zinc-200 bg-white p-10 text-sm text-zinc-900 shadow-xs"
      >
        <header className="flex flex-wrap items-start justify-between gap-6">
          <div className="space-y-1">
            <p className="text-lg font-semibold tracking-tight">{issuer.name}</p>
            <p className="text-zinc-600">{issuer.email}</p>
            <p className="text-zinc-600">{issuer.website}</p>
          </div>
          <div className="space-y-1 text-right">
            <h1 className="text-2xl font-semibold tracking-tight">Invoice</h1>
            <p className="font-mono text-[13px]">{invoice.number}</p>
            <InvoiceStatusBadge status={invoice.status} overdue={isOverdue(invoice, now)} />
          </div>
        </header>

        <section className="grid gap-6 sm:grid-cols-2">
          <div className="space-y-1">
            <h2 className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Billed to</h2>
            <p className="font-medium">{hotel.name}</p>
            {hotel.contactEmail ? <p className="text-zinc-600">{hotel.contactEmail}</p> : null}
            {hotel.contactPhone ? <p className="text-zinc-600">{hotel.contactPhone}</p> : null}
            <p className="text-zinc-600">{hotel.country}</p>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 self-start sm:justify-self-end">
            <dt className="text-zinc-500">Issued</dt>
            <dd>
              {invoice.issuedAt ? formatDay(invoice.issuedAt, hotel.timezone, hotel.locale) : "Not yet"}
            </dd>
            <dt className="text-zinc-500">Due</dt>
            <dd>{formatCalendarDay(invoice.dueDate, hotel.locale)}</dd>
            {period ? (
              <>
                <dt className="text-zinc-500">Period</dt>
                <dd>{period}</dd>
              </>
            ) : null}
            <dt className="text-zinc-500">Currency</dt>
            <dd>{invoice.currency}</dd>
          </dl>
        </section>

        <table className="w-full text-sm">
          <caption className="sr-only">Invoice lines</caption>
          <thead className="border-b border-zinc-300 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Description
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Qty
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Unit price
              </th>
              <th scope="col" className="py-2 text-right">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {lines.map((line) => (
              <tr key={line.id}>
                <td className="py-2 pr-4">{line.description}</td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {line.quantity.toLocaleString(hotel.locale)}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{money(line.unitAmountMinor)}</td>
                <td className="py-2 text-right tabular-nums">{money(line.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <dl className="ml-auto grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 tabular-nums">
          <dt className="text-zinc-500">Subtotal</dt>
          <dd className="text-right">{money(invoice.subtotalMinor)}</dd>
          <dt className="text-zinc-500">Tax ({bpsToPercent(invoice.taxRateBps)}%)</dt>
          <dd className="text-right">{money(invoice.taxMinor)}</dd>
          <dt className="border-t border-zinc-300 pt-1.5 font-semibold">Total</dt>
          <dd className="border-t border-zinc-300 pt-1.5 text-right font-semibold">
            {money(invoice.totalMinor)}
          </dd>
          <dt className="text-zinc-500">Paid</dt>
          <dd className="text-right">{money(invoice.amountPaidMinor)}</dd>
          <dt className="font-semibold">Balance due</dt>
          <dd className="text-right font-semibold">
            {invoice.status === "void" || invoice.status === "uncollectible"
              ? money(0)
              : money(detail.balanceMinor)}
          </dd>
        </dl>

        {status ? <p className="font-medium">{status}</p> : null}
        {invoice.memo ? <p className="whitespace-pre-line text-zinc-700">{invoice.memo}</p> : null}

        {payable ? (
          <section className="space-y-1 rounded-lg bg-zinc-50 p-4">
            <h2 className="font-medium">How to pay</h2>
            <p className="text-zinc-700">
              Pay online by card or bank at <span className="font-medium">{payUrl}</span> (Billing → Pay now),
              by {formatCalendarDay(invoice.dueDate, hotel.locale)}.
            </p>
            <p className="text-zinc-700">
              Paying by bank transfer? Quote <span className="font-mono">{invoice.number}</span> as the
              reference and write to {issuer.email} so we can match it.
            </p>
          </section>
        ) : null}

        <footer className="border-t border-zinc-200 pt-4 text-xs text-zinc-500">
          {issuer.name} · {issuer.email} · Amounts in {invoice.currency}.
        </footer>
      </article>
    </div>
  );
}
