// The contract of the hotel's daily work: one schema per form, server action and REST body for
// rooms, guests, bookings and service requests. Pure (no server imports): forms import it too.
// Rules that need the database or the hotel's settings (room capacity, phone region, overlapping
// stays, "today") are checked by the services in this folder.
import { z } from "zod";
import { bookingStatus, roomStatus, serviceRequestKind, serviceRequestStatus } from "@/db/schema/hotel";
import { isIsoDate, nightsBetween } from "./dates";

/** Postgres `integer` columns hold up to 2^31 − 1. */
const INT4_MAX = 2_147_483_647;
export const MAX_NIGHTS = 60;
export const MAX_GUESTS_PER_ROOM = 20;

export const roomStatuses = roomStatus.enumValues;
export type RoomStatus = (typeof roomStatuses)[number];
export const roomStatusSchema = z.enum(roomStatuses);

export const bookingStatuses = bookingStatus.enumValues;
export type BookingStatus = (typeof bookingStatuses)[number];
export const bookingStatusSchema = z.enum(bookingStatuses);

export const serviceRequestKinds = serviceRequestKind.enumValues;
export type ServiceRequestKind = (typeof serviceRequestKinds)[number];
export const serviceRequestStatuses = serviceRequestStatus.enumValues;
export type ServiceRequestStatus = (typeof serviceRequestStatuses)[number];
export const serviceRequestStatusSchema = z.enum(serviceRequestStatuses);

const notes = z.string().trim().max(2000, "At most 2000 characters");
const wholeNumber = (what: string) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`);

export const roomInputSchema = z.object({
  number: z
    .string()
    .trim()
    .min(1, "Enter the room number")
    .max(20, "At most 20 characters")
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u, "Use letters, digits, spaces, '.', '-', '_' or '/'"),
  type: z.string().trim().min(1, "Enter the room type, e.g. Double").max(60, "At most 60 characters"),
  floor: wholeNumber("Floor").min(-10, "Floor must be -10 or higher").max(300, "Floor is too high").nullish(),
  nightlyRateMinor: wholeNumber("Nightly rate")
    .min(0, "The nightly rate cannot be negative")
    .max(INT4_MAX, "The nightly rate is too large"),
  capacity: wholeNumber("Capacity")
    .min(1, "A room sleeps at least 1 guest")
    .max(MAX_GUESTS_PER_ROOM, `At most ${MAX_GUESTS_PER_ROOM} guests`),
  notes: notes.optional(),
});
export type RoomInput = z.input<typeof roomInputSchema>;

/** A BCP 47 language tag: "en", "fr", "pt-BR", "yo". */
export const languageSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Use a language code such as en, fr or pt-BR");

/**
 * A guest as staff enter them. `phone` is taken as typed; the service parses it with the hotel's
 * country as the default region and stores E.164 (see ./phone.ts). Empty phone or email = none.
 */
export const guestInputSchema = z.object({
  name: z.string().trim().min(1, "Enter the guest's name").max(120, "At most 120 characters"),
  phone: z
    .string()
    .trim()
    .max(40, "At most 40 characters")
    .regex(/^[+\d\s().\-/]*$/, "Use digits, spaces, + ( ) . - only")
    .nullish(),
  email: z.union([z.literal(""), z.email("Enter a valid email address").max(320)]).nullish(),
  preferredLanguage: z.union([z.literal(""), languageSchema]).optional(),
  notes: notes.optional(),
});
export type GuestInput = z.input<typeof guestInputSchema>;

const stayDate = (what: string) =>
  z.string().trim().refine(isIsoDate, `Enter the ${what} date as YYYY-MM-DD`);

/** A stay from check-in (first night) to check-out (the morning after the last night). */
export const bookingInputSchema = z
  .object({
    guestId: z.uuid("Choose a guest"),
    roomId: z.uuid("Choose a room"),
    checkIn: stayDate("check-in"),
    checkOut: stayDate("check-out"),
    adults: wholeNumber("Adults")
      .min(1, "At least 1 adult")
      .max(MAX_GUESTS_PER_ROOM, `At most ${MAX_GUESTS_PER_ROOM} adults`),
    notes: notes.optional(),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.checkIn) || !isIsoDate(v.checkOut)) return;
    const nights = nightsBetween(v.checkIn, v.checkOut);
    if (nights < 1) {
      ctx.addIssue({ code: "custom", path: ["checkOut"], message: "Check-out must be after check-in" });
    } else if (nights > MAX_NIGHTS) {
      ctx.addIssue({
        code: "custom",
        path: ["checkOut"],
        message: `A booking can be at most ${MAX_NIGHTS} nights; split longer stays`,
      });
    }
  });
export type BookingInput = z.input<typeof bookingInputSchema>;

export const cancelReasonSchema = z
  .string()
  .trim()
  .min(1, "Say why the booking is cancelled")
  .max(500, "At most 500 characters");

export const serviceRequestInputSchema = z.object({
  bookingId: z.uuid("Choose a booking"),
  kind: z.enum(serviceRequestKinds, "Choose what kind of request this is"),
  description: z.string().trim().min(1, "Describe what the guest needs").max(1000, "At most 1000 characters"),
});
export type ServiceRequestInput = z.input<typeof serviceRequestInputSchema>;

/** Ids from a URL or a form: anything that is not a uuid is "no such thing", not a database error. */
export const idSchema = z.uuid();
export function isUuid(value: string): boolean {
  return idSchema.safeParse(value).success;
}
