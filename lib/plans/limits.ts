// Plan limits: how much of each governed thing a tenant has (counters), and the one check every
// governed operation calls before it adds something: `assertWithinLimit`.
//
// Counters: each limit is counted by the module that owns the table; see ./counters.ts (where
// `staff_seats` is built in and the rooms and storage modules hook theirs in) and
// ./limit-registry.ts. Until a limit has a counter, usage shows it as 0 and `assertWithinLimit`
// throws: a governed operation without a counter is a programming error, not a user's.
//
// Call `assertWithinLimit` inside the transaction that adds the thing, after locking what makes
// the count stable (e.g. the tenant row), so two concurrent adds cannot both pass at the limit.
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPlans } from "@/db/schema";
import { AppError } from "@/lib/errors";
import "./counters";
import { isLimitKey, type LimitKey, limitWording, planLimit } from "./limit-keys";
import { getLimitCounter } from "./limit-registry";
import type { Plan } from "./queries";

export { countStaffSeats } from "./counters";
export { isLimitKey, type LimitKey, limitKeys, limitLabels, limitWording, planLimit } from "./limit-keys";
export { getLimitCounter, type LimitCounter, registerLimitCounter } from "./limit-registry";

/** What a UI needs to offer an upgrade: on `AppError.details` of every LIMIT_REACHED error. */
export type LimitUpgradeHint = {
  limit: LimitKey;
  /** How many the tenant has now. */
  current: number;
  /** What its plan allows. */
  max: number;
  /** The cheapest active public plan that would allow the operation, or null ("contact us"). */
  suggestedPlanCode: string | null;
};

/** The upgrade hint of a LIMIT_REACHED error, or null for any other error. */
export function limitUpgradeHint(error: unknown): LimitUpgradeHint | null {
  if (!(error instanceof AppError) || error.code !== "LIMIT_REACHED") return null;
  const d = error.details;
  if (!d || typeof d.limit !== "string" || !isLimitKey(d.limit)) return null;
  if (typeof d.current !== "number" || typeof d.max !== "number") return null;
  return {
    limit: d.limit,
    current: d.current,
    max: d.max,
    suggestedPlanCode: typeof d.suggestedPlanCode === "string" ? d.suggestedPlanCode : null,
  };
}

/**
 * The cheapest active public plan in `currency` (other than `excludePlanId`) whose `key` limit is
 * at least `needed`, or unlimited. Cheapest by monthly price, then catalogue order.
 */
export async function findUpgradePlan(
  db: Queryable,
  opts: { key: LimitKey; needed: number; currency: string; excludePlanId: string | null },
): Promise<Plan | null> {
  const candidates = await db
    .select()
    .from(platformPlans)
    .where(
      and(
        eq(platformPlans.isActive, true),
        eq(platformPlans.isPublic, true),
        eq(platformPlans.currency, opts.currency),
      ),
    )
    .orderBy(asc(platformPlans.monthlyPriceMinor), asc(platformPlans.sortOrder), asc(platformPlans.code));
  return (
    candidates.find((p) => {
      if (p.id === opts.excludePlanId) return false;
      const max = planLimit(p.limits, opts.key);
      return max === null || max >= opts.needed;
    }) ?? null
  );
}

/** How many of `key` the tenant has, by its registered counter. */
export async function countLimitUsage(db: Queryable, tenantId: string, key: LimitKey): Promise<number> {
  const counter = getLimitCounter(key);
  if (!counter) {
    throw new Error(
      `No counter is registered for the "${key}" limit; register one with registerLimitCounter (see lib/plans/limits.ts).`,
    );
  }
  return counter(db, tenantId);
}

/**
 * Refuses an operation that would take the tenant past its plan's `limit` by `delta`, with a
 * message naming the limit and the upgrade path, e.g. "Your Starter plan allows 20 rooms and you
 * have 20. Upgrade to Professional for up to 120." Unlimited (no plan, or the limit absent) passes.
 */
export async function assertWithinLimit(
  db: Queryable,
  tenant: { id: string; planId: string | null },
  limit: LimitKey,
  delta = 1,
): Promise<void> {
  if (!Number.isSafeInteger(delta) || delta < 0) throw new RangeError(`delta must be a whole number ≥ 0`);
  if (!tenant.planId || delta === 0) return;
  const [plan] = await db.select().from(platformPlans).where(eq(platformPlans.id, tenant.planId)).limit(1);
  if (!plan) return;
  const max = planLimit(plan.limits, limit);
  if (max === null) return;
  const current = await countLimitUsage(db, tenant.id, limit);
  if (current + delta <= max) return;

  const needed = current + delta;
  const upgrade = await findUpgradePlan(db, {
    key: limit,
    needed,
    currency: plan.currency,
    excludePlanId: plan.id,
  });
  const words = limitWording[limit];
  const adding = delta > 1 ? ` Adding ${delta} more would make ${words.amount(needed)}.` : "";
  const upgradeMax = upgrade ? planLimit(upgrade.limits, limit) : null;
  const path = !upgrade
    ? " Contact us to raise this limit."
    : upgradeMax === null
      ? ` Upgrade to ${upgrade.name} for ${words.unlimited}.`
      : ` Upgrade to ${upgrade.name} for up to ${words.amount(upgradeMax)}.`;
  const hint: LimitUpgradeHint = { limit, current, max, suggestedPlanCode: upgrade?.code ?? null };
  throw new AppError(
    "LIMIT_REACHED",
    `Your ${plan.name} plan allows ${words.quantity(max)} and you have ${words.amount(current)}.${adding}${path}`,
    { field: limit, details: hint },
  );
}
