import type { Queryable } from "@/db/connect";
import { platformMessageTemplates } from "@/db/schema";
import { defaultTemplates } from "./defaults";

/**
 * Inserts the platform's default templates (tenant_id null) that are missing. Existing rows are
 * left alone, so an admin's edits to a platform default survive restarts; returns how many were added.
 */
export async function seedDefaultTemplates(db: Queryable): Promise<number> {
  const rows = defaultTemplates.map((t) => ({
    tenantId: null,
    event: t.event,
    channel: t.channel,
    locale: t.locale,
    subject: t.subject ?? null,
    body: t.body,
  }));
  const inserted = await db
    .insert(platformMessageTemplates)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: platformMessageTemplates.id });
  return inserted.length;
}
