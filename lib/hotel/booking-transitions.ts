// The booking state machine: pending → confirmed → checked_in → checked_out, or cancelled before
// check-in. One function applies every transition: it locks the booking, checks the move, writes
// the timestamps and the room's status, audits, and puts the domain event in the outbox, all in
// one transaction; the event is dispatched after it commits.
import { and, eq, ne } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { bookings, guests } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { dispatchAfterCommit } from "@/lib/events/dispatch";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Tenant } from "@/lib/tenants/queries";
import { type BookingEventName, enqueueBookingEvent } from "./booking-events";
import type { Booking } from "./booking-queries";
import { formatDay, todayIn } from "./dates";
import { getGuestOrThrow } from "./guests";
import { applyRoomStatus, getRoomOrThrow, type Room } from "./rooms";
import { type BookingStatus, cancelReasonSchema, isUuid } from "./schemas";
import { getHotelOrThrow, notFound } from "./shared";

/** Where each status may go next. Anything else is refused with CONFLICT. */
export const bookingTransitions = {
  pending: ["confirmed", "cancelled"],
  confirmed: ["checked_in", "cancelled"],
  checked_in: ["checked_out"],
  checked_out: [],
  cancelled: [],
} as const satisfies Record<BookingStatus, readonly BookingStatus[]>;

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return (bookingTransitions[from] as readonly BookingStatus[]).includes(to);
}

/** "checked_in" → "checked in": how a status reads in a sentence. */
export function bookingStatusWords(status: BookingStatus): string {
  return status.replace("_", " ");
}

function transitionRefused(booking: Booking, to: BookingStatus): AppError {
  const from = booking.status;
  const next = bookingTransitions[from] as readonly BookingStatus[];
  const options =
    next.length === 0
      ? ` A ${bookingStatusWords(from)} booking cannot change any more.`
      : ` A ${bookingStatusWords(from)} booking can only be ${next.map(bookingStatusWords).join(" or ")}.`;
  return new AppError(
    "CONFLICT",
    `Booking ${booking.reference} is ${bookingStatusWords(from)}, so it cannot be ${bookingStatusWords(to)}.${options}`,
    { field: "status" },
  );
}

async function lockBooking(tx: Tx, tenantId: string, bookingId: string): Promise<Booking> {
  const [row] = isUuid(bookingId)
    ? await tx
        .select()
        .from(bookings)
        .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)))
        .limit(1)
        .for("update")
    : [];
  if (!row) throw notFound("booking", "bookingId");
  return row;
}

/** A guest checks in on the first day of the stay (or later, while it lasts), into a free room. */
async function assertCanCheckIn(tx: Tx, tenant: Tenant, booking: Booking, room: Room): Promise<void> {
  const today = todayIn(tenant.timezone);
  if (today < booking.checkIn) {
    throw new AppError(
      "CONFLICT",
      `Booking ${booking.reference} starts on ${formatDay(booking.checkIn)}; check the guest in on that day.`,
      { field: "checkIn" },
    );
  }
  if (today >= booking.checkOut) {
    throw new AppError(
      "CONFLICT",
      `Booking ${booking.reference} ended on ${formatDay(booking.checkOut)}; it can no longer be checked in. Cancel it or make a new booking.`,
      { field: "checkIn" },
    );
  }
  if (room.status === "out_of_service") {
    throw new AppError(
      "CONFLICT",
      `Room ${room.number} is out of service. Move the booking to another room or put the room back in service first.`,
      { field: "roomId" },
    );
  }
  const [other] = await tx
    .select({ reference: bookings.reference, guestName: guests.name })
    .from(bookings)
    .innerJoin(guests, eq(guests.id, bookings.guestId))
    .where(
      and(
        eq(bookings.tenantId, tenant.id),
        eq(bookings.roomId, room.id),
        eq(bookings.status, "checked_in"),
        ne(bookings.id, booking.id),
      ),
    )
    .limit(1);
  if (other) {
    throw new AppError(
      "CONFLICT",
      `Room ${room.number} is still occupied by ${other.guestName} (${other.reference}); check them out first.`,
      { field: "roomId" },
    );
  }
}

