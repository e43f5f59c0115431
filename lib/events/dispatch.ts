// Delivery of outbox rows (./outbox.ts) to `sendEvent`. Run right after each committed change, for
// its own rows, and every minute by the sweeper (inngest/functions/hotel/dispatch-domain-events.ts)
// for anything left behind (a crash between commit and dispatch, a failed send).
//
// Each batch is claimed with FOR UPDATE SKIP LOCKED, so two dispatchers never hold the same row;
// a row is marked dispatched in the transaction that sent it. If that transaction fails after the
// send, the row is sent again later with the same event id, which Inngest (and the embedded
// runner) ignore for 24 hours: delivery is at least once, effects once.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/connect";
import { domainEventOutbox } from "@/db/schema";
import type { OutgoingEvent } from "@/inngest/events";
import { sendEvent } from "@/lib/jobs/send-event";
import type { OutboxEvent } from "./outbox";
import { domainEventSchemas, isDomainEventName } from "./schemas";

export type DispatchResult = { dispatched: number; failed: number };

function toOutgoingEvent(row: OutboxEvent): OutgoingEvent {
  if (!isDomainEventName(row.name)) throw new Error(`Unknown domain event "${row.name}"`);
  const data = domainEventSchemas[row.name].parse(row.payload);
  // The name and its schema were matched just above; TypeScript cannot correlate the two.
  return { name: row.name, data, id: row.idempotencyKey } as OutgoingEvent;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

/**
 * Sends undispatched outbox rows, oldest first (rows that keep failing last), at most `limit`.
 * With `keys`, only those rows (the ones a change just wrote). Platform path: reads every tenant's
 * rows, so call it with the database, not inside `withTenant`.
 */
export async function dispatchDomainEvents(
  db: Queryable,
  opts: { limit?: number; keys?: readonly string[] } = {},
): Promise<DispatchResult> {
  const limit = opts.limit ?? 100;
  if (opts.keys?.length === 0) return { dispatched: 0, failed: 0 };
  const o = domainEventOutbox;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(o)
      .where(and(isNull(o.dispatchedAt), opts.keys ? inArray(o.idempotencyKey, [...opts.keys]) : undefined))
      .orderBy(asc(o.attempts), asc(o.createdAt), asc(o.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    const result: DispatchResult = { dispatched: 0, failed: 0 };
    for (const row of rows) {
      try {
        await sendEvent(toOutgoingEvent(row));
        await tx
          .update(o)
          .set({ dispatchedAt: sql`now()`, attempts: row.attempts + 1, lastError: null })
          .where(eq(o.id, row.id));
        result.dispatched += 1;
      } catch (error) {
        await tx
          .update(o)
          .set({ attempts: row.attempts + 1, lastError: errorText(error) })
          .where(eq(o.id, row.id));
        result.failed += 1;
      }
    }
    return result;
  });
}

const inflight = new Set<Promise<void>>();

/**
 * Fire and forget, after a change committed: dispatches the change's own events without making
 * the user wait or fail. Errors are logged; the sweeper retries the rows. Inside an open
 * transaction (the change is not committed yet) it does nothing and leaves them to the sweeper.
 */
export function dispatchAfterCommit(db: Queryable, keys: readonly string[]): void {
  if (keys.length === 0 || db instanceof PgTransaction) return;
  const run: Promise<void> = dispatchDomainEvents(db, { keys })
    .then((r) => {
      if (r.failed > 0)
        console.error(`[events] ${r.failed} domain event(s) not sent; the sweeper retries them`);
    })
    .catch((error: unknown) => console.error("[events] dispatch after commit failed", error))
    .finally(() => inflight.delete(run));
  inflight.add(run);
}

/** Waits for every after-commit dispatch started so far (tests, graceful shutdown). */
export async function drainDomainEventDispatch(): Promise<void> {
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
}
