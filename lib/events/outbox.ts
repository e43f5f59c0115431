// The transactional outbox: a domain event is a row written by the same transaction as the change
// it announces, so both commit or neither does. ./dispatch.ts hands the rows to `sendEvent`.
import type { Queryable } from "@/db/connect";
import { domainEventOutbox } from "@/db/schema";
import { type DomainEventName, type DomainEventPayload, domainEventSchemas } from "./schemas";

export type OutboxEvent = typeof domainEventOutbox.$inferSelect;

export type DomainEventInput<N extends DomainEventName> = {
  tenantId: string;
  name: N;
  payload: DomainEventPayload<N>;
  /** One event per key, ever: e.g. `booking.confirmed:<bookingId>`. Also the Inngest event id. */
  idempotencyKey: string;
};

/**
 * Writes the event into the outbox. Call it with the transaction that makes the change (inside
 * `withTenant`). The payload is validated here, so a bad payload fails the change rather than the
 * delivery. A key already written is a no-op; returns whether a row was added.
 */
export async function enqueueDomainEvent<N extends DomainEventName>(
  tx: Queryable,
  event: DomainEventInput<N>,
): Promise<boolean> {
  const payload: Record<string, unknown> = domainEventSchemas[event.name].parse(event.payload);
  const inserted = await tx
    .insert(domainEventOutbox)
    .values({
      tenantId: event.tenantId,
      name: event.name,
      payload,
      idempotencyKey: event.idempotencyKey,
    })
    .onConflictDoNothing({ target: domainEventOutbox.idempotencyKey })
    .returning({ id: domainEventOutbox.id });
  return inserted.length > 0;
}
