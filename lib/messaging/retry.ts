// Retry of a failed or undelivered message: a new attempt on the same log row (attempts + 1),
// with a fresh credit debit for SMS (the failed attempt's credits were refunded). Audited.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { messages } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { attemptEmail, attemptSms } from "./send/attempt";
import type { MessageRow } from "./send/types";

export type { MessageRow } from "./send/types";

const retryInput = z.object({ messageId: z.uuid(), tenantId: z.uuid().optional() });

export async function retryMessage(
  db: Queryable,
  input: z.input<typeof retryInput> & { actor: Actor },
): Promise<MessageRow> {
  const { messageId, tenantId } = retryInput.parse(input);
  // Looked up by (tenant, id) together: another hotel's message is "not found", not "forbidden".
  const scope = tenantId
    ? and(eq(messages.id, messageId), eq(messages.tenantId, tenantId))
    : eq(messages.id, messageId);
  const [current] = await db.select().from(messages).where(scope).limit(1);
  if (!current) throw new AppError("NOT_FOUND", "This message does not exist.");
  if (current.status !== "failed" && current.status !== "undelivered") {
    throw new AppError(
      "CONFLICT",
      `Only failed or undelivered messages can be retried; this one is ${current.status}.`,
    );
  }
  if (!current.body) {
    throw new AppError(
      "CONFLICT",
      "This message was never rendered (its template was missing), so there is nothing to resend.",
    );
  }
  // Claims the retry: of two concurrent retries only one finds the message still failed.
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(messages)
      .set({ status: "queued", error: null, failedAt: null, deliveredAt: null, updatedAt: new Date() })
      .where(and(scope, inArray(messages.status, ["failed", "undelivered"])))
      .returning();
    if (!row) return null;
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: row.tenantId,
      action: "message.retry",
      targetType: "message",
      targetId: row.id,
      before: { status: current.status, error: current.error, attempts: current.attempts },
      after: { status: "queued", attempts: current.attempts + 1 },
      details: { channel: row.channel, event: row.event },
    });
    return row;
  });
  if (!claimed) throw new AppError("CONFLICT", "This message is already being retried.");
  return claimed.channel === "sms"
    ? attemptSms(db, claimed, { creditReference: `${claimed.id}:retry:${claimed.attempts + 1}` })
    : attemptEmail(db, claimed);
}
