// A tenant's usage of each plan limit, for usage bars and for checking a downgrade.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants } from "@/db/schema";
import { getLimitCounter, type LimitKey, limitKeys, limitLabels, planLimit } from "./limits";

export type LimitUsage = {
  key: LimitKey;
  label: string;
  /** What the plan allows; null = unlimited. */
  limit: number | null;
  used: number;
  /** False while no module has registered a counter for this limit (`used` is then 0). */
  counted: boolean;
};

/**
 * Counts every limit that has a counter (null where none is registered). One after the other:
 * `db` may be an open transaction, and counters open savepoints that must not interleave.
 */
export async function countUsage(db: Queryable, tenantId: string): Promise<Record<LimitKey, number | null>> {
  const out: Record<LimitKey, number | null> = { rooms: null, staff_seats: null, storage_mb: null };
  for (const key of limitKeys) {
    const counter = getLimitCounter(key);
    out[key] = counter ? await counter(db, tenantId) : null;
  }
  return out;
}

/** Each limit of the tenant's plan with what the tenant uses of it. */
export async function getLimitUsage(db: Queryable, tenantId: string): Promise<LimitUsage[]> {
  const [row] = await db
    .select({ limits: platformPlans.limits })
    .from(platformTenants)
    .leftJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
    .where(eq(platformTenants.id, tenantId))
    .limit(1);
  const limits = row?.limits ?? {};
  const used = await countUsage(db, tenantId);
  return limitKeys.map((key) => ({
    key,
    label: limitLabels[key],
    limit: planLimit(limits, key),
    used: used[key] ?? 0,
    counted: used[key] !== null,
  }));
}
