"use client";

import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { AddonWithPrices } from "@/lib/marketplace/queries";
import { addonKindOptions, addonStatusOptions, addonsTableConfig } from "@/lib/marketplace/table";
import { addonReadColumns, addonWriteColumns } from "./columns";

/** The console's add-on catalogue (server-paginated; search by name or code, filter by status and kind). */
export function AddonsTable({
  rows,
  total,
  canWrite,
  flagKeys,
  emptyAction,
}: {
  rows: AddonWithPrices[];
  total: number;
  canWrite: boolean;
  flagKeys: readonly string[];
  emptyAction?: React.ReactNode;
}) {
  const columns = React.useMemo(
    () => (canWrite ? addonWriteColumns(flagKeys) : addonReadColumns),
    [canWrite, flagKeys],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={addonsTableConfig}
      label="Add-ons"
      searchPlaceholder="Search by name or code…"
      filters={[
        { key: "status", label: "Status", options: addonStatusOptions },
        { key: "kind", label: "Kind", options: addonKindOptions },
      ]}
      emptyState={{
        title: "No add-ons yet",
        description:
          "Create an SMS bundle or a feature add-on; hotels buy them in their portal's marketplace.",
        action: emptyAction,
      }}
    />
  );
}
