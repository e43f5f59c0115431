"use client";

import { Pencil } from "lucide-react";
import Link from "next/link";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { FlagListRow } from "@/lib/flags/queries";
import { DeleteFlagButton } from "../delete-flag-button";
import { FlagDialog } from "../flag-dialog";
import { KillSwitch } from "../kill-switch";

const col = createDataTableColumnHelper<FlagListRow>();

/** The flags table's columns; the write controls only for admins who may change flags. */
export function flagColumns(canWrite: boolean) {
  return col.columns([
    col.accessor("key", {
      header: "Flag",
      cell: (c) => (
        <div className="max-w-md">
          <Link
            href={`/platform/flags/${encodeURIComponent(c.getValue())}`}
            className="font-mono text-[13px] font-medium text-zinc-900 hover:text-brand-700 hover:underline"
          >
            {c.getValue()}
          </Link>
          {c.row.original.description ? (
            <div className="truncate text-xs text-zinc-500">{c.row.original.description}</div>
          ) : null}
        </div>
      ),
    }),
    col.accessor("defaultEnabled", {
      header: "Default",
      enableSorting: false,
      cell: (c) => (
        <Badge variant={c.getValue() ? "success" : "neutral"}>{c.getValue() ? "On" : "Off"}</Badge>
      ),
    }),
    col.accessor("rulesSummary", {
      header: "Rules",
      enableSorting: false,
      cell: (c) => (
        <span className={c.row.original.ruleCount ? undefined : "text-zinc-400"}>{c.getValue()}</span>
      ),
    }),
    col.accessor("overrides", {
      header: "Overrides",
      enableSorting: false,
      meta: { align: "right" },
      cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
    }),
    col.accessor("killed", {
      header: "Kill switch",
      enableSorting: false,
      cell: (c) => <KillSwitch flagKey={c.row.original.key} killed={c.getValue()} canWrite={canWrite} />,
    }),
    col.accessor("updatedAt", {
      header: "Updated",
      meta: { align: "right" },
      cell: (c) => <span className="tabular-nums">{c.getValue().toISOString().slice(0, 10)}</span>,
    }),
    col.display({
      id: "actions",
      header: "",
      meta: { align: "right" },
      cell: (c) =>
        canWrite ? (
          <div className="flex justify-end gap-1">
            <FlagDialog
              flag={c.row.original}
              trigger={
                <Button variant="ghost" size="icon" aria-label={`Edit ${c.row.original.key}`}>
                  <Pencil aria-hidden />
                </Button>
              }
            />
            <DeleteFlagButton flagKey={c.row.original.key} overrides={c.row.original.overrides} compact />
          </div>
        ) : null,
    }),
  ]);
}
