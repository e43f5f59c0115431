"use client";

import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { JobRun } from "@/lib/jobs/job-runs";

const col = createDataTableColumnHelper<JobRun>();
const statusVariant = { running: "neutral", completed: "success", failed: "danger" } as const;

function duration(run: JobRun): string {
  if (!run.finishedAt) return "—";
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export const jobRunColumns = col.columns([
  col.accessor("startedAt", {
    header: "Started (UTC)",
    cell: (c) => (
      <span className="whitespace-nowrap tabular-nums">
        {c.getValue().toISOString().slice(0, 19).replace("T", " ")}
      </span>
    ),
  }),
  col.accessor("functionId", {
    header: "Function",
    enableSorting: false,
    cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
  }),
  col.accessor("eventName", {
    header: "Trigger",
    enableSorting: false,
    cell: (c) => <span className="text-zinc-600">{c.getValue()}</span>,
  }),
  col.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: (c) => <Badge variant={statusVariant[c.getValue()]}>{c.getValue()}</Badge>,
  }),
  col.accessor("attempts", { header: "Attempts", enableSorting: false, meta: { align: "right" } }),
  col.display({
    id: "duration",
    header: "Duration",
    cell: (c) => duration(c.row.original),
    meta: { align: "right" },
  }),
  col.accessor("error", {
    header: "Error",
    enableSorting: false,
    cell: (c) =>
      c.getValue() ? (
        <span className="line-clamp-2 max-w-sm text-xs text-red-700">{c.getValue()}</span>
      ) : null,
  }),
]);
