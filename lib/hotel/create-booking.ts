// Creating a booking. The database refuses overlapping stays of one room (exclusion constraint
// `bookings_no_overlap` over pending, confirmed and checked-in bookings), so two receptionists
// booking the same room at the same moment cannot both succeed; the refusal is turned into a
// message naming the booking that holds the room.
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { bookings, guests } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isExclusionViolation, isUniqueViolation } from "@/lib/errors";
import { dispatchAfterCommit } from "@/lib/events/dispatch";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Tenant } from "@/lib/tenants/queries";
import { enqueueBookingEvent } from "./booking-events";
import type { Booking } from "./booking-queries";
import { formatDay, formatStay, nightsBetween, todayIn } from "./dates";
import { getGuestOrThrow } from "./guests";
import { getRoomOrThrow } from "./rooms";
import { type BookingInput, bookingInputSchema } from "./schemas";
import { getHotelOrThrow } from "./shared";

const INT4_MAX = 2_147_483_647;
const referenceAttempts = 5;
/** Statuses that hold a room (the exclusion constraint's WHERE). */
export const liveBookingStatuses = ["pending", "confirmed", "checked_in"] as const;

const fillerWords = new Set(["THE", "HOTEL", "HOTELS", "INN", "RESORT", "SUITES", "LODGE", "AND", "OF"]);

/** Two letters from the hotel's name for booking references: "Grandview Suites" → GR, "Blue Lagoon" → BL. */
export function referencePrefix(tenant: Pick<Tenant, "name" | "slug">): string {
  const words = tenant.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const significant = words.filter((w) => !fillerWords.has(w));
  const pick = significant.length > 0 ? significant : words;
  const [first, second] = pick;
  const prefix = first && second ? `${first[0]}${second[0]}` : (first ?? "").slice(0, 2);
  if (/^[A-Z0-9]{2}$/.test(prefix)) return prefix;
  return (
    tenant.slug
      .replace(/[^a-z]/g, "")
      .slice(0, 2)
      .toUpperCase() || "BK"
  ).padEnd(2, "K");
}

/** The hotel's next booking number: one more than the highest so far, whatever the prefix was. */
async function nextReferenceNumber(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({
      n: sql<number>`coalesce(max(substring(${bookings.reference} from '([0-9]+)$')::int), 0)::int + 1`,
    })
    .from(bookings)
    .where(eq(bookings.tenantId, tenantId));
  return row?.n ?? 1;
}

