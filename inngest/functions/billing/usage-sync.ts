import { cron } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { collectUsage } from "@/lib/billing/usage/collect";
import { syncUsage, usageSyncWatermark } from "@/lib/billing/usage/sync";

/**
 * Hourly: turns the message log and today's gauges (rooms, staff, storage) into usage events, then
 * rolls the events into `platform_usage` per tenant and UTC day. Both steps are set-based and
 * idempotent, so a retried or doubled run changes nothing twice.
 */
export const usageSyncFn = inngest.createFunction(
  {
    id: "usage-sync",
    name: "Usage sync",
    triggers: [cron("TZ=UTC 5 * * * *")],
    concurrency: { limit: 1 },
    retries: 3,
  },
  async ({ step }) => {
    const now = await step.run("read-clock", () => new Date().toISOString());
    const collected = await step.run("collect-usage", async () =>
      collectUsage(await getDb(), { now: new Date(now) }),
    );
    const synced = await step.run("sync-usage", async () => {
      const db = await getDb();
      return syncUsage(db, { since: await usageSyncWatermark(db) });
    });
    return { now, collected, synced };
  },
);
