"use client";

import { Printer } from "lucide-react";
import Link from "next/link";
import * as React from "react";
import { formatCalendarDay, formatInvoicePeriod } from "@/components/billing/format";
import { InvoiceStatusBadge } from "@/components/billing/invoice-status-badge";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { TableParamsConfig } from "@/components/data-table/params";
import { Button } from "@/components/ui/button";
import type { InvoiceListRow } from "@/lib/billing/invoices/queries";
import { formatMoney } from "@/lib/money";
import { PayInvoiceButton } from "./pay-invoice-button";

export type TenantInvoiceRow = InvoiceListRow & { overdue: boolean; payable: boolean };

const col = createDataTableColumnHelper<TenantInvoiceRow>();

/** The hotel's invoices, dates in its time zone, with Pay now on what is open and a printable copy of each. */
export function TenantInvoicesTable({
  rows,
  total,
  config,
  statusOptions,
  timeZone,
  locale,
  canPay,
}: {
  rows: readonly TenantInvoiceRow[];
  total: number;
  config: TableParamsConfig;
  statusOptions: ReadonlyArray<{ value: string; label: string }>;
  timeZone: string;
  locale: string;
  canPay: boolean;
}) {
  const columns = React.useMemo(
    () =>
      col.columns([
        col.accessor("number", {
          header: "Number",
          cell: (c) => <span className="font-mono text-[13px] font-medium">{c.getValue()}</span>,
        }),
        col.display({
          id: "period",
          header: "Period",
          cell: (c) => (
            <span className="whitespace-nowrap text-zinc-600">
              {formatInvoicePeriod(c.row.original, timeZone, locale) ?? "One-off invoice"}
            </span>
          ),
        }),
        col.accessor("status", {
          header: "Status",
          cell: (c) => <InvoiceStatusBadge status={c.getValue()} overdue={c.row.original.overdue} />,
        }),
        col.accessor("totalMinor", {
          header: "Total",
          cell: (c) => formatMoney(c.getValue(), c.row.original.currency, locale),
          meta: { align: "right", className: "tabular-nums whitespace-nowrap" },
        }),
        col.accessor("dueDate", {
          header: "Due",
          cell: (c) => <span className="whitespace-nowrap">{formatCalendarDay(c.getValue(), locale)}</span>,
        }),
        col.accessor("amountPaidMinor", {
          header: "Paid",
          cell: (c) => formatMoney(c.getValue(), c.row.original.currency, locale),
          meta: { align: "right", className: "tabular-nums whitespace-nowrap text-zinc-600" },
        }),
        col.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: (c) => {
            const invoice = c.row.original;
            return (
              <div className="flex items-center justify-end gap-2">
                {canPay && invoice.payable ? (
                  <PayInvoiceButton invoiceId={invoice.id} number={invoice.number} />
                ) : null}
                <Button asChild variant="ghost" size="sm">
                  <Link
                    href={`/billing/invoices/${invoice.id}/print`}
                    aria-label={`View invoice ${invoice.number}`}
                  >
                    <Printer aria-hidden /> View
                  </Link>
                </Button>
              </div>
            );
          },
          meta: { align: "right" },
        }),
      ]),
    [timeZone, locale, canPay],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={config}
      label="Invoices"
      search={false}
      filters={[{ key: "status", label: "Status", options: statusOptions }]}
      emptyState={{
        title: "No invoices yet",
        description: "Your first invoice arrives at the end of your first billing period.",
      }}
    />
  );
}
