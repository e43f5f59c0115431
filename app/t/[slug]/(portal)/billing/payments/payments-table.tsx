"use client";

import * as React from "react";
import { formatDay } from "@/components/billing/format";
import { PaymentStatusBadge } from "@/components/billing/invoice-status-badge";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { TableParamsConfig } from "@/components/data-table/params";
import type { TenantPaymentRow } from "@/lib/billing/payments/tenant-payments";
import { formatMoney } from "@/lib/money";

const col = createDataTableColumnHelper<TenantPaymentRow>();

const providerLabels: Record<TenantPaymentRow["provider"], string> = {
  stripe: "Card (Stripe)",
  paystack: "Paystack",
  manual: "Bank / manual",
  test: "Test checkout",
};

export function TenantPaymentsTable({
  rows,
  total,
  config,
  timeZone,
  locale,
}: {
  rows: readonly TenantPaymentRow[];
  total: number;
  config: TableParamsConfig;
  timeZone: string;
  locale: string;
}) {
  const columns = React.useMemo(
    () =>
      col.columns([
        col.accessor("at", {
          header: "Date",
          cell: (c) => <span className="whitespace-nowrap">{formatDay(c.getValue(), timeZone, locale)}</span>,
        }),
        col.accessor("invoiceNumber", {
          header: "For",
          cell: (c) => (c.getValue() ? `Invoice ${c.getValue()}` : "Add-on purchase"),
        }),
        col.accessor("provider", { header: "Paid with", cell: (c) => providerLabels[c.getValue()] }),
        col.accessor("status", {
          header: "Status",
          cell: (c) => <PaymentStatusBadge status={c.getValue()} />,
        }),
        col.accessor("amountMinor", {
          header: "Amount",
          cell: (c) => formatMoney(c.getValue(), c.row.original.currency, locale),
          meta: { align: "right", className: "tabular-nums whitespace-nowrap" },
        }),
        col.accessor("refundedMinor", {
          header: "Refunded",
          cell: (c) => (c.getValue() ? formatMoney(c.getValue(), c.row.original.currency, locale) : "—"),
          meta: { align: "right", className: "tabular-nums whitespace-nowrap text-zinc-600" },
        }),
      ]),
    [timeZone, locale],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={config}
      label="Payments"
      search={false}
      emptyState={{
        title: "No payments yet",
        description: "Payments appear here once you pay an invoice or an add-on.",
      }}
    />
  );
}
