import { cron } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { type Actor, systemActor } from "@/lib/audit/actor";
import { invoiceTenantPeriod } from "@/lib/billing/cycle/invoice-period";
import {
  type BillingCycleResult,
  describeFailure,
  tallyOutcome,
  tenantsDueForBilling,
} from "@/lib/billing/cycle/run";
import { finalizeDueInvoices } from "@/lib/billing/invoices/finalize";

/**
 * Inngest caps the steps of one run (1,000 by default): a run bills at most this many tenants and,
 * when it made progress and more may be due, asks for another run (same `asOf`) to continue.
 */
export const TENANTS_PER_RUN = 900;

/**
 * Daily at 02:00 UTC, and on demand ("billing/cycle.requested", e.g. the console's "run now"):
 * one step per tenant whose period ended, each invoicing that tenant in its own transaction, then
 * the drafts whose grace period is over are finalised. A retried or repeated run bills nothing
 * twice (see lib/billing/cycle/invoice-period.ts); one run at a time.
 */
export const billingCycleFn = inngest.createFunction(
  {
    id: "billing-cycle",
    name: "Billing cycle",
    triggers: [cron("TZ=UTC 0 2 * * *"), events["billing/cycle.requested"]],
    concurrency: { limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => {
    const requested = event.name === "billing/cycle.requested" ? event.data : null;
    // One clock for the whole run, recorded so a retry bills as of the same instant.
    const asOf = await step.run("read-clock", () => requested?.asOf ?? new Date().toISOString());
    const actor: Actor = requested?.requestedBy
      ? { ...systemActor("billing-cycle (run now)"), userId: requested.requestedBy }
      : systemActor("billing-cycle");
    const tenantIds = await step.run("list-tenants", async () =>
      (await tenantsDueForBilling(await getDb(), { asOf: new Date(asOf) })).slice(0, TENANTS_PER_RUN),
    );

    const result: BillingCycleResult = { invoiced: 0, skipped: 0, failed: 0, failures: [] };
    for (const tenantId of tenantIds) {
      try {
        const r = await step.run(`invoice-${tenantId}`, async () =>
          invoiceTenantPeriod(await getDb(), { tenantId, asOf: new Date(asOf), actor }),
        );
        tallyOutcome(result, r.outcome);
      } catch (error) {
        // The step's retries are spent: count it and bill the others; the next run tries again.
        result.failed++;
        result.failures.push({ tenantId, error: describeFailure(error) });
      }
    }

    const finalized = await step.run("finalize-due", async () =>
      finalizeDueInvoices(await getDb(), { now: new Date(asOf), actor }),
    );
    const more = tenantIds.length === TENANTS_PER_RUN && result.invoiced > 0;
    if (more) {
      await step.sendEvent("continue-cycle", {
        name: "billing/cycle.requested",
        data: { asOf, requestedBy: requested?.requestedBy ?? null },
      });
    }
    return {
      asOf,
      ...result,
      finalized: finalized.finalized,
      finalizeFailed: finalized.failed,
      continued: more,
    };
  },
);
