// Writes to the message log. The idempotency key is unique: inserting a key that exists returns
// the existing row and `created: false`, and the caller sends nothing.
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { messages } from "@/db/schema";
import type { MessageRow } from "./types";

export type NewMessage = typeof messages.$inferInsert;

export async function insertMessage(
  db: Queryable,
  values: NewMessage,
): Promise<{ message: MessageRow; created: boolean }> {
  const [inserted] = await db
    .insert(messages)
    .values(values)
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning();
  if (inserted) return { message: inserted, created: true };
  const [existing] = await db
    .select()
    .from(messages)
    .where(eq(messages.idempotencyKey, values.idempotencyKey))
    .limit(1);
  if (!existing) throw new Error("insertMessage: the row was neither inserted nor found");
  return { message: existing, created: false };
}

/**
 * What this attempt took in credits (0 and no reference when the platform pays), on the row before
 * any provider call: a failure that a callback reports early then refunds it like any other.
 */
export async function recordCharge(
  db: Queryable,
  id: string,
  charge: { credits: number; creditReference: string | null },
): Promise<void> {
  await db
    .update(messages)
    .set({ ...charge, updatedAt: new Date() })
    .where(eq(messages.id, id));
}

/**
 * Names the provider about to be called, committed before the call: Twilio can post a status
 * callback before its API answers us, and the callback is verified against this provider. The
 * previous attempt's provider message id is cleared, so a callback of that attempt cannot match.
 */
export async function markAttempting(
  db: Queryable,
  id: string,
  provider: { providerKind: string; providerId: string },
): Promise<void> {
  await db
    .update(messages)
    .set({ ...provider, providerMessageId: null, updatedAt: new Date() })
    .where(eq(messages.id, id));
}

export type SentPatch = {
  providerKind: string;
  providerId: string;
  providerMessageId: string;
  costMinor: number;
  costCurrency: string;
};

/** A failure a callback reported while the provider call was still in flight. */
const failureReported = sql`${messages.status} in ('failed', 'undelivered')`;

/**
 * Records the provider's acceptance. A callback may already have moved the status on (Twilio can
 * post "sent", "delivered" or a failure before its API answers us), so only a still-queued message
 * becomes "sent", and an early failure keeps its error and time. Credits are left as they are:
 * recordCharge wrote them before the call, and an early failure has refunded them since.
 */
export async function markSent(db: Queryable, id: string, patch: SentPatch): Promise<MessageRow> {
  const now = new Date();
  const [row] = await db
    .update(messages)
    .set({
      ...patch,
      status: sql`case when ${messages.status} = 'queued' then 'sent'::message_status else ${messages.status} end`,
      error: sql`case when ${failureReported} then ${messages.error} else null end`,
      sentAt: now,
      failedAt: sql`case when ${failureReported} then ${messages.failedAt} else null end`,
      attempts: sql`${messages.attempts} + 1`,
      updatedAt: now,
    })
    .where(eq(messages.id, id))
    .returning();
  if (!row) throw new Error(`markSent: message ${id} vanished`);
  return row;
}

export type FailedPatch = {
  error: string;
  providerKind?: string | null;
  providerId?: string | null;
  credits: number;
  creditReference: string | null;
};

export async function markFailed(db: Queryable, id: string, patch: FailedPatch): Promise<MessageRow> {
  const now = new Date();
  const [row] = await db
    .update(messages)
    .set({
      ...patch,
      status: "failed",
      failedAt: now,
      attempts: sql`${messages.attempts} + 1`,
      updatedAt: now,
    })
    .where(eq(messages.id, id))
    .returning();
  if (!row) throw new Error(`markFailed: message ${id} vanished`);
  return row;
}
