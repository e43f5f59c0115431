import Link from "next/link";
import type { AvailabilityBooking, AvailabilityGrid as Grid } from "@/lib/hotel/bookings";
import { formatStay } from "@/lib/hotel/dates";
import type { BookingStatus } from "@/lib/hotel/schemas";
import { bookingStatusLabels, roomStatusLabels } from "@/lib/hotel/table";
import { cn } from "@/lib/utils";
import { formatGridDay } from "./format";

const barClasses: Record<BookingStatus, string> = {
  pending: "border border-dashed border-amber-400 bg-amber-50 text-amber-900 hover:bg-amber-100",
  confirmed: "bg-brand-100 text-brand-900 hover:bg-brand-200",
  checked_in: "bg-emerald-500 text-white hover:bg-emerald-600",
  checked_out: "bg-zinc-200 text-zinc-600 hover:bg-zinc-300",
  cancelled: "bg-zinc-100 text-zinc-400",
};

const legend: BookingStatus[] = ["pending", "confirmed", "checked_in", "checked_out"];

type Segment = { key: string; booking: AvailabilityBooking | null; dates: string[] };

/** A room's nights as runs: consecutive nights of one booking become one bar; free nights stay single. */
function segmentsOf(cells: Grid["rows"][number]["cells"]): Segment[] {
  const out: Segment[] = [];
  for (const cell of cells) {
    const last = out.at(-1);
    if (cell.booking && last?.booking?.id === cell.booking.id) last.dates.push(cell.date);
    else
      out.push({
        key: `${cell.date}-${cell.booking?.id ?? "free"}`,
        booking: cell.booking,
        dates: [cell.date],
      });
  }
  return out;
}

/**
 * Rooms × the next nights: who holds each room each night, as bars coloured by the booking's
 * status (hover for guest, reference and dates; each bar opens its booking). Today's column is
 * highlighted. A server component: no state, so it renders in the page's HTML.
 */
export function AvailabilityGrid({ grid, today, locale }: { grid: Grid; today: string; locale: string }) {
  if (grid.rows.length === 0) {
    return <p className="px-5 py-6 text-sm text-zinc-500">Add rooms to see their availability here.</p>;
  }
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[56rem] table-fixed border-separate border-spacing-0 text-xs">
          <caption className="sr-only">Room availability from {grid.from}, one column per night</caption>
          <colgroup>
            <col className="w-36" />
            {grid.dates.map((d) => (
              <col key={d} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 border-b border-zinc-200 bg-white px-3 py-2 text-left font-medium text-zinc-500"
              >
                Room
              </th>
              {grid.dates.map((date) => {
                const { weekday, day } = formatGridDay(date, locale);
                const isToday = date === today;
                return (
                  <th
                    key={date}
                    scope="col"
                    aria-current={isToday ? "date" : undefined}
                    className={cn(
                      "border-b border-zinc-200 px-0.5 py-1.5 text-center font-medium",
                      isToday ? "bg-brand-50 text-brand-800" : "text-zinc-500",
                    )}
                  >
                    <span className="block text-[11px] uppercase">{isToday ? "Today" : weekday}</span>
                    <time dateTime={date} className="block text-sm text-zinc-900 tabular-nums">
                      {day}
                    </time>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map(({ room, cells }) => (
              <tr key={room.id}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-b border-zinc-100 bg-white px-3 py-1.5 text-left font-normal"
                >
                  <span className="block text-sm font-medium text-zinc-900">{room.number}</span>
                  <span className="block truncate text-zinc-500">
                    {room.type}
                    {room.status === "cleaning" || room.status === "out_of_service" ? (
                      <span className={room.status === "cleaning" ? "text-amber-700" : "text-red-700"}>
                        {" "}
                        · {roomStatusLabels[room.status]}
                      </span>
                    ) : null}
                  </span>
                </th>
                {segmentsOf(cells).map((segment) => {
                  const first = segment.dates[0] ?? "";
                  const includesToday = segment.dates.includes(today);
                  if (!segment.booking) {
                    return (
                      <td
                        key={segment.key}
                        className={cn(
                          "h-11 border-b border-l border-zinc-100",
                          first === today && "bg-brand-50/70",
                          room.status === "out_of_service" &&
                            "bg-[repeating-linear-gradient(135deg,transparent,transparent_4px,rgb(244_244_245)_4px,rgb(244_244_245)_8px)]",
                        )}
                      >
                        <span className="sr-only">
                          Room {room.number} free on {first}
                        </span>
                      </td>
                    );
                  }
                  const b = segment.booking;
                  const continues = b.checkIn < first;
                  const describe = `${b.guestName} · ${b.reference} · ${bookingStatusLabels[b.status]} · ${formatStay(b.checkIn, b.checkOut)}`;
                  return (
                    <td
                      key={segment.key}
                      colSpan={segment.dates.length}
                      className={cn(
                        "h-11 border-b border-zinc-100 px-0.5",
                        includesToday && "bg-brand-50/40",
                      )}
                    >
                      <Link
                        href={`/bookings/${b.id}`}
                        title={describe}
                        aria-label={`Room ${room.number}: ${describe}`}
                        className={cn(
                          "flex h-8 items-center truncate px-2 font-medium transition-colors",
                          "focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none",
                          continues ? "rounded-r-md" : "rounded-md",
                          barClasses[b.status],
                        )}
                      >
                        {continues ? "… " : ""}
                        {b.guestName}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 border-t border-zinc-100 px-5 py-3 text-xs text-zinc-600">
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="size-3 rounded-sm border border-zinc-200 bg-white" /> Free
        </li>
        {legend.map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <span aria-hidden className={cn("size-3 rounded-sm", barClasses[s])} /> {bookingStatusLabels[s]}
          </li>
        ))}
      </ul>
    </div>
  );
}
