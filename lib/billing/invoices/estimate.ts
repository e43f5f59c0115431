import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants } from "@/db/schema";
import { buildCycleCharges, type DraftLine, planLine } from "@/lib/billing/cycle/lines";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { taxRateFor } from "./settings";
import { computeTotals } from "./totals";

export type ChargeEstimate = {
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  /** False for trials and suspended hotels: the billing cycle skips them, so nothing is due yet. */
  billable: boolean;
  lines: DraftLine[];
  sms: { used: number; included: number; over: number };
  subtotalMinor: number;
  taxRateBps: number;
  taxMinor: number;
  totalMinor: number;
  /** Credits beyond the charges, which would move on to the invoice after. */
  carriedForwardMinor: number;
};

/**
 * What the invoice at the end of the current period would be if the period ended now: the same
 * line builder as the billing cycle (plan for the next period, SMS overage so far, recurring
 * add-ons, on-account purchases, pending adjustments) and tax. Read in the tenant's scope.
 * Null when the hotel has no plan or no billing period.
 */
export async function estimateCurrentCharge(
  db: Queryable,
  opts: { tenantId: string; now: Date },
): Promise<ChargeEstimate | null> {
  return withTenant(db, opts.tenantId, async (tx) => {
    const [row] = await tx
      .select({ tenant: platformTenants, plan: platformPlans })
      .from(platformTenants)
      .leftJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
      .where(eq(platformTenants.id, opts.tenantId))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", "That hotel does not exist.");
    const { tenant, plan } = row;
    if (!plan || !tenant.currentPeriodStart || !tenant.currentPeriodEnd) return null;
    const period = { start: tenant.currentPeriodStart, end: tenant.currentPeriodEnd };
    // Usage so far: up to now, or to the period's end if that has passed.
    const usageEnd = new Date(Math.min(opts.now.getTime(), period.end.getTime()));
    const charges = await buildCycleCharges(tx, {
      tenant,
      plan,
      period: { start: period.start, end: usageEnd },
    });
    // The plan line names the period after the real one, whatever the usage cut-off.
    const lines = charges.lines.map((l) => (l.sourceKey === "plan" ? planLine(plan, tenant, period) : l));
    const sum = lines.reduce((s, l) => s + l.amountMinor, 0);
    const carriedForwardMinor = sum < 0 ? -sum : 0;
    const totals = computeTotals([{ amountMinor: Math.max(0, sum) }], await taxRateFor(tx, tenant.country));
    return {
      periodStart: period.start,
      periodEnd: period.end,
      currency: tenant.currency,
      billable: tenant.status === "active" || tenant.status === "past_due",
      lines,
      sms: charges.sms,
      ...totals,
      carriedForwardMinor,
    };
  });
}
