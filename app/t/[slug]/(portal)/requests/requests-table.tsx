"use client";

import Link from "next/link";
import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import {
  type MemberOption,
  RequestAssigneeSelect,
  RequestStatusControl,
} from "@/components/hotel/request-controls";
import type { ServiceRequestKind, ServiceRequestStatus } from "@/lib/hotel/schemas";
import { serviceRequestKindLabels } from "@/lib/hotel/table";
import { requestStatusFilterOptions, requestsTableConfig } from "./table-config";

/** A service request as the table shows it, formatted on the server. */
export type RequestRow = {
  id: string;
  kind: ServiceRequestKind;
  description: string;
  status: ServiceRequestStatus;
  bookingId: string;
  bookingReference: string;
  roomNumber: string;
  guestName: string;
  assigneeUserId: string | null;
  createdAt: string;
  createdLabel: string;
};

const col = createDataTableColumnHelper<RequestRow>();

/** How a request is named to screen readers and in toasts: "housekeeping request for room 101". */
const nameOf = (r: RequestRow) =>
  `${serviceRequestKindLabels[r.kind].toLowerCase()} request for room ${r.roomNumber}`;

function requestColumns(canWrite: boolean, members: readonly MemberOption[]) {
  return col.columns([
    col.accessor("kind", {
      header: "Request",
      cell: (c) => (
        <div className="max-w-md">
          <p className="font-medium text-zinc-900">{serviceRequestKindLabels[c.getValue()]}</p>
          <p className="line-clamp-2 text-zinc-600" title={c.row.original.description}>
            {c.row.original.description}
          </p>
        </div>
      ),
    }),
    col.accessor("roomNumber", {
      header: "Room · guest",
      cell: (c) => (
        <div>
          <p className="font-medium text-zinc-900">Room {c.getValue()}</p>
          <Link
            href={`/bookings/${c.row.original.bookingId}`}
            className="text-xs text-zinc-500 hover:text-brand-700 hover:underline"
          >
            {c.row.original.guestName} · {c.row.original.bookingReference}
          </Link>
        </div>
      ),
    }),
    col.accessor("status", {
      header: "Status",
      cell: (c) => (
        <RequestStatusControl
          requestId={c.row.original.id}
          status={c.getValue()}
          what={nameOf(c.row.original)}
          disabled={!canWrite}
        />
      ),
    }),
    col.accessor("assigneeUserId", {
      header: "Assignee",
      cell: (c) => (
        <RequestAssigneeSelect
          requestId={c.row.original.id}
          assigneeUserId={c.getValue()}
          members={members}
          what={nameOf(c.row.original)}
          disabled={!canWrite || c.row.original.status === "done"}
        />
      ),
    }),
    col.accessor("createdAt", {
      header: "Received",
      cell: (c) => <span className="whitespace-nowrap text-zinc-600">{c.row.original.createdLabel}</span>,
      meta: { align: "right" },
    }),
  ]);
}

export function RequestsTable({
  rows,
  total,
  canWrite,
  members,
}: {
  rows: RequestRow[];
  total: number;
  canWrite: boolean;
  members: readonly MemberOption[];
}) {
  const columns = React.useMemo(() => requestColumns(canWrite, members), [canWrite, members]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={requestsTableConfig}
      search={false}
      label="Service requests"
      filters={[{ key: "status", label: "Status", options: requestStatusFilterOptions }]}
      emptyState={{
        title: "No service requests",
        description: "Requests recorded on a guest's booking appear here for the whole team.",
      }}
    />
  );
}
