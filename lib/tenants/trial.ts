import { and, asc, eq, gt, lte, or } from "drizzle-orm";
import type { Db, Queryable } from "@/db/connect";
import { platformPlans, platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { sendEvent } from "@/lib/jobs/send-event";
import { transitionTenant } from "./lifecycle";

/**
 * Trial expiry, run by the `expire-trials` cron. Both functions are safe to rerun: an expired
 * trial is no longer a trial, and each "trial ending" notice has an event id per tenant and day.
 */

const DAY_MS = 86_400_000;

export const SUSPENDED_TRIAL_REASON = "Trial ended without a payment method";

export type TrialOutcome = "activated" | "suspended";

export type ExpireTrialsResult = {
  activated: number;
  suspended: number;
  /** Tenants that changed state between the selection and the transition (another run, an admin). */
  skipped: number;
  tenants: Array<{ tenantId: string; outcome: TrialOutcome }>;
};

/**
 * Ends every trial whose end date has passed: a plan that activates after its trial, with a
 * payment method on file, makes the tenant active; anything else suspends it, data kept.
 */
export async function expireTrials(db: Db, opts: { now: Date; actor: Actor }): Promise<ExpireTrialsResult> {
  const due = await db
    .select({
      id: platformTenants.id,
      hasPaymentMethod: platformTenants.hasPaymentMethod,
      trialEndAction: platformPlans.trialEndAction,
    })
    .from(platformTenants)
    .leftJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
    .where(and(eq(platformTenants.status, "trial"), lte(platformTenants.trialEndsAt, opts.now)))
    .orderBy(asc(platformTenants.trialEndsAt), asc(platformTenants.id));

  const result: ExpireTrialsResult = { activated: 0, suspended: 0, skipped: 0, tenants: [] };
  for (const t of due) {
    const activate = t.trialEndAction === "activate" && t.hasPaymentMethod;
    try {
      if (activate) {
        await transitionTenant(db, {
          tenantId: t.id,
          to: "active",
          reason: "Trial ended; payment method on file",
          actor: opts.actor,
        });
      } else {
        await transitionTenant(db, {
          tenantId: t.id,
          to: "suspended",
          reason: SUSPENDED_TRIAL_REASON,
          actor: opts.actor,
        });
      }
    } catch (error) {
      // Refused because the tenant is no longer in trial: someone else got there first.
      if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "NOT_FOUND")) {
        result.skipped++;
        continue;
      }
      throw error;
    }
    const outcome: TrialOutcome = activate ? "activated" : "suspended";
    result[outcome]++;
    result.tenants.push({ tenantId: t.id, outcome });
  }
  return result;
}

/** Days before the end of a trial when the owner is told it is ending. */
export const TRIAL_NOTICE_DAYS = [3, 1] as const;

export type TrialEndingNotice = { tenantId: string; trialEndsAt: string; daysLeft: number };

/**
 * Trials that end within `daysLeft` days but not within `daysLeft - 1`: each trial falls into the
 * 3-day window and the 1-day window exactly once, whatever the cron's frequency.
 */
export async function findTrialsEnding(db: Queryable, opts: { now: Date }): Promise<TrialEndingNotice[]> {
  const t = platformTenants;
  const windows = TRIAL_NOTICE_DAYS.map((days) =>
    and(
      gt(t.trialEndsAt, new Date(opts.now.getTime() + (days - 1) * DAY_MS)),
      lte(t.trialEndsAt, new Date(opts.now.getTime() + days * DAY_MS)),
    ),
  );
  const rows = await db
    .select({ id: t.id, trialEndsAt: t.trialEndsAt })
    .from(t)
    .where(and(eq(t.status, "trial"), or(...windows)))
    .orderBy(asc(t.trialEndsAt), asc(t.id));
  const notices: TrialEndingNotice[] = [];
  for (const r of rows) {
    if (!r.trialEndsAt) continue;
    const daysLeft = Math.ceil((r.trialEndsAt.getTime() - opts.now.getTime()) / DAY_MS);
    notices.push({ tenantId: r.id, trialEndsAt: r.trialEndsAt.toISOString(), daysLeft });
  }
  return notices;
}

/** The event id of a notice: Inngest (and the embedded runner) ignore a second send of it for 24 h. */
export function trialEndingEventId(notice: Pick<TrialEndingNotice, "tenantId" | "daysLeft">): string {
  return `trial-ending:${notice.tenantId}:${notice.daysLeft}`;
}

/** Sends `tenant/trial.ending` for every trial 3 days or 1 day from its end. */
export async function notifyTrialsEnding(
  db: Queryable,
  opts: { now: Date; send?: typeof sendEvent },
): Promise<{ notified: number; notices: TrialEndingNotice[] }> {
  const notices = await findTrialsEnding(db, opts);
  if (notices.length > 0) {
    const send = opts.send ?? sendEvent;
    await send(
      notices.map((n) => ({
        name: "tenant/trial.ending" as const,
        data: n,
        id: trialEndingEventId(n),
      })),
    );
  }
  return { notified: notices.length, notices };
}
