// Recording usage events. Events are append-only: a repeat of the same idempotency key keeps the
// first row, and a correction is a new signed row marked `is_adjustment`, never an edit.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformUsageEvents } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import {
  type RecordUsageInput,
  recordUsageSchema,
  type UsageAdjustmentInput,
  usageAdjustmentSchema,
} from "./schemas";

export type UsageEvent = typeof platformUsageEvents.$inferSelect;

/** Records one usage event; `recorded` is false when the key was recorded before (nothing changes). */
export async function recordUsage(db: Queryable, input: RecordUsageInput): Promise<{ recorded: boolean }> {
  const values = recordUsageSchema.parse(input);
  const rows = await db
    .insert(platformUsageEvents)
    .values(values)
    .onConflictDoNothing({ target: platformUsageEvents.idempotencyKey })
    .returning({ id: platformUsageEvents.id });
  return { recorded: rows.length > 0 };
}

/** Appends a signed correction (audited). The same `reference` twice applies once. */
export async function recordUsageAdjustment(
  db: Queryable,
  input: UsageAdjustmentInput & { actor: Actor },
): Promise<{ event: UsageEvent; replayed: boolean }> {
  const { reference, ...values } = usageAdjustmentSchema.parse(input);
  const idempotencyKey = `adj:${reference ?? randomUUID()}`;
  // The event and its audit row commit together.
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(platformUsageEvents)
      .values({ ...values, idempotencyKey, isAdjustment: true })
      .onConflictDoNothing({ target: platformUsageEvents.idempotencyKey })
      .returning();
    if (!inserted) {
      const [existing] = await tx
        .select()
        .from(platformUsageEvents)
        .where(eq(platformUsageEvents.idempotencyKey, idempotencyKey))
        .limit(1);
      if (!existing) throw new Error("usage adjustment vanished");
      return { event: existing, replayed: true };
    }
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: inserted.tenantId,
      action: "billing.usage.adjust",
      targetType: "usage_event",
      targetId: inserted.id,
      after: {
        metric: inserted.metric,
        quantity: inserted.quantity,
        occurredAt: inserted.occurredAt,
        note: inserted.note,
      },
    });
    return { event: inserted, replayed: false };
  });
}
