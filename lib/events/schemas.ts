// The hotel's domain events and their payloads: the one contract between the modules that emit
// them (lib/hotel) and the ones that react (messaging renders guest notifications from these
// fields, so a payload carries everything a template needs without another query).
// Registered in inngest/events.ts. No transforms or defaults: Inngest needs input = output types.
import { z } from "zod";
import { serviceRequestKind } from "@/db/schema/hotel";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

export const eventTenantSchema = z.object({
  id: z.uuid(),
  slug: z.string().min(1),
  name: z.string().min(1),
  /** IANA timezone, e.g. Africa/Lagos: dates in the booking are calendar dates there. */
  timezone: z.string().min(1),
  locale: z.string().min(1),
  /** ISO 4217; `booking.totalMinor` is in its minor units. */
  currency: z.string().length(3),
});

export const eventBookingSchema = z.object({
  id: z.uuid(),
  /** What the guest quotes, e.g. GV-000123. */
  reference: z.string().min(1),
  checkIn: isoDate,
  checkOut: isoDate,
  nights: z.number().int().positive(),
  adults: z.number().int().positive(),
  totalMinor: z.number().int().nonnegative(),
  currency: z.string().length(3),
});

export const eventGuestSchema = z.object({
  id: z.uuid(),
  name: z.string().min(1),
  /** E.164 or null: who can be texted. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.string().min(1),
});

export const eventRoomSchema = z.object({
  id: z.uuid(),
  number: z.string().min(1),
  type: z.string().min(1),
});

export const eventServiceRequestSchema = z.object({
  id: z.uuid(),
  kind: z.enum(serviceRequestKind.enumValues),
  description: z.string().min(1),
});

/** What every hotel event carries. `locale` is the language to write to the guest in. */
export const domainEventPayloadSchema = z.object({
  tenant: eventTenantSchema,
  booking: eventBookingSchema,
  guest: eventGuestSchema,
  room: eventRoomSchema,
  serviceRequest: eventServiceRequestSchema.optional(),
  locale: z.string().min(1),
  /** When the change was made (ISO 8601, UTC). */
  occurredAt: z.iso.datetime({ offset: true }),
});

export const serviceRequestedPayloadSchema = domainEventPayloadSchema.extend({
  serviceRequest: eventServiceRequestSchema,
});

/** Event name → payload schema. Spread into inngest/events.ts's `eventSchemas`. */
export const domainEventSchemas = {
  "hotel/booking.confirmed": domainEventPayloadSchema,
  "hotel/guest.checked_in": domainEventPayloadSchema,
  "hotel/guest.checked_out": domainEventPayloadSchema,
  "hotel/service.requested": serviceRequestedPayloadSchema,
} satisfies Record<string, z.ZodObject>;

export type DomainEventName = keyof typeof domainEventSchemas;
export type DomainEventPayload<N extends DomainEventName = DomainEventName> = z.infer<
  (typeof domainEventSchemas)[N]
>;

export const domainEventNames = Object.keys(domainEventSchemas) as DomainEventName[];

export function isDomainEventName(name: string): name is DomainEventName {
  return Object.hasOwn(domainEventSchemas, name);
}
