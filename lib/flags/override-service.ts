import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformFeatureFlagOverrides } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { getTenantById } from "@/lib/tenants/queries";
import { afterFlagChange, getFlagOrThrow } from "./flag-service";
import type { FlagOverrideRow } from "./queries";
import {
  type FlagOverrideInput,
  type FlagOverrideRef,
  flagOverrideInputSchema,
  flagOverrideRefSchema,
} from "./schemas";

// Per-tenant overrides (console, super admins). The override table is platform data, not
// tenant-scoped: a hotel cannot see or change its own overrides.

const overrideTarget = (key: string, tenantId: string) => `${key}:${tenantId}`;

/** Forces the flag on or off for one hotel, whatever the rules say (the kill switch still wins). */
export async function setFlagOverride(
  db: Queryable,
  opts: { input: FlagOverrideInput; actor: Actor },
): Promise<FlagOverrideRow> {
  const { key, tenantId, enabled, reason } = flagOverrideInputSchema.parse(opts.input);
  const row = await db.transaction(async (tx) => {
    const flag = await getFlagOrThrow(tx, key);
    const tenant = await getTenantById(tx, tenantId);
    if (!tenant || tenant.status === "deleted") {
      throw new AppError("NOT_FOUND", "There is no such hotel.", { field: "tenantId" });
    }
    const o = platformFeatureFlagOverrides;
    const [before] = await tx
      .select()
      .from(o)
      .where(and(eq(o.flagId, flag.id), eq(o.tenantId, tenantId)));
    const [saved] = await tx
      .insert(o)
      .values({ flagId: flag.id, tenantId, enabled, reason })
      .onConflictDoUpdate({ target: [o.flagId, o.tenantId], set: { enabled, reason, createdAt: new Date() } })
      .returning();
    if (!saved) throw new Error("upsert returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId,
      action: "flag.override.set",
      targetType: "feature_flag_override",
      targetId: overrideTarget(key, tenantId),
      before: before ? { enabled: before.enabled, reason: before.reason } : null,
      after: { enabled: saved.enabled, reason: saved.reason },
      details: { flag: key, tenant: tenant.slug },
    });
    return saved;
  });
  afterFlagChange();
  return row;
}

/** Removes the hotel's override, so the rules decide again. Returns false when there was none. */
export async function removeFlagOverride(
  db: Queryable,
  opts: { input: FlagOverrideRef; actor: Actor },
): Promise<boolean> {
  const { key, tenantId } = flagOverrideRefSchema.parse(opts.input);
  const removed = await db.transaction(async (tx) => {
    const flag = await getFlagOrThrow(tx, key);
    const o = platformFeatureFlagOverrides;
    const [before] = await tx
      .delete(o)
      .where(and(eq(o.flagId, flag.id), eq(o.tenantId, tenantId)))
      .returning();
    if (!before) return false;
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId,
      action: "flag.override.remove",
      targetType: "feature_flag_override",
      targetId: overrideTarget(key, tenantId),
      before: { enabled: before.enabled, reason: before.reason },
      details: { flag: key },
    });
    return true;
  });
  if (removed) afterFlagChange();
  return removed;
}
