"use client";

import Link from "next/link";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { InvoiceListRow } from "@/lib/billing/invoices/queries";
import { formatMoney } from "@/lib/money";
import { formatCalendarDay, formatInvoicePeriod } from "../format";
import { InvoiceStatusBadge } from "../invoice-status-badge";

/** A row of the console's invoices table; `overdue` is worked out on the server, against one clock. */
export type InvoiceTableRow = InvoiceListRow & { overdue: boolean };

const col = createDataTableColumnHelper<InvoiceTableRow>();

/** Console > Billing > Invoices. Dates in UTC: the console serves hotels in every time zone. */
export const invoiceColumns = col.columns([
  col.accessor("number", {
    header: "Number",
    cell: (c) => (
      <Link
        href={`/platform/billing/invoices/${c.row.original.id}`}
        className="font-mono text-[13px] font-medium text-brand-700 hover:underline"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("tenantName", {
    header: "Hotel",
    cell: (c) => (
      <Link href={`/platform/tenants/${c.row.original.tenantId}`} className="hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.display({
    id: "period",
    header: "Period (UTC)",
    cell: (c) => (
      <span className="whitespace-nowrap text-zinc-600">
        {formatInvoicePeriod(c.row.original) ?? "Manual invoice"}
      </span>
    ),
  }),
  col.accessor("status", {
    header: "Status",
    cell: (c) => <InvoiceStatusBadge status={c.getValue()} overdue={c.row.original.overdue} />,
  }),
  col.accessor("totalMinor", {
    header: "Total",
    cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    meta: { align: "right", className: "tabular-nums whitespace-nowrap" },
  }),
  col.accessor("amountPaidMinor", {
    header: "Paid",
    cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    meta: { align: "right", className: "tabular-nums whitespace-nowrap text-zinc-600" },
  }),
  col.accessor("dueDate", {
    header: "Due",
    cell: (c) => <span className="whitespace-nowrap">{formatCalendarDay(c.getValue())}</span>,
  }),
]);
