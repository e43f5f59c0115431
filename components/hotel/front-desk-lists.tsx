import { Sparkles } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { BookingStatus, RoomStatus } from "@/lib/hotel/schemas";
import { BookingMoveButton } from "./booking-actions";
import { BookingStatusBadge } from "./status-badges";

/** A stay on the front desk's lists, formatted on the server. */
export type FrontDeskRow = {
  id: string;
  reference: string;
  guestId: string;
  guestName: string;
  roomNumber: string;
  roomType: string;
  roomStatus: RoomStatus | null;
  status: BookingStatus;
  nightsLabel: string;
  /** e.g. "until 15 Mar 2026" or "leaves today". */
  stayLabel: string;
  adults: number;
};

function GuestCell({ row }: { row: FrontDeskRow }) {
  return (
    <div className="min-w-0">
      <Link
        href={`/bookings/${row.id}`}
        className="block truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
      >
        {row.guestName}
      </Link>
      <p className="truncate text-xs text-zinc-500">
        <span className="font-mono">{row.reference}</span> · {row.nightsLabel} · {row.adults}{" "}
        {row.adults === 1 ? "adult" : "adults"}
      </p>
    </div>
  );
}

function RoomCell({ row }: { row: FrontDeskRow }) {
  return (
    <div className="w-20 shrink-0">
      <p className="text-sm font-semibold text-zinc-900">{row.roomNumber}</p>
      <p className="truncate text-xs text-zinc-500">{row.roomType}</p>
    </div>
  );
}

function List({
  label,
  rows,
  empty,
  action,
}: {
  label: string;
  rows: FrontDeskRow[];
  empty: string;
  action: (row: FrontDeskRow) => ReactNode;
}) {
  if (rows.length === 0) return <p className="px-5 py-6 text-sm text-zinc-500">{empty}</p>;
  return (
    <ul aria-label={label} className="divide-y divide-zinc-100">
      {rows.map((row) => (
        <li key={row.id} className="flex items-center gap-4 px-5 py-3">
          <RoomCell row={row} />
          <div className="min-w-0 flex-1">
            <GuestCell row={row} />
          </div>
          <div className="flex shrink-0 items-center gap-2">{action(row)}</div>
        </li>
      ))}
    </ul>
  );
}

/**
 * Today's arrivals: a pending booking is confirmed first, a confirmed one checked in ("Check in
 * Ada Obi"), and a guest already in shows as such. A room still being cleaned is flagged.
 */
export function ArrivalsList({ rows, canWrite }: { rows: FrontDeskRow[]; canWrite: boolean }) {
  return (
    <List
      label="Arrivals today"
      rows={rows}
      empty="No arrivals today."
      action={(row) => (
        <>
          {row.roomStatus === "cleaning" && row.status !== "checked_in" ? (
            <span className="inline-flex items-center gap-1 text-xs text-amber-700">
              <Sparkles className="size-3.5" aria-hidden /> Room being cleaned
            </span>
          ) : null}
          {canWrite && row.status === "confirmed" ? (
            <BookingMoveButton
              move="check_in"
              bookingId={row.id}
              guestName={row.guestName}
              roomNumber={row.roomNumber}
            />
          ) : canWrite && row.status === "pending" ? (
            <>
              <BookingStatusBadge status="pending" />
              <BookingMoveButton
                move="confirm"
                bookingId={row.id}
                guestName={row.guestName}
                roomNumber={row.roomNumber}
                variant="outline"
              />
            </>
          ) : (
            <BookingStatusBadge status={row.status} />
          )}
        </>
      )}
    />
  );
}

/** Today's departures: guests still in get "Check out Ada Obi"; those gone show as checked out. */
export function DeparturesList({ rows, canWrite }: { rows: FrontDeskRow[]; canWrite: boolean }) {
  return (
    <List
      label="Departures today"
      rows={rows}
      empty="No departures today."
      action={(row) =>
        canWrite && row.status === "checked_in" ? (
          <BookingMoveButton
            move="check_out"
            bookingId={row.id}
            guestName={row.guestName}
            roomNumber={row.roomNumber}
          />
        ) : (
          <BookingStatusBadge status={row.status} />
        )
      }
    />
  );
}

/** Everyone in the house now, with when they leave. */
export function InHouseList({ rows }: { rows: FrontDeskRow[] }) {
  return (
    <List
      label="In-house guests"
      rows={rows}
      empty="No guests in the house."
      action={(row) => <span className="text-xs whitespace-nowrap text-zinc-500">{row.stayLabel}</span>}
    />
  );
}