type TransitionInput = {
  tenantId: string;
  bookingId: string;
  to: Exclude<BookingStatus, "pending">;
  actor: Actor;
  reason?: string;
};

const eventFor: Partial<Record<BookingStatus, BookingEventName>> = {
  confirmed: "hotel/booking.confirmed",
  checked_in: "hotel/guest.checked_in",
  checked_out: "hotel/guest.checked_out",
};

const auditAction: Record<TransitionInput["to"], string> = {
  confirmed: "booking.confirm",
  checked_in: "booking.check_in",
  checked_out: "booking.check_out",
  cancelled: "booking.cancel",
};

async function applyTransition(
  tx: Tx,
  input: TransitionInput,
): Promise<{ booking: Booking; keys: string[] }> {
  const tenant = await getHotelOrThrow(tx, input.tenantId);
  const before = await lockBooking(tx, tenant.id, input.bookingId);
  if (!canTransition(before.status, input.to)) throw transitionRefused(before, input.to);
  let room = await getRoomOrThrow(tx, tenant.id, before.roomId, { lock: true });
  if (input.to === "checked_in") await assertCanCheckIn(tx, tenant, before, room);

  const now = new Date();
  const [booking] = await tx
    .update(bookings)
    .set({
      status: input.to,
      updatedAt: now,
      ...(input.to === "confirmed" && { confirmedAt: now }),
      ...(input.to === "checked_in" && { checkedInAt: now }),
      ...(input.to === "checked_out" && { checkedOutAt: now }),
      ...(input.to === "cancelled" && { cancelledAt: now, cancellationReason: input.reason ?? null }),
    })
    .where(and(eq(bookings.tenantId, tenant.id), eq(bookings.id, before.id)))
    .returning();
  if (!booking) throw new Error("update returned no row");

  // The room follows the guest: occupied while they stay, to housekeeping when they leave.
  const roomStatus = input.to === "checked_in" ? "occupied" : input.to === "checked_out" ? "cleaning" : null;
  if (roomStatus) {
    room = await applyRoomStatus(tx, {
      tenantId: tenant.id,
      room,
      status: roomStatus,
      actor: input.actor,
      details: { booking: booking.reference },
    });
  }
  await recordAudit(tx, {
    actor: input.actor,
    tenantId: tenant.id,
    action: auditAction[input.to],
    targetType: "booking",
    targetId: booking.id,
    before: { status: before.status },
    after: { status: booking.status },
    details: {
      reference: booking.reference,
      room: room.number,
      ...(input.reason && { reason: input.reason }),
    },
  });
  const event = eventFor[input.to];
  if (!event) return { booking, keys: [] };
  const guest = await getGuestOrThrow(tx, tenant.id, booking.guestId);
  return { booking, keys: [await enqueueBookingEvent(tx, event, { tenant, booking, guest, room })] };
}

async function transitionBooking(db: Queryable, input: TransitionInput): Promise<Booking> {
  const { booking, keys } = await withTenant(db, input.tenantId, (tx) => applyTransition(tx, input));
  dispatchAfterCommit(db, keys);
  return booking;
}

type BookingRef = { tenantId: string; bookingId: string; actor: Actor };

/** pending → confirmed; emits `hotel/booking.confirmed`. */
export async function confirmBooking(db: Queryable, opts: BookingRef): Promise<Booking> {
  return transitionBooking(db, { ...opts, to: "confirmed" });
}

/** confirmed → checked_in, on a day of the stay; the room becomes occupied; emits `hotel/guest.checked_in`. */
export async function checkInBooking(db: Queryable, opts: BookingRef): Promise<Booking> {
  return transitionBooking(db, { ...opts, to: "checked_in" });
}

/** checked_in → checked_out; the room goes to cleaning; emits `hotel/guest.checked_out`. */
export async function checkOutBooking(db: Queryable, opts: BookingRef): Promise<Booking> {
  return transitionBooking(db, { ...opts, to: "checked_out" });
}

/** pending or confirmed → cancelled, with a reason; frees the room's nights. */
export async function cancelBooking(db: Queryable, opts: BookingRef & { reason: string }): Promise<Booking> {
  const reason = cancelReasonSchema.parse(opts.reason);
  return transitionBooking(db, { ...opts, reason, to: "cancelled" });
}
