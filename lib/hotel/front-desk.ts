// What the front desk looks at: today's arrivals and departures, who is in the house, which room
// is taken on which night, and occupancy. Dates are the hotel's calendar dates (see `todayIn`).
import { and, asc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { bookings, guests, rooms } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { type BookingListRow, selectBookingRows } from "./booking-queries";
import { addDays, dateRange, isIsoDate } from "./dates";
import type { Room } from "./rooms";
import type { BookingStatus } from "./schemas";
import { roomNumberOrder } from "./shared";

export { todayIn } from "./dates";

const MAX_DAYS = 92;

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
}

function assertDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new RangeError(`days must be 1–${MAX_DAYS}`);
}

/** Guests due to arrive on `date`: still to check in (pending, confirmed) or already in. */
export async function listArrivals(
  db: Queryable,
  opts: { tenantId: string; date: string },
): Promise<BookingListRow[]> {
  assertDate(opts.date);
  return withTenant(db, opts.tenantId, (tx) =>
    selectBookingRows(tx, opts.tenantId)
      .where(
        and(
          eq(bookings.tenantId, opts.tenantId),
          eq(bookings.checkIn, opts.date),
          inArray(bookings.status, ["pending", "confirmed", "checked_in"]),
        ),
      )
      .orderBy(...roomNumberOrder(rooms.number), asc(bookings.id)),
  );
}

/** Guests due to leave on `date`: still in the house (checked in) or already gone. */
export async function listDepartures(
  db: Queryable,
  opts: { tenantId: string; date: string },
): Promise<BookingListRow[]> {
  assertDate(opts.date);
  return withTenant(db, opts.tenantId, (tx) =>
    selectBookingRows(tx, opts.tenantId)
      .where(
        and(
          eq(bookings.tenantId, opts.tenantId),
          eq(bookings.checkOut, opts.date),
          inArray(bookings.status, ["checked_in", "checked_out"]),
        ),
      )
      .orderBy(...roomNumberOrder(rooms.number), asc(bookings.id)),
  );
}

/** Everyone checked in now, by room. */
export async function listInHouse(db: Queryable, opts: { tenantId: string }): Promise<BookingListRow[]> {
  return withTenant(db, opts.tenantId, (tx) =>
    selectBookingRows(tx, opts.tenantId)
      .where(and(eq(bookings.tenantId, opts.tenantId), eq(bookings.status, "checked_in")))
      .orderBy(...roomNumberOrder(rooms.number), asc(bookings.id)),
  );
}

/** Bookings that had or hold a room on some night of [from, to): everything but cancellations. */
async function staysBetween(db: Queryable, tenantId: string, from: string, to: string) {
  return withTenant(db, tenantId, async (tx) => {
    const roomRows = await tx
      .select()
      .from(rooms)
      .where(eq(rooms.tenantId, tenantId))
      .orderBy(...roomNumberOrder(rooms.number), asc(rooms.id));
    const stays = await tx
      .select({
        id: bookings.id,
        reference: bookings.reference,
        roomId: bookings.roomId,
        status: bookings.status,
        checkIn: bookings.checkIn,
        checkOut: bookings.checkOut,
        guestId: guests.id,
        guestName: guests.name,
      })
      .from(bookings)
      .innerJoin(guests, and(eq(guests.id, bookings.guestId), eq(guests.tenantId, tenantId)))
      .where(
        and(
          eq(bookings.tenantId, tenantId),
          ne(bookings.status, "cancelled"),
          lt(bookings.checkIn, to),
          gt(bookings.checkOut, from),
        ),
      )
      .orderBy(asc(bookings.checkIn), asc(bookings.createdAt));
    return { roomRows, stays };
  });
}

export type AvailabilityBooking = {
  id: string;
  reference: string;
  status: BookingStatus;
  guestId: string;
  guestName: string;
  checkIn: string;
  checkOut: string;
};

/** One night of one room: free (`booking` null) or the booking holding it. */
export type AvailabilityCell = {
  date: string;
  booking: AvailabilityBooking | null;
  /** The first night of that booking's stay (draw the guest's name here). */
  isArrival: boolean;
};

export type AvailabilityGrid = {
  from: string;
  dates: string[];
  rows: Array<{
    room: Pick<Room, "id" | "number" | "type" | "status" | "capacity">;
    cells: AvailabilityCell[];
  }>;
};

/** Which live status wins a night when a checked-out stay and a new booking share it. */
const cellPriority: Record<BookingStatus, number> = {
  checked_in: 0,
  confirmed: 1,
  pending: 2,
  checked_out: 3,
  cancelled: 4,
};

/** Rooms × nights from `from`: who holds each room each night (cancelled bookings free it). */
export async function getAvailabilityGrid(
  db: Queryable,
  opts: { tenantId: string; from: string; days?: number },
): Promise<AvailabilityGrid> {
  const days = opts.days ?? 14;
  assertDate(opts.from);
  assertDays(days);
  const dates = dateRange(opts.from, days);
  const { roomRows, stays } = await staysBetween(db, opts.tenantId, opts.from, addDays(opts.from, days));
  const rows = roomRows.map((room) => {
    const own = stays.filter((s) => s.roomId === room.id);
    const cells = dates.map((date): AvailabilityCell => {
      const holding = own
        .filter((s) => s.checkIn <= date && date < s.checkOut)
        .sort((a, b) => cellPriority[a.status] - cellPriority[b.status])[0];
      if (!holding) return { date, booking: null, isArrival: false };
      const { roomId: _room, ...booking } = holding;
      return { date, booking, isArrival: holding.checkIn === date };
    });
    return {
      room: {
        id: room.id,
        number: room.number,
        type: room.type,
        status: room.status,
        capacity: room.capacity,
      },
      cells,
    };
  });
  return { from: opts.from, dates, rows };
}

export type OccupancyDay = { date: string; occupied: number; total: number; rate: number };

/** Stays that count as occupying a room: firm bookings and stays that happened (not pending). */
const occupyingStatuses: readonly BookingStatus[] = ["confirmed", "checked_in", "checked_out"];

/**
 * Occupancy per night from `from`: rooms held by a firm booking / all rooms (`rate` 0–1, 0 for a
 * hotel without rooms). A room counts once per night.
 */
export async function getOccupancy(
  db: Queryable,
  opts: { tenantId: string; from: string; days: number },
): Promise<OccupancyDay[]> {
  assertDate(opts.from);
  assertDays(opts.days);
  const { roomRows, stays } = await staysBetween(db, opts.tenantId, opts.from, addDays(opts.from, opts.days));
  const total = roomRows.length;
  const firm = stays.filter((s) => occupyingStatuses.includes(s.status));
  return dateRange(opts.from, opts.days).map((date) => {
    const occupiedRooms = new Set(
      firm.filter((s) => s.checkIn <= date && date < s.checkOut).map((s) => s.roomId),
    );
    const occupied = Math.min(occupiedRooms.size, total);
    return { date, occupied, total, rate: total === 0 ? 0 : occupied / total };
  });
}
