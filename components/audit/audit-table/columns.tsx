"use client";

import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { AuditRow } from "@/lib/audit/queries";

const col = createDataTableColumnHelper<AuditRow>();

export const auditColumns = col.columns([
  col.accessor("occurredAt", {
    header: "When (UTC)",
    cell: (c) => (
      <span className="whitespace-nowrap tabular-nums">
        {c.getValue().toISOString().slice(0, 19).replace("T", " ")}
      </span>
    ),
  }),
  col.accessor("actorLabel", {
    header: "Actor",
    cell: (c) => (
      <div>
        <div className="font-medium">{c.getValue()}</div>
        <div className="text-xs text-zinc-500">
          {c.row.original.actorKind}
          {c.row.original.ip ? ` · ${c.row.original.ip}` : ""}
        </div>
      </div>
    ),
  }),
  col.accessor("action", { header: "Action", cell: (c) => <Badge variant="neutral">{c.getValue()}</Badge> }),
  col.accessor("tenantName", { header: "Tenant", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
  col.accessor("targetType", {
    header: "Target",
    enableSorting: false,
    cell: (c) => (
      <span className="text-zinc-600">
        {c.getValue()}
        {c.row.original.targetId ? (
          <span className="ml-1 font-mono text-xs text-zinc-400">{c.row.original.targetId.slice(0, 12)}</span>
        ) : null}
      </span>
    ),
  }),
  col.accessor("summary", {
    header: "Change",
    enableSorting: false,
    cell: (c) =>
      Object.keys(c.getValue()).length === 0 ? (
        <span className="text-zinc-400">—</span>
      ) : (
        <details className="max-w-md">
          <summary className="cursor-pointer text-xs text-indigo-600">Details</summary>
          <pre className="mt-1 max-h-48 overflow-auto rounded bg-zinc-50 p-2 text-xs">
            {JSON.stringify(c.getValue(), null, 2)}
          </pre>
        </details>
      ),
  }),
]);
