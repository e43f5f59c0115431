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

export type SentPatch = {
  providerKind: string;
  providerId: string;
  providerMessageId: string;
  costMinor: number;
  costCurrency: string;
  credits: number;
  creditReference: string | null;
};

/**
 * Records the provider's acceptance. A delivery callback may already have moved the status on
 * (a fast "delivered" racing this write), so only a still-queued message becomes "sent".
 */
export async function markSent(db: Queryable, id: string, patch: SentPatch): Promise<MessageRow> {
  const now = new Date();
  const [row] = await db
    .update(messages)
    .set({
      ...patch,
      status: sql`case when ${messages.status} = 'queued' then 'sent'::message_status else ${messages.status} end`,
      error: null,
      sentAt: now,
      failedAt: null,
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
