import { type EventType, eventType } from "inngest";
import { z } from "zod";
import { navScope } from "@/db/schema/nav";
import { billingInterval, tenantStatus } from "@/db/schema/tenants";
import { domainEventSchemas } from "@/lib/events/schemas";

/**
 * Every event the app sends, by name (`domain/noun.verb`), with its payload schema. This map is
 * the one place to add an event: `sendEvent` validates against it and `events[name]` is the
 * typed trigger for functions. Schemas must not transform (no defaults, no coercion): Inngest
 * requires a payload's input and output types to match.
 */
export const eventSchemas = {
  "jobs/heartbeat.requested": z.object({}),
  "platform/nav.changed": z.object({
    scope: z.enum(navScope.enumValues),
    tenantId: z.uuid().nullable(),
  }),
  "tenant/tenant.created": z.object({
    tenantId: z.uuid(),
    ownerUserId: z.uuid(),
    source: z.enum(["console", "api", "signup"]),
  }),
  "tenant/status.changed": z.object({
    tenantId: z.uuid(),
    from: z.enum(tenantStatus.enumValues),
    to: z.enum(tenantStatus.enumValues),
    reason: z.string().nullable(),
  }),
  "tenant/trial.ending": z.object({
    tenantId: z.uuid(),
    trialEndsAt: z.iso.datetime({ offset: true }),
    daysLeft: z.number().int(),
  }),
  "tenant/trial.ended": z.object({
    tenantId: z.uuid(),
    outcome: z.enum(["activated", "suspended"]),
  }),
  "tenant/plan.changed": z.object({
    tenantId: z.uuid(),
    fromPlanId: z.uuid().nullable(),
    toPlanId: z.uuid(),
    interval: z.enum(billingInterval.enumValues),
  }),
  "billing/cycle.requested": z.object({
    /** ISO time to bill as of; the console's "run now" and tests pass it, the cron uses now. */
    asOf: z.iso.datetime({ offset: true }).nullable(),
    requestedBy: z.uuid().nullable(),
  }),
  "billing/invoice.finalized": z.object({ invoiceId: z.uuid(), tenantId: z.uuid() }),
  "billing/payment.succeeded": z.object({
    paymentId: z.uuid(),
    tenantId: z.uuid(),
    invoiceId: z.uuid().nullable(),
    purchaseId: z.uuid().nullable(),
  }),
  // The hotel's domain events (hotel/booking.confirmed, …), sent from the outbox: lib/events.
  ...domainEventSchemas,
} satisfies Record<string, z.ZodObject>;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;

/** The typed event map: `HearthEvents["platform/nav.changed"]` is `{ name, data }` for that event. */
export type HearthEvents = { [N in EventName]: { name: N; data: EventData<N> } };

/** An event as the app sends it: `id` makes the send idempotent for 24 hours. */
export type OutgoingEvent = {
  [N in EventName]: { name: N; data: EventData<N>; id?: string; ts?: number };
}[EventName];

type EventTypes<S extends Record<string, z.ZodObject>> = {
  [N in keyof S & string]: EventType<N, S[N]>;
};

/** Builds Inngest `EventType`s (typed triggers that validate payloads) from the schema map. */
function defineEvents<S extends Record<string, z.ZodObject>>(schemas: S): EventTypes<S> {
  const entries = Object.entries(schemas).map(([name, schema]) => [name, eventType(name, { schema })]);
  return Object.fromEntries(entries) as EventTypes<S>;
}

/** Typed triggers: `triggers: [events["platform/nav.changed"]]`. */
export const events = defineEvents(eventSchemas);

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventSchemas, name);
}
