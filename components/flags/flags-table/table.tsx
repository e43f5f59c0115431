"use client";

import { Plus } from "lucide-react";
import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { TableParamsConfig } from "@/components/data-table/params";
import { Button } from "@/components/ui/button";
import type { FlagListRow } from "@/lib/flags/queries";
import { FlagDialog } from "../flag-dialog";
import { flagColumns } from "./columns";

const stateOptions = [
  { value: "on", label: "On by default" },
  { value: "off", label: "Off by default" },
  { value: "killed", label: "Killed" },
];

/** The console's flags: searched, filtered, sorted and paginated on the server. */
export function FlagsTable({
  rows,
  total,
  config,
  canWrite,
}: {
  rows: readonly FlagListRow[];
  total: number;
  config: TableParamsConfig;
  canWrite: boolean;
}) {
  const columns = React.useMemo(() => flagColumns(canWrite), [canWrite]);
  const create = canWrite ? (
    <FlagDialog
      trigger={
        <Button size="sm">
          <Plus aria-hidden /> New flag
        </Button>
      }
    />
  ) : null;
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={config}
      label="Feature flags"
      searchPlaceholder="Search key or description…"
      filters={[{ key: "state", label: "State", options: stateOptions }]}
      actions={create}
      emptyState={{
        title: "No feature flags yet",
        description: "A flag lets you ship code dark and turn it on per hotel, plan or percentage.",
        action: create,
      }}
    />
  );
}
