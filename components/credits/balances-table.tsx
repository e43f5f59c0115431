"use client";

import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { CreditBalanceRow } from "@/lib/credits/queries";
import { creditBalanceOnlyOptions, creditBalancesTableConfig } from "./table-config";

const col = createDataTableColumnHelper<CreditBalanceRow>();

const columns = col.columns([
  col.accessor("tenantName", {
    id: "name",
    header: "Hotel",
    cell: (c) => (
      <div>
        <Link
          href={`/platform/messaging/credits/${c.row.original.tenantId}`}
          className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
        >
          {c.getValue()}
        </Link>
        <div className="text-xs text-zinc-500">{c.row.original.tenantSlug}</div>
      </div>
    ),
  }),
  col.accessor("balance", {
    header: "Balance",
    cell: (c) => (
      <span className="inline-flex items-center gap-2 tabular-nums">
        {c.getValue()}
        {c.row.original.isLow ? <Badge variant="warning">Low</Badge> : null}
      </span>
    ),
    meta: { align: "right" },
  }),
  col.accessor("lowBalanceThreshold", {
    header: "Warn at",
    enableSorting: false,
    cell: (c) => {
      const value = c.getValue();
      return value === null ? (
        <span className="text-zinc-400">off</span>
      ) : (
        <span className="tabular-nums">{value}</span>
      );
    },
    meta: { align: "right" },
  }),
  col.accessor("reconciled", {
    header: "Reconcile",
    enableSorting: false,
    cell: (c) =>
      c.getValue() ? (
        <Badge variant="success" data-reconcile="ok">
          OK
        </Badge>
      ) : (
        <span className="inline-flex items-center gap-2" data-reconcile="mismatch">
          <Badge variant="danger">Mismatch</Badge>
          <span className="text-xs text-zinc-500 tabular-nums">ledger {c.row.original.ledgerSum}</span>
        </span>
      ),
  }),
]);

/** Every hotel's SMS credits, with a check that each pool equals the sum of its ledger. */
export function CreditBalancesTable({ rows, total }: { rows: CreditBalanceRow[]; total: number }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={creditBalancesTableConfig}
      label="SMS credit balances"
      rowKey="tenantId"
      searchPlaceholder="Search hotels…"
      filters={[{ key: "only", label: "Show", options: creditBalanceOnlyOptions, allLabel: "All hotels" }]}
      emptyState={{ title: "No hotels yet", description: "Each hotel's SMS credits appear here." }}
    />
  );
}
