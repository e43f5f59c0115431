import { type GetStepTools, NonRetriableError } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { isDomainEventName } from "@/lib/events/schemas";
import {
  messageSummary,
  planGuestNotifications,
  sendGuestNotification,
} from "@/lib/messaging/notify/notify-event";

/**
 * Guest notifications for the hotel's domain events: one function per event, each a thin
 * wrapper over lib/messaging/notify. One step plans (channels, recipients), then one step per
 * message, so a retry resends only what did not finish; each send's idempotency key (event id +
 * channel + recipient) keeps a redelivered event to one message per recipient either way.
 *
 * `concurrency` keeps one busy hotel from taking every worker. Idempotency by event id: the
 * outbox sends its key (`booking.confirmed:<bookingId>`, `service.requested:<requestId>`) as the
 * event id, which Inngest dedupes for 24 h; `idempotency` states the same key from the payload
 * (one function per event, so the booking id alone is unique per function).
 */
const shared = {
  concurrency: { key: "event.data.tenant.id", limit: 5 },
  retries: 4,
} as const;

type NotifyContext = {
  event: { id?: string; name: string; data: unknown };
  step: GetStepTools<typeof inngest>;
};

async function notifyGuests({ event, step }: NotifyContext) {
  if (!isDomainEventName(event.name)) throw new NonRetriableError(`Not a hotel event: ${event.name}`);
  const name = event.name;
  const envelope = { id: event.id, name, data: event.data };
  // Memoized: later steps (and retries) send exactly the plan made at the first run.
  const plan = await step.run("plan", async () => planGuestNotifications(await getDb(), envelope));
  const sent: unknown[] = [];
  for (const send of plan.sends) {
    sent.push(
      await step.run(`send-${send.channel}`, async () =>
        messageSummary(await sendGuestNotification(await getDb(), { event: envelope, send })),
      ),
    );
  }
  return { event: name, sent, skipped: plan.skipped };
}

export const notifyBookingConfirmedFn = inngest.createFunction(
  {
    id: "notify-booking-confirmed",
    name: "Notify guest: booking confirmed",
    triggers: [events["hotel/booking.confirmed"]],
    idempotency: "event.data.booking.id",
    ...shared,
  },
  async ({ event, step }) => notifyGuests({ event, step }),
);

export const notifyGuestCheckedInFn = inngest.createFunction(
  {
    id: "notify-guest-checked-in",
    name: "Notify guest: checked in",
    triggers: [events["hotel/guest.checked_in"]],
    idempotency: "event.data.booking.id",
    ...shared,
  },
  async ({ event, step }) => notifyGuests({ event, step }),
);

export const notifyGuestCheckedOutFn = inngest.createFunction(
  {
    id: "notify-guest-checked-out",
    name: "Notify guest: checked out",
    triggers: [events["hotel/guest.checked_out"]],
    idempotency: "event.data.booking.id",
    ...shared,
  },
  async ({ event, step }) => notifyGuests({ event, step }),
);

export const notifyServiceRequestedFn = inngest.createFunction(
  {
    id: "notify-service-requested",
    name: "Notify guest: service requested",
    triggers: [events["hotel/service.requested"]],
    idempotency: "event.data.serviceRequest.id",
    ...shared,
  },
  async ({ event, step }) => notifyGuests({ event, step }),
);
