"use client";

import { DataTable } from "@/components/data-table/data-table";
import { bookingsTableConfig } from "@/lib/hotel/table";
import { type BookingRow, bookingColumns } from "../../bookings/bookings-table";

/** One guest's stays, newest first, with the same columns as the bookings page. */
export function GuestBookingsTable({ rows, total }: { rows: BookingRow[]; total: number }) {
  return (
    <DataTable
      columns={bookingColumns}
      rows={rows}
      total={total}
      config={bookingsTableConfig}
      search={false}
      label="Stays"
      emptyState={{
        title: "No stays yet",
        description: "Bookings for this guest appear here.",
      }}
    />
  );
}
