"use client";

import Link from "next/link";
import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { LocalTime } from "@/components/messaging/messages-table/local-time";
import type { PurchaseRow } from "@/lib/marketplace/purchase";
import { purchasesTableConfig } from "@/lib/marketplace/table";
import { formatMoney } from "@/lib/money";
import { PurchaseStatusBadge, purchaseLabel } from "./purchase-status";

const col = createDataTableColumnHelper<PurchaseRow>();

function purchaseColumns(timeZone: string, locale: string) {
  return col.columns([
    col.accessor("createdAt", {
      header: "Ordered",
      cell: (c) => (
        <LocalTime
          value={c.getValue()}
          timeZone={timeZone}
          locale={locale}
          className="whitespace-nowrap tabular-nums"
        />
      ),
    }),
    col.accessor("addonName", {
      header: "Add-on",
      cell: (c) => (
        <Link
          href={`/marketplace/orders/${c.row.original.id}`}
          className="font-medium hover:text-brand-700 hover:underline"
        >
          {purchaseLabel(c.row.original)}
        </Link>
      ),
    }),
    col.accessor("amountMinor", {
      header: "Amount",
      cell: (c) => (
        <span className="tabular-nums">{formatMoney(c.getValue(), c.row.original.currency, locale)}</span>
      ),
      meta: { align: "right" },
    }),
    col.accessor("status", { header: "Status", cell: (c) => <PurchaseStatusBadge status={c.getValue()} /> }),
  ]);
}

/** The hotel's add-on orders, newest first (server-paginated). */
export function PurchasesTable({
  rows,
  total,
  timeZone,
  locale,
}: {
  rows: PurchaseRow[];
  total: number;
  timeZone: string;
  locale: string;
}) {
  const columns = React.useMemo(() => purchaseColumns(timeZone, locale), [timeZone, locale]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={purchasesTableConfig}
      label="Purchase history"
      search={false}
      emptyState={{
        title: "No purchases yet",
        description: "Add-ons you buy appear here with their status.",
      }}
    />
  );
}
