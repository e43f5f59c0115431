import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformEmailOutbox } from "@/db/schema";

/**
 * The platform's email outbox. Until the messaging module exists (providers, templates, dev-sink),
 * queueing is all that happens: the rows are the record of what would be sent, shown in the console.
 */

export const queueEmailSchema = z.object({
  tenantId: z.uuid().nullable(),
  to: z.email().max(320),
  subject: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(100_000),
  html: z.string().min(1).max(200_000),
  /** What caused the email, `module.noun`, e.g. `tenant.welcome`. */
  event: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, "Use module.noun, e.g. tenant.welcome"),
  /** Same key, one row: a retried job queues nothing new. */
  dedupeKey: z.string().min(1).max(255).optional(),
});
export type QueueEmailInput = z.input<typeof queueEmailSchema>;
export type OutboxRow = typeof platformEmailOutbox.$inferSelect;

/** Queues an email; with a `dedupeKey` already queued, returns the existing row and `queued: false`. */
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

/** A tenant's queued and sent emails, newest first. */
export async function listTenantEmails(
  db: Queryable,
  opts: { tenantId: string; limit?: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(platformEmailOutbox)
    .where(eq(platformEmailOutbox.tenantId, opts.tenantId))
    .orderBy(desc(platformEmailOutbox.createdAt), desc(platformEmailOutbox.id))
    .limit(opts.limit ?? 50);
}

export async function countTenantEmails(db: Queryable, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(platformEmailOutbox)
    .where(eq(platformEmailOutbox.tenantId, tenantId));
  return row?.n ?? 0;
}
