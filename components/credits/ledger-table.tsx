"use client";

import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { LocalTime } from "@/components/messaging/messages-table/local-time";
import type { LedgerRow } from "@/lib/credits/queries";
import { cn } from "@/lib/utils";
import { creditReasonLabels, ledgerTableConfig } from "./table-config";

const col = createDataTableColumnHelper<LedgerRow>();

function ledgerColumns(timeZone: string | undefined) {
  return col.columns([
    col.accessor("createdAt", {
      header: "Time",
      cell: (c) => (
        <LocalTime value={c.getValue()} timeZone={timeZone} className="whitespace-nowrap tabular-nums" />
      ),
    }),
    col.accessor("reason", { header: "Reason", cell: (c) => creditReasonLabels[c.getValue()] }),
    col.accessor("delta", {
      header: "Change",
      cell: (c) => (
        <span
          className={cn("tabular-nums font-medium", c.getValue() > 0 ? "text-emerald-700" : "text-zinc-900")}
        >
          {c.getValue() > 0 ? `+${c.getValue()}` : c.getValue()}
        </span>
      ),
      meta: { align: "right" },
    }),
    col.accessor("balanceAfter", {
      header: "Balance after",
      cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
      meta: { align: "right" },
    }),
    col.accessor("reference", {
      header: "Reference",
      cell: (c) => (
        <span className="block max-w-48 truncate font-mono text-xs text-zinc-500" title={c.getValue()}>
          {c.getValue()}
        </span>
      ),
    }),
    col.accessor("note", {
      header: "Note",
      cell: (c) => c.getValue() ?? <span className="text-zinc-400">—</span>,
    }),
    col.accessor("actorLabel", {
      header: "By",
      cell: (c) => c.getValue() ?? <span className="text-zinc-400">system</span>,
    }),
  ]);
}

/** A hotel's credit ledger, newest first: every grant, send, refund and adjustment. */
export function LedgerTable({
  rows,
  total,
  timeZone,
}: {
  rows: LedgerRow[];
  total: number;
  /** The hotel's zone in the portal; the console shows the viewer's. */
  timeZone?: string;
}) {
  const columns = React.useMemo(() => ledgerColumns(timeZone), [timeZone]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={ledgerTableConfig}
      label="Credit ledger"
      search={false}
      emptyState={{ title: "No credit movements yet", description: "Grants, sends and refunds appear here." }}
    />
  );
}
