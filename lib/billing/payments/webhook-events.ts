import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformWebhookEvents } from "@/db/schema";

export type WebhookProvider = "stripe" | "paystack";
export type WebhookEventRow = typeof platformWebhookEvents.$inferSelect;

/**
 * What handling an event came to: `processed`; `duplicate` (already processed: a redelivery);
 * `deferred` (it needs something that has not arrived yet, e.g. a refund before its payment: it
 * stays unprocessed and is replayed when that arrives); `ignored` (not ours or not interesting).
 */
export type WebhookOutcome = "processed" | "duplicate" | "deferred" | "ignored";
export type HandlerOutcome =
  | Exclude<WebhookOutcome, "duplicate">
  | { deferred: string }
  | { refused: string };

/**
 * Stores the event once per (provider, event id) and runs `handle` unless an earlier delivery
 * already processed it. A failed or deferred attempt leaves `processedAt` empty (with the reason
 * in `error`) so a redelivery or a replay tries again; `handle` itself must be idempotent.
 */
export async function handleWebhookOnce(
  db: Queryable,
  event: { provider: WebhookProvider; eventId: string; type: string; payload: Record<string, unknown> },
  handle: () => Promise<HandlerOutcome>,
): Promise<WebhookOutcome> {
  await db.insert(platformWebhookEvents).values(event).onConflictDoNothing();
  const key = and(
    eq(platformWebhookEvents.provider, event.provider),
    eq(platformWebhookEvents.eventId, event.eventId),
  );
  const [row] = await db.select().from(platformWebhookEvents).where(key);
  if (row?.processedAt) return "duplicate";
  let outcome: HandlerOutcome;
  try {
    outcome = await handle();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(platformWebhookEvents)
      .set({ error: message.slice(0, 1000) })
      .where(key);
    throw error;
  }
  if (typeof outcome === "object" && "deferred" in outcome) {
    await db
      .update(platformWebhookEvents)
      .set({ error: `deferred: ${outcome.deferred}` })
      .where(key);
    return "deferred";
  }
  if (typeof outcome === "object") {
    // Refused for good (e.g. an amount that does not match): processed, the reason kept for operators.
    await db
      .update(platformWebhookEvents)
      .set({ processedAt: new Date(), error: `refused: ${outcome.refused}` })
      .where(key);
    return "ignored";
  }
  await db.update(platformWebhookEvents).set({ processedAt: new Date(), error: null }).where(key);
  return outcome;
}

/** Unprocessed events of one type whose payload has `value` at `path` (e.g. refunds waiting for a payment). */
export async function listWaitingEvents(
  db: Queryable,
  opts: { provider: WebhookProvider; type: string; path: string[]; value: string },
): Promise<WebhookEventRow[]> {
  const e = platformWebhookEvents;
  return db
    .select()
    .from(e)
    .where(
      and(
        eq(e.provider, opts.provider),
        eq(e.type, opts.type),
        isNull(e.processedAt),
        sql`${e.payload} #>> ${`{${opts.path.join(",")}}`}::text[] = ${opts.value}`,
      ),
    )
    .orderBy(e.receivedAt);
}
