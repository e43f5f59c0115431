import type { Queryable } from "@/db/connect";
import { csvCell } from "@/lib/audit/csv";
import { currencyExponent, minorToDecimalString } from "@/lib/money";
import { listAllInvoices } from "./queries";
import type { InvoiceFilters } from "./schemas";

const header = [
  "number",
  "hotel",
  "kind",
  "status",
  "period_start",
  "period_end",
  "currency",
  "subtotal",
  "tax_rate_percent",
  "tax",
  "total",
  "amount_paid",
  "balance",
  "issued_at",
  "due_date",
  "paid_at",
  "voided_at",
];

/**
 * The invoices matching `filters` as CSV (RFC 4180, CRLF; cells a spreadsheet would run as a
 * formula are defused by lib/audit/csv). Amounts are exact decimals in the invoice's currency.
 */
export async function invoicesCsv(db: Queryable, filters: InvoiceFilters): Promise<string> {
  const rows = await listAllInvoices(db, filters);
  const lines = rows.map((r) => {
    const exp = currencyExponent(r.currency);
    const amount = (minor: number) => minorToDecimalString(minor, exp);
    return [
      r.number,
      r.tenantName,
      r.kind,
      r.status,
      r.periodStart,
      r.periodEnd,
      r.currency,
      amount(r.subtotalMinor),
      minorToDecimalString(r.taxRateBps, 2),
      amount(r.taxMinor),
      amount(r.totalMinor),
      amount(r.amountPaidMinor),
      amount(Math.max(0, r.totalMinor - r.amountPaidMinor)),
      r.issuedAt,
      r.dueDate,
      r.paidAt,
      r.voidedAt,
    ]
      .map(csvCell)
      .join(",");
  });
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
