// Delivery status from a provider callback → the message log. A status only moves forward
// (queued → sent → delivered | failed | undelivered): a late "sent" after "delivered", or a
// duplicate callback, is recorded as ignored and changes nothing. A failure after the credits
// were taken refunds them, once (the ledger's unique reference makes a second refund a no-op).
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { messageDeliveryEvents, messages } from "@/db/schema";
import { refundCredits } from "@/lib/credits/service";
import type { MessageRow, MessageStatus } from "@/lib/messaging/send/types";

export type DeliveryStatus = Exclude<MessageStatus, "queued">;
export type CallbackOutcome = "applied" | "ignored" | "refused";

/** The statuses each status may replace: anything strictly earlier in the life of a message. */
const predecessors: Record<DeliveryStatus, MessageStatus[]> = {
  sent: ["queued"],
  delivered: ["queued", "sent"],
  failed: ["queued", "sent"],
  undelivered: ["queued", "sent"],
};

export type CallbackRecord = {
  providerKind: string;
  providerMessageId: string | null;
  messageId: string | null;
  /** The provider's own status word (e.g. Twilio's "read", Resend's "email.bounced"). */
  status: string | null;
  payload: Record<string, unknown>;
};

/** Every callback lands here, whatever became of it. */
export async function recordCallback(
  db: Queryable,
  record: CallbackRecord & { outcome: CallbackOutcome; reason: string | null },
): Promise<void> {
  await db.insert(messageDeliveryEvents).values(record);
}

export async function applyDeliveryStatus(
  db: Queryable,
  input: { message: MessageRow; status: DeliveryStatus; error: string | null; record: CallbackRecord },
): Promise<{ outcome: "applied" | "ignored"; reason: string | null }> {
  const { message, status, error, record } = input;
  // The status change, its refund and the callback's record commit together.
  return db.transaction(async (tx) => {
    const now = new Date();
    const failure = status === "failed" || status === "undelivered";
    const [updated] = await tx
      .update(messages)
      .set({
        status,
        updatedAt: now,
        ...(status === "delivered" ? { deliveredAt: now } : {}),
        ...(failure ? { failedAt: now, error: error ?? `The provider reported the message ${status}.` } : {}),
      })
      .where(and(eq(messages.id, message.id), inArray(messages.status, predecessors[status])))
      .returning();
    if (!updated) {
      const [current] = await tx
        .select({ status: messages.status })
        .from(messages)
        .where(eq(messages.id, message.id));
      const reason = `already ${current?.status ?? message.status}; "${status}" would not move it forward`;
      await recordCallback(tx, { ...record, outcome: "ignored", reason });
      return { outcome: "ignored" as const, reason };
    }
    if (failure && updated.tenantId && updated.credits > 0 && updated.creditReference) {
      await refundCredits(tx, { tenantId: updated.tenantId, debitReference: updated.creditReference });
      await tx.update(messages).set({ credits: 0 }).where(eq(messages.id, updated.id));
    }
    await recordCallback(tx, { ...record, outcome: "applied", reason: null });
    return { outcome: "applied" as const, reason: null };
  });
}
