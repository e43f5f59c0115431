// Reads of bookings: the bookings table and one booking with its guest and room.
import { and, count, eq, gt, ilike, lte, or, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { bookings, guests, rooms } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Guest } from "./guests";
import type { Room } from "./rooms";
import { type BookingStatus, isUuid } from "./schemas";
import { likePattern, orderFor, roomNumberOrder, type Sort } from "./shared";

export type Booking = typeof bookings.$inferSelect;

/** A row of the bookings table: the booking with who stays where. */
export type BookingListRow = Booking & {
  guestName: string;
  guestPhone: string | null;
  roomNumber: string;
  roomType: string;
};

export type BookingDetail = Booking & { guest: Guest; room: Room };

export const bookingSortable = [
  "checkIn",
  "checkOut",
  "reference",
  "status",
  "createdAt",
  "guestName",
  "roomNumber",
] as const;

/** The columns of a list row, for the queries that join guests and rooms. */
export const bookingListColumns = {
  id: bookings.id,
  tenantId: bookings.tenantId,
  reference: bookings.reference,
  guestId: bookings.guestId,
  roomId: bookings.roomId,
  checkIn: bookings.checkIn,
  checkOut: bookings.checkOut,
  status: bookings.status,
  adults: bookings.adults,
  totalMinor: bookings.totalMinor,
  currency: bookings.currency,
  notes: bookings.notes,
  confirmedAt: bookings.confirmedAt,
  checkedInAt: bookings.checkedInAt,
  checkedOutAt: bookings.checkedOutAt,
  cancelledAt: bookings.cancelledAt,
  cancellationReason: bookings.cancellationReason,
  createdBy: bookings.createdBy,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
  guestName: guests.name,
  guestPhone: guests.phone,
  roomNumber: rooms.number,
  roomType: rooms.type,
};

/** Bookings joined to their guest and room, both of the same hotel. */
export function selectBookingRows(tx: Tx, tenantId: string) {
  return tx
    .select(bookingListColumns)
    .from(bookings)
    .innerJoin(guests, and(eq(guests.id, bookings.guestId), eq(guests.tenantId, tenantId)))
    .innerJoin(rooms, and(eq(rooms.id, bookings.roomId), eq(rooms.tenantId, tenantId)))
    .$dynamic();
}

/**
 * One page of bookings. `from`/`to` (YYYY-MM-DD, inclusive) keep stays with a night in that
 * window; `q` matches the reference, the guest's name and the room number.
 */
export async function listBookings(
  db: Queryable,
  opts: {
    tenantId: string;
    status?: BookingStatus;
    from?: string;
    to?: string;
    q?: string;
    guestId?: string;
    roomId?: string;
    limit: number;
    offset: number;
    sort: Sort;
  },
): Promise<{ rows: BookingListRow[]; total: number }> {
  // A malformed id in a URL matches nothing, rather than failing in the database.
  if ([opts.guestId, opts.roomId].some((id) => id !== undefined && !isUuid(id)))
    return { rows: [], total: 0 };
  const conditions: SQL[] = [eq(bookings.tenantId, opts.tenantId)];
  if (opts.status) conditions.push(eq(bookings.status, opts.status));
  if (opts.from) conditions.push(gt(bookings.checkOut, opts.from));
  if (opts.to) conditions.push(lte(bookings.checkIn, opts.to));
  if (opts.guestId) conditions.push(eq(bookings.guestId, opts.guestId));
  if (opts.roomId) conditions.push(eq(bookings.roomId, opts.roomId));
  const q = opts.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    const match = or(
      ilike(bookings.reference, pattern),
      ilike(guests.name, pattern),
      ilike(rooms.number, pattern),
    );
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const order = orderFor(
    {
      checkIn: bookings.checkIn,
      checkOut: bookings.checkOut,
      reference: bookings.reference,
      status: bookings.status,
      createdAt: bookings.createdAt,
      guestName: guests.name,
      roomNumber: roomNumberOrder(rooms.number),
    },
    opts.sort,
    "checkIn",
    bookings.id,
  );
  return withTenant(db, opts.tenantId, async (tx) => {
    const rows = await selectBookingRows(tx, opts.tenantId)
      .where(where)
      .orderBy(...order)
      .limit(opts.limit)
      .offset(opts.offset);
    const [total] = await tx
      .select({ n: count() })
      .from(bookings)
      .innerJoin(guests, eq(guests.id, bookings.guestId))
      .innerJoin(rooms, eq(rooms.id, bookings.roomId))
      .where(where);
    return { rows, total: total?.n ?? 0 };
  });
}

/** The booking with its guest and room, or null when the hotel has no such booking. */
export async function getBooking(
  db: Queryable,
  opts: { tenantId: string; bookingId: string },
): Promise<BookingDetail | null> {
  if (!isUuid(opts.bookingId)) return null;
  return withTenant(db, opts.tenantId, async (tx) => {
    const [row] = await tx
      .select({ booking: bookings, guest: guests, room: rooms })
      .from(bookings)
      .innerJoin(guests, and(eq(guests.id, bookings.guestId), eq(guests.tenantId, opts.tenantId)))
      .innerJoin(rooms, and(eq(rooms.id, bookings.roomId), eq(rooms.tenantId, opts.tenantId)))
      .where(and(eq(bookings.tenantId, opts.tenantId), eq(bookings.id, opts.bookingId)))
      .limit(1);
    return row ? { ...row.booking, guest: row.guest, room: row.room } : null;
  });
}
