import { cron } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { dispatchDomainEvents } from "@/lib/events/dispatch";

/** Batches per run: a backlog drains over a few minutes instead of one long run. */
const maxBatches = 5;
const batchSize = 100;

/**
 * Every minute: sends the domain events still in the outbox — those whose after-commit dispatch
 * never ran (the process stopped after the commit) or failed. Sends carry the event's
 * idempotency key as id, so an event sent twice starts its functions once.
 */
export const dispatchDomainEventsFn = inngest.createFunction(
  { id: "dispatch-domain-events", name: "Dispatch domain events", triggers: [cron("* * * * *")], retries: 1 },
  async ({ step }) => {
    return step.run("dispatch-pending", async () => {
      const db = await getDb();
      const total = { dispatched: 0, failed: 0 };
      for (let batch = 0; batch < maxBatches; batch += 1) {
        const r = await dispatchDomainEvents(db, { limit: batchSize });
        total.dispatched += r.dispatched;
        total.failed += r.failed;
        // A failure means sending is down or a row is bad: try again next minute, not in a loop.
        if (r.failed > 0 || r.dispatched < batchSize) break;
      }
      return total;
    });
  },
);
