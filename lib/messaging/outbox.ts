import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { messages, platformEmailOutbox } from "@/db/schema";
import type { MessageRow } from "@/lib/messaging/send/types";

/**
 * LEGACY. The interim platform email outbox is replaced by the send pipeline (lib/messaging/send):
 * the welcome email goes through sendEmail and the message log. `queueEmail` stays only for
 * team invitations (lib/team/invitations.ts), which still read the token back from the outbox
 * row; it goes, with the table, once they move to sendEmail. Do not add callers.
 */

export const queueEmailSchema = z.object({
  tenantId: z.uuid().nullable(),
  to: z.email().max(320),
  subject: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(100_000),
  html: z.string().min(1).max(200_000),
  /** What caused the email, `module.noun`, e.g. `member.invite`. */
  event: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, "Use module.noun, e.g. member.invite"),
  /** Same key, one row: a retried job queues nothing new. */
  dedupeKey: z.string().min(1).max(255).optional(),
});
export type QueueEmailInput = z.input<typeof queueEmailSchema>;
export type OutboxRow = typeof platformEmailOutbox.$inferSelect;

/** @deprecated Invitations only, until they send through sendEmail. */
export async function queueEmail(
  db: Queryable,
  input: QueueEmailInput,
): Promise<{ email: OutboxRow; queued: boolean }> {
  const data = queueEmailSchema.parse(input);
  const [inserted] = await db
    .insert(platformEmailOutbox)
    .values({ ...data, dedupeKey: data.dedupeKey ?? null })
    .onConflictDoNothing({ target: platformEmailOutbox.dedupeKey })
    .returning();
  if (inserted) return { email: inserted, queued: true };
  const [existing] = data.dedupeKey
    ? await db
        .select()
        .from(platformEmailOutbox)
        .where(eq(platformEmailOutbox.dedupeKey, data.dedupeKey))
        .limit(1)
    : [];
  if (!existing) throw new Error("queueEmail: the row was neither inserted nor found");
  return { email: existing, queued: false };
}

/**
 * A hotel's messages (SMS and email, from the message log), newest first, for the console's
 * tenant page. Kept under its old name so that page keeps compiling; the message log queries
 * (lib/messaging/log) are the place for anything richer.
 */
export async function listTenantEmails(
  db: Queryable,
  opts: { tenantId: string; limit?: number },
): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(eq(messages.tenantId, opts.tenantId))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(opts.limit ?? 50);
}

export async function countTenantEmails(db: Queryable, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(messages).where(eq(messages.tenantId, tenantId));
  return row?.n ?? 0;
}
