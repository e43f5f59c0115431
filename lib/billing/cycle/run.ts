import { and, asc, inArray, isNotNull, lte } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { BILLABLE_STATUSES, type InvoiceTenantResult, invoiceTenantPeriod } from "./invoice-period";

/** Tenants whose period has ended by `asOf`: active or past due, with a plan. Oldest period end first. */
export async function tenantsDueForBilling(db: Queryable, opts: { asOf: Date }): Promise<string[]> {
  const rows = await db
    .select({ id: platformTenants.id })
    .from(platformTenants)
    .where(
      and(
        inArray(platformTenants.status, [...BILLABLE_STATUSES]),
        isNotNull(platformTenants.planId),
        isNotNull(platformTenants.currentPeriodStart),
        lte(platformTenants.currentPeriodEnd, opts.asOf),
      ),
    )
    .orderBy(asc(platformTenants.currentPeriodEnd), asc(platformTenants.id));
  return rows.map((r) => r.id);
}

export type BillingCycleResult = {
  invoiced: number;
  /** Already invoiced for that period, or no longer due when its turn came (another run got there). */
  skipped: number;
  failed: number;
  failures: Array<{ tenantId: string; error: string }>;
};

/** A user-readable one-liner for a failed tenant (the full error goes to the log). */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function tallyOutcome(result: BillingCycleResult, outcome: InvoiceTenantResult["outcome"]): void {
  if (outcome === "invoiced") result.invoiced++;
  else result.skipped++;
}

/**
 * Invoices every tenant due as of `asOf`, each in its own transaction: one tenant's failure is
 * counted and the others go on. `afterTenant` runs after each tenant's transaction (tests use it to
 * crash a run midway); an error it throws ends the run, like a crashed process.
 */
export async function runBillingCycle(
  db: Queryable,
  opts: { asOf: Date; actor?: Actor; afterTenant?: (tenantId: string) => void | Promise<void> },
): Promise<BillingCycleResult> {
  const result: BillingCycleResult = { invoiced: 0, skipped: 0, failed: 0, failures: [] };
  for (const tenantId of await tenantsDueForBilling(db, opts)) {
    try {
      const r = await invoiceTenantPeriod(db, { tenantId, asOf: opts.asOf, actor: opts.actor });
      tallyOutcome(result, r.outcome);
    } catch (error) {
      console.error(`[billing] invoicing tenant ${tenantId} failed`, error);
      result.failed++;
      result.failures.push({ tenantId, error: describeFailure(error) });
    }
    await opts.afterTenant?.(tenantId);
  }
  return result;
}
