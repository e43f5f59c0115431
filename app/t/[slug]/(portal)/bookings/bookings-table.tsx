"use client";

import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { BookingStatusBadge } from "@/components/hotel/status-badges";
import type { BookingStatus } from "@/lib/hotel/schemas";
import { bookingStatusLabels, bookingsTableConfig, optionsOf } from "@/lib/hotel/table";

/** A booking as the table shows it; dates and money are formatted on the server. */
export type BookingRow = {
  id: string;
  reference: string;
  guestId: string;
  guestName: string;
  roomNumber: string;
  roomType: string;
  checkIn: string;
  checkOut: string;
  checkInLabel: string;
  checkOutLabel: string;
  nights: number;
  status: BookingStatus;
  totalLabel: string;
  createdAt: string;
};

const col = createDataTableColumnHelper<BookingRow>();

export const bookingColumns = col.columns([
  col.accessor("reference", {
    header: "Booking",
    cell: (c) => (
      <Link
        href={`/bookings/${c.row.original.id}`}
        className="font-mono text-[13px] font-medium text-zinc-900 hover:text-brand-700 hover:underline"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("guestName", {
    header: "Guest",
    cell: (c) => (
      <Link href={`/guests/${c.row.original.guestId}`} className="hover:text-brand-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("roomNumber", {
    header: "Room",
    cell: (c) => (
      <span>
        <span className="font-medium text-zinc-900">{c.getValue()}</span>{" "}
        <span className="text-xs text-zinc-500">{c.row.original.roomType}</span>
      </span>
    ),
  }),
  col.accessor("checkIn", {
    header: "Check-in",
    cell: (c) => <span className="whitespace-nowrap">{c.row.original.checkInLabel}</span>,
  }),
  col.accessor("checkOut", {
    header: "Check-out",
    cell: (c) => (
      <span className="whitespace-nowrap">
        {c.row.original.checkOutLabel}{" "}
        <span className="text-xs text-zinc-500">
          ({c.row.original.nights} night{c.row.original.nights === 1 ? "" : "s"})
        </span>
      </span>
    ),
  }),
  col.accessor("status", { header: "Status", cell: (c) => <BookingStatusBadge status={c.getValue()} /> }),
  col.accessor("totalLabel", {
    header: "Total",
    enableSorting: false,
    cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
    meta: { align: "right" },
  }),
]);

export function BookingsTable({ rows, total }: { rows: BookingRow[]; total: number }) {
  return (
    <DataTable
      columns={bookingColumns}
      rows={rows}
      total={total}
      config={bookingsTableConfig}
      label="Bookings"
      searchPlaceholder="Search by reference, guest or room…"
      filters={[{ key: "status", label: "Status", options: optionsOf(bookingStatusLabels) }]}
      actions={<DateRangeFilter label="Stays" />}
      emptyState={{
        title: "No bookings yet",
        description: "Bookings you make appear here, and on the front desk on their day.",
      }}
    />
  );
}
