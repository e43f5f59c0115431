import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { tenantNotificationPreferences } from "@/db/schema";

export type MessageChannel = "sms" | "email";

/**
 * The channels a tenant notifies guests on for one event. A missing preference row means on, so
 * a new hotel notifies by default and switching a channel off is an explicit choice.
 */
export async function enabledChannels(
  db: Queryable,
  input: { tenantId: string; event: string },
): Promise<Set<MessageChannel>> {
  const p = tenantNotificationPreferences;
  const rows = await db
    .select({ channel: p.channel, enabled: p.enabled })
    .from(p)
    .where(and(eq(p.tenantId, input.tenantId), eq(p.event, input.event)));
  const channels = new Set<MessageChannel>(["sms", "email"]);
  for (const row of rows) if (!row.enabled) channels.delete(row.channel);
  return channels;
}
