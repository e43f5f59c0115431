// A hotel's notification settings: per guest event and channel, whether guests are notified. Same
// semantics as the send path's read (preferences.ts enabledChannels): no row means on, so only an
// explicit choice is stored. Reads and writes run as the hotel (withTenant), writes are audited.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { tenantNotificationPreferences } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { type DomainEventName, domainEventNames } from "@/lib/events/schemas";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { MessageChannel } from "./preferences";
import { notificationPreferenceSchema, templateChannels, templateEventInfo } from "./templates/schemas";

export type NotificationPreference = {
  event: DomainEventName;
  channel: MessageChannel;
  enabled: boolean;
  label: string;
  description: string;
};

/** Every guest event × channel with its setting (on unless the hotel switched it off). */
export async function listNotificationPreferences(
  db: Queryable,
  input: { tenantId: string },
): Promise<NotificationPreference[]> {
  const tenantId = z.uuid().parse(input.tenantId);
  const p = tenantNotificationPreferences;
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ event: p.event, channel: p.channel, enabled: p.enabled })
      .from(p)
      .where(eq(p.tenantId, tenantId)),
  );
  const stored = new Map(rows.map((r) => [`${r.event}:${r.channel}`, r.enabled]));
  return domainEventNames.flatMap((event) =>
    templateChannels.map((channel) => ({
      event,
      channel,
      enabled: stored.get(`${event}:${channel}`) ?? true,
      label: templateEventInfo[event].label,
      description: templateEventInfo[event].description,
    })),
  );
}

const setInput = notificationPreferenceSchema.extend({ tenantId: z.uuid() });

/**
 * Switches one guest event's channel on or off for the hotel; returns the stored setting. Any other
 * event (a platform one, an unknown name) is refused with INVALID.
 */
export async function setNotificationPreference(
  db: Queryable,
  input: Omit<z.input<typeof setInput>, "event"> & { event: string; actor: Actor },
): Promise<{ event: DomainEventName; channel: MessageChannel; enabled: boolean }> {
  const parsed = setInput.safeParse(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = typeof issue?.path[0] === "string" ? issue.path[0] : undefined;
    throw new AppError(
      "INVALID",
      field === "event"
        ? "Only guest notifications can be switched off."
        : (issue?.message ?? "Invalid setting."),
      { field },
    );
  }
  const { tenantId, event, channel, enabled } = parsed.data;
  const p = tenantNotificationPreferences;
  return withTenant(db, tenantId, async (tx) => {
    const [before] = await tx
      .select({ enabled: p.enabled })
      .from(p)
      .where(and(eq(p.tenantId, tenantId), eq(p.event, event), eq(p.channel, channel)))
      .for("update");
    await tx
      .insert(p)
      .values({ tenantId, event, channel, enabled })
      .onConflictDoUpdate({
        target: [p.tenantId, p.event, p.channel],
        set: { enabled, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: "notification_preference.set",
      targetType: "notification_preference",
      targetId: `${event}:${channel}`,
      before: { enabled: before?.enabled ?? true },
      after: { enabled },
      details: { event, channel },
    });
    return { event, channel, enabled };
  });
}
