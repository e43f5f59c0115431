"use client";

import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { RoomStatusBadge } from "@/components/hotel/status-badges";
import type { RoomStatus } from "@/lib/hotel/schemas";
import { optionsOf, roomStatusLabels, roomsTableConfig } from "@/lib/hotel/table";
import { RoomRowActions, RoomStatusMenu } from "./room-controls";
import type { RoomFormValues } from "./room-dialog";

/** A room as the table shows it: the rate already formatted on the server in the hotel's currency. */
export type RoomRow = RoomFormValues & { status: RoomStatus; rateLabel: string; nightlyRateMinor: number };

const col = createDataTableColumnHelper<RoomRow>();

function roomColumns(canWrite: boolean, currency: string) {
  return col.columns([
    col.accessor("number", {
      header: "Room",
      cell: (c) => (
        <div>
          <span className="font-medium text-zinc-900">{c.getValue()}</span>
          {c.row.original.notes ? (
            <div className="max-w-56 truncate text-xs text-zinc-500" title={c.row.original.notes}>
              {c.row.original.notes}
            </div>
          ) : null}
        </div>
      ),
    }),
    col.accessor("type", { header: "Type" }),
    col.accessor("floor", { header: "Floor", cell: (c) => c.getValue() ?? "—", meta: { align: "right" } }),
    col.accessor("nightlyRateMinor", {
      header: "Nightly rate",
      cell: (c) => <span className="tabular-nums">{c.row.original.rateLabel}</span>,
      meta: { align: "right" },
    }),
    col.accessor("capacity", {
      header: "Sleeps",
      cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
      meta: { align: "right" },
    }),
    col.accessor("status", {
      header: "Status",
      cell: (c) =>
        canWrite ? (
          <RoomStatusMenu roomId={c.row.original.id} number={c.row.original.number} status={c.getValue()} />
        ) : (
          <RoomStatusBadge status={c.getValue()} />
        ),
    }),
    ...(canWrite
      ? [
          col.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: (c) => <RoomRowActions room={c.row.original} currency={currency} />,
            meta: { align: "right" },
          }),
        ]
      : []),
  ]);
}

export function RoomsTable({
  rows,
  total,
  canWrite,
  currency,
}: {
  rows: RoomRow[];
  total: number;
  canWrite: boolean;
  currency: string;
}) {
  const columns = React.useMemo(() => roomColumns(canWrite, currency), [canWrite, currency]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={roomsTableConfig}
      label="Rooms"
      searchPlaceholder="Search by number or type…"
      filters={[{ key: "status", label: "Status", options: optionsOf(roomStatusLabels) }]}
      emptyState={{
        title: "No rooms yet",
        description: canWrite
          ? "Add your rooms with Add room to start taking bookings."
          : "An owner or manager adds the hotel's rooms.",
      }}
    />
  );
}
