// The hotel's domain events, built from the rows a transition just wrote and put in the outbox by
// the same transaction (lib/events). One event per booking and transition, ever: the idempotency
// key is the event and the booking (or service request), since no booking enters a state twice.
import type { Tx } from "@/db/connect";
import type { bookings, guests, rooms, serviceRequests } from "@/db/schema";
import { enqueueDomainEvent } from "@/lib/events/outbox";
import type { DomainEventName, DomainEventPayload } from "@/lib/events/schemas";
import type { Tenant } from "@/lib/tenants/queries";
import { nightsBetween } from "./dates";

type BookingRow = typeof bookings.$inferSelect;
type GuestRow = typeof guests.$inferSelect;
type RoomRow = typeof rooms.$inferSelect;
type ServiceRequestRow = typeof serviceRequests.$inferSelect;

export type BookingParties = { tenant: Tenant; booking: BookingRow; guest: GuestRow; room: RoomRow };

/** What every hotel event carries: the hotel, the stay, the guest and the room. */
export function bookingEventPayload(parties: BookingParties, now = new Date()): DomainEventPayload {
  const { tenant, booking, guest, room } = parties;
  return {
    tenant: {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      timezone: tenant.timezone,
      locale: tenant.locale,
      currency: tenant.currency,
    },
    booking: {
      id: booking.id,
      reference: booking.reference,
      checkIn: booking.checkIn,
      checkOut: booking.checkOut,
      nights: nightsBetween(booking.checkIn, booking.checkOut),
      adults: booking.adults,
      totalMinor: booking.totalMinor,
      currency: booking.currency,
    },
    guest: {
      id: guest.id,
      name: guest.name,
      phone: guest.phone,
      email: guest.email,
      preferredLanguage: guest.preferredLanguage,
    },
    room: { id: room.id, number: room.number, type: room.type },
    // Write to guests in their language; the hotel's when they have none.
    locale: guest.preferredLanguage || tenant.locale,
    occurredAt: now.toISOString(),
  };
}

export type BookingEventName = Exclude<DomainEventName, "hotel/service.requested">;

/** The outbox key of a booking event: `booking.confirmed:<bookingId>`. */
export function bookingEventKey(name: BookingEventName, bookingId: string): string {
  return `${name.replace(/^hotel\//, "")}:${bookingId}`;
}

/** Writes `name` for the booking into the outbox of `tx`; returns the key to dispatch after commit. */
export async function enqueueBookingEvent(
  tx: Tx,
  name: BookingEventName,
  parties: BookingParties,
): Promise<string> {
  const idempotencyKey = bookingEventKey(name, parties.booking.id);
  await enqueueDomainEvent(tx, {
    tenantId: parties.tenant.id,
    name,
    payload: bookingEventPayload(parties),
    idempotencyKey,
  });
  return idempotencyKey;
}

/** Writes `hotel/service.requested` for a new request; returns the key to dispatch after commit. */
export async function enqueueServiceRequested(
  tx: Tx,
  parties: BookingParties & { request: ServiceRequestRow },
): Promise<string> {
  const idempotencyKey = `service.requested:${parties.request.id}`;
  await enqueueDomainEvent(tx, {
    tenantId: parties.tenant.id,
    name: "hotel/service.requested",
    payload: {
      ...bookingEventPayload(parties),
      serviceRequest: {
        id: parties.request.id,
        kind: parties.request.kind,
        description: parties.request.description,
      },
    },
    idempotencyKey,
  });
  return idempotencyKey;
}
