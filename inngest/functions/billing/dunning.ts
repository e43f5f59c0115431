import { cron } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import {
  type DunningRunResult,
  dunInvoice,
  dunningActor,
  listOverdueInvoiceIds,
  reactivateIfSettled,
  tallyDunning,
} from "@/lib/billing/dunning";

/** Inngest caps the steps of one run; the rest of a very long list is taken by the next day's run. */
export const INVOICES_PER_RUN = 900;

/**
 * Daily at 03:00 UTC (after the billing cycle at 02:00): one step per overdue invoice, each taking
 * the reminders and status steps due for it. Steps are recorded once per invoice and messages are
 * idempotent, so a retried step or a repeated run changes nothing twice. One run at a time.
 */
export const dunningFn = inngest.createFunction(
  {
    id: "dunning",
    name: "Dunning: overdue reminders and suspension",
    triggers: [cron("TZ=UTC 0 3 * * *")],
    concurrency: { limit: 1 },
    retries: 3,
  },
  async ({ step }) => {
    // One clock for the whole run, recorded so a retry judges "overdue" as of the same instant.
    const now = await step.run("read-clock", () => new Date().toISOString());
    const invoiceIds = await step.run("list-overdue", async () =>
      (await listOverdueInvoiceIds(await getDb(), { now: new Date(now) })).slice(0, INVOICES_PER_RUN),
    );
    const result: DunningRunResult = {
      invoices: 0,
      reminders: 0,
      pastDue: 0,
      suspended: 0,
      failed: 0,
      failures: [],
    };
    for (const invoiceId of invoiceIds) {
      try {
        const r = await step.run(`dun-${invoiceId}`, async () =>
          dunInvoice(await getDb(), { invoiceId, now: new Date(now), actor: dunningActor() }),
        );
        tallyDunning(result, r);
      } catch (error) {
        // This invoice's retries are spent: count it and go on; tomorrow's run tries again.
        result.failed++;
        result.failures.push({ invoiceId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return { now, ...result };
  },
);

/** A payment succeeded: if it settled everything overdue, the hotel dunning had moved is active again. */
export const reactivateOnPaymentFn = inngest.createFunction(
  {
    id: "dunning-reactivate-on-payment",
    name: "Dunning: reactivate when settled",
    triggers: [events["billing/payment.succeeded"]],
    concurrency: { limit: 1, key: "event.data.tenantId" },
    retries: 3,
  },
  async ({ event, step }) =>
    step.run("reactivate-if-settled", async () =>
      reactivateIfSettled(await getDb(), { tenantId: event.data.tenantId, actor: dunningActor() }),
    ),
);
