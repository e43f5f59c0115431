// The message log row and the inputs of the send path. sendSms/sendEmail validate these at the
// boundary; everything below them works with parsed values.
import { z } from "zod";
import type { messages } from "@/db/schema";

/** One row of the message log (`messages`). */
export type MessageRow = typeof messages.$inferSelect;
export type MessageChannel = MessageRow["channel"];
export type MessageStatus = MessageRow["status"];

/** Statuses a message only leaves by a retry: the send is over, one way or the other. */
export const finalStatuses: ReadonlySet<MessageStatus> = new Set(["delivered", "failed", "undelivered"]);

const eventName = z
  .string()
  .trim()
  .regex(/^[a-z0-9_./-]+$/i, "Use an event name such as hotel/booking.confirmed")
  .max(100);
const locale = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, "Use a BCP 47 tag such as en or fr-CA");
/** Redelivered work carries the same key, so it sends once: e.g. `${event.id}:sms:+234…`. */
const idempotencyKey = z.string().trim().min(1).max(255);

/**
 * Who pays an SMS: the hotel (its credits) or the platform (its own messages to a hotel, such as
 * dunning reminders: logged under the hotel, no credits taken, the provider cost still recorded).
 */
export const smsPayers = ["tenant", "platform"] as const;
export type SmsPayer = (typeof smsPayers)[number];

export const sendSmsSchema = z.object({
  tenantId: z.uuid(),
  event: eventName,
  /** E.164; the provider has the last word on whether the number is reachable. */
  to: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, "Use an international number such as +2348031234567"),
  locale,
  data: z.record(z.string(), z.unknown()),
  idempotencyKey,
  /** Default: the platform for a platform event (see defaultSmsPayer), else the hotel. */
  billTo: z.enum(smsPayers).optional(),
});
export type SendSmsInput = z.input<typeof sendSmsSchema>;

export const sendEmailSchema = z.object({
  /** Null for platform mail that concerns no hotel. */
  tenantId: z.uuid().nullable(),
  event: eventName,
  to: z.email().max(320),
  locale,
  data: z.record(z.string(), z.unknown()),
  idempotencyKey,
});
export type SendEmailInput = z.input<typeof sendEmailSchema>;
