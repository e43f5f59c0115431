// A hotel domain event → the guest's notifications: which channels (hotel preferences), which
// addresses (recipients.ts), then sendSms/sendEmail with a key made of the event id, channel and
// recipient, so a redelivered or retried event sends each message once.
import { createHash } from "node:crypto";
import type { Queryable } from "@/db/connect";
import { type DomainEventName, type DomainEventPayload, domainEventSchemas } from "@/lib/events/schemas";
import { enabledChannels } from "@/lib/messaging/preferences";
import { sendEmail } from "@/lib/messaging/send/send-email";
import { sendSms } from "@/lib/messaging/send/send-sms";
import type { MessageRow } from "@/lib/messaging/send/types";
import { guestRecipients, type Recipient, type SkippedChannel } from "./recipients";

export type DomainEventEnvelope = { id?: string; name: DomainEventName; data: unknown };

export type PlannedNotification = Recipient & { idempotencyKey: string };
export type NotificationPlan = {
  tenantId: string;
  event: DomainEventName;
  locale: string;
  sends: PlannedNotification[];
  skipped: SkippedChannel[];
};

/**
 * Inngest always sets an event id (the outbox sends its idempotency key as the id). Without one,
 * the payload's hash stands in, so the same event redelivered still maps to the same messages.
 */
function eventKey(event: DomainEventEnvelope): string {
  if (event.id) return event.id;
  return createHash("sha256")
    .update(`${event.name}\n${JSON.stringify(event.data)}`)
    .digest("hex")
    .slice(0, 32);
}

export function parseDomainEvent<N extends DomainEventName>(name: N, data: unknown): DomainEventPayload<N> {
  const payload: DomainEventPayload = domainEventSchemas[name].parse(data);
  return payload as DomainEventPayload<N>;
}

export async function planGuestNotifications(
  db: Queryable,
  event: DomainEventEnvelope,
): Promise<NotificationPlan> {
  const payload = parseDomainEvent(event.name, event.data);
  const channels = await enabledChannels(db, { tenantId: payload.tenant.id, event: event.name });
  const { recipients, skipped } = guestRecipients(payload.guest, channels);
  const key = eventKey(event);
  return {
    tenantId: payload.tenant.id,
    event: event.name,
    locale: payload.locale,
    sends: recipients.map((r) => ({ ...r, idempotencyKey: `${key}:${r.channel}:${r.to}` })),
    skipped,
  };
}

/** One planned message; the event's payload is the template's data. */
export async function sendGuestNotification(
  db: Queryable,
  input: { event: DomainEventEnvelope; send: PlannedNotification },
): Promise<MessageRow> {
  const payload = parseDomainEvent(input.event.name, input.event.data);
  const common = {
    tenantId: payload.tenant.id,
    event: input.event.name,
    to: input.send.to,
    locale: payload.locale,
    data: payload,
    idempotencyKey: input.send.idempotencyKey,
  };
  return input.send.channel === "sms" ? sendSms(db, common) : sendEmail(db, common);
}

/** Plans and sends in one go (the Inngest function runs the same two parts as separate steps). */
export async function notifyEvent(
  db: Queryable,
  event: DomainEventEnvelope,
): Promise<{ messages: MessageRow[]; skipped: SkippedChannel[] }> {
  const plan = await planGuestNotifications(db, event);
  const messages: MessageRow[] = [];
  for (const send of plan.sends) messages.push(await sendGuestNotification(db, { event, send }));
  return { messages, skipped: plan.skipped };
}

/** What a step returns about a message: small and JSON-safe (step results are serialized). */
export function messageSummary(message: MessageRow) {
  return {
    id: message.id,
    channel: message.channel,
    recipient: message.recipient,
    status: message.status,
    error: message.error,
  };
}