export function formatReference(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, "0")}`;
}

/**
 * Inserts with the next reference. Two bookings created at once may pick the same number: the
 * (tenant, reference) unique index refuses the second, which retries (in a savepoint, so the
 * transaction survives) with the number after the one that won.
 */
async function insertWithReference(
  tx: Tx,
  tenant: Tenant,
  values: Omit<typeof bookings.$inferInsert, "reference">,
): Promise<Booking> {
  const prefix = referencePrefix(tenant);
  for (let attempt = 1; ; attempt += 1) {
    const reference = formatReference(prefix, await nextReferenceNumber(tx, tenant.id));
    try {
      return await tx.transaction(async (sp) => {
        const [row] = await sp
          .insert(bookings)
          .values({ ...values, reference })
          .returning();
        if (!row) throw new Error("insert returned no row");
        return row;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= referenceAttempts) throw error;
    }
  }
}

/**
 * The live booking of `roomId` that overlaps [checkIn, checkOut), with its guest's name: what a
 * refused booking collided with. Null when there is none (any more).
 */
export async function findOverlappingBooking(
  tx: Tx,
  opts: { tenantId: string; roomId: string; checkIn: string; checkOut: string; exceptId?: string },
): Promise<(Booking & { guestName: string }) | null> {
  const rows = await tx
    .select({ booking: bookings, guestName: guests.name })
    .from(bookings)
    .innerJoin(guests, and(eq(guests.id, bookings.guestId), eq(guests.tenantId, opts.tenantId)))
    .where(
      and(
        eq(bookings.tenantId, opts.tenantId),
        eq(bookings.roomId, opts.roomId),
        inArray(bookings.status, [...liveBookingStatuses]),
        lt(bookings.checkIn, opts.checkOut),
        gt(bookings.checkOut, opts.checkIn),
      ),
    )
    .orderBy(asc(bookings.checkIn))
    .limit(2);
  const row = rows.find((r) => r.booking.id !== opts.exceptId);
  return row ? { ...row.booking, guestName: row.guestName } : null;
}

/** "Room 101 is already booked 12–15 March by Ada Obi (GV-000041)." */
export function overlapMessage(roomNumber: string, other: Booking & { guestName: string }): string {
  return `Room ${roomNumber} is already booked ${formatStay(other.checkIn, other.checkOut)} by ${other.guestName} (${other.reference}). Choose other dates or another room.`;
}

/** Turns the exclusion constraint's refusal into a CONFLICT naming the booking that holds the room. */
async function overlapError(
  db: Queryable,
  opts: { tenantId: string; roomId: string; roomNumber: string; checkIn: string; checkOut: string },
): Promise<AppError> {
  const other = await withTenant(db, opts.tenantId, (tx) => findOverlappingBooking(tx, opts));
  const message = other
    ? overlapMessage(opts.roomNumber, other)
    : `Room ${opts.roomNumber} is already booked for some of those nights. Choose other dates or another room.`;
  return new AppError("CONFLICT", message, { field: "roomId" });
}

export type CreateBookingOptions = {
  tenantId: string;
  input: BookingInput;
  actor: Actor;
  /** "confirmed" books and confirms at once (and emits `hotel/booking.confirmed`). */
  status?: "pending" | "confirmed";
};

/**
 * Books a room for a guest, priced at the room's nightly rate × nights in the hotel's currency,
 * with the hotel's next reference (GR-000123). Refused for past check-in dates, rooms out of
 * service, more adults than the room sleeps, and nights another live booking holds.
 */
export async function createBooking(db: Queryable, opts: CreateBookingOptions): Promise<Booking> {
  const data = bookingInputSchema.parse(opts.input);
  const status = opts.status ?? "pending";
  let roomNumber = "";
  try {
    const { booking, keys } = await withTenant(db, opts.tenantId, async (tx) => {
      const tenant = await getHotelOrThrow(tx, opts.tenantId);
      const guest = await getGuestOrThrow(tx, tenant.id, data.guestId);
      const room = await getRoomOrThrow(tx, tenant.id, data.roomId);
      roomNumber = room.number;
      assertBookable({ tenant, room, checkIn: data.checkIn, adults: data.adults });
      const nights = nightsBetween(data.checkIn, data.checkOut);
      const totalMinor = nights * room.nightlyRateMinor;
      if (totalMinor > INT4_MAX)
        throw new AppError("INVALID", "This stay's total is too large.", { field: "checkOut" });
      const now = new Date();
      const booking = await insertWithReference(tx, tenant, {
        tenantId: tenant.id,
        guestId: guest.id,
        roomId: room.id,
        checkIn: data.checkIn,
        checkOut: data.checkOut,
        adults: data.adults,
        notes: data.notes ?? "",
        status,
        totalMinor,
        currency: tenant.currency,
        confirmedAt: status === "confirmed" ? now : null,
        createdBy: opts.actor.userId,
      });
      await recordAudit(tx, {
        actor: opts.actor,
        tenantId: tenant.id,
        action: "booking.create",
        targetType: "booking",
        targetId: booking.id,
        after: {
          reference: booking.reference,
          status: booking.status,
          room: room.number,
          guestId: guest.id,
          checkIn: booking.checkIn,
          checkOut: booking.checkOut,
          adults: booking.adults,
          totalMinor: booking.totalMinor,
          currency: booking.currency,
        },
      });
      const keys =
        status === "confirmed"
          ? [await enqueueBookingEvent(tx, "hotel/booking.confirmed", { tenant, booking, guest, room })]
          : [];
      return { booking, keys };
    });
    dispatchAfterCommit(db, keys);
    return booking;
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    throw await overlapError(db, { ...data, tenantId: opts.tenantId, roomNumber });
  }
}

function assertBookable(opts: {
  tenant: Tenant;
  room: { number: string; status: string; capacity: number };
  checkIn: string;
  adults: number;
}): void {
  const { room } = opts;
  if (room.status === "out_of_service") {
    throw new AppError(
      "CONFLICT",
      `Room ${room.number} is out of service. Put it back in service before booking it, or choose another room.`,
      { field: "roomId" },
    );
  }
  if (opts.adults > room.capacity) {
    throw new AppError(
      "INVALID",
      `Room ${room.number} sleeps ${room.capacity} ${room.capacity === 1 ? "guest" : "guests"}; choose a larger room for ${opts.adults}.`,
      { field: "adults" },
    );
  }
  const today = todayIn(opts.tenant.timezone);
  if (opts.checkIn < today) {
    throw new AppError("INVALID", `Check-in cannot be in the past (today is ${formatDay(today)}).`, {
      field: "checkIn",
    });
  }
}
