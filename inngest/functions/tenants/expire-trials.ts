import { cron } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { systemActor } from "@/lib/audit/actor";
import { expireTrials, notifyTrialsEnding } from "@/lib/tenants/trial";

/**
 * Hourly: ends the trials that are over (active with a payment method where the plan says so,
 * else suspended), announces each with `tenant/trial.ended`, and sends the 3-day and 1-day notices.
 * Every step is safe to rerun, so a retried run changes and sends nothing twice.
 */
export const expireTrialsFn = inngest.createFunction(
  { id: "expire-trials", name: "Expire trials", triggers: [cron("0 * * * *")], retries: 3 },
  async ({ step }) => {
    // One clock for the whole run, recorded so a retry sees the same "now".
    const now = await step.run("read-clock", () => new Date().toISOString());
    const expired = await step.run("expire-trials", async () =>
      expireTrials(await getDb(), { now: new Date(now), actor: systemActor("trial-expiry") }),
    );
    if (expired.tenants.length > 0) {
      await step.sendEvent(
        "announce-trials-ended",
        expired.tenants.map((t) => ({
          name: "tenant/trial.ended" as const,
          data: { tenantId: t.tenantId, outcome: t.outcome },
          id: `trial-ended:${t.tenantId}`,
        })),
      );
    }
    const ending = await step.run("notify-trials-ending", async () =>
      notifyTrialsEnding(await getDb(), { now: new Date(now) }),
    );
    return {
      activated: expired.activated,
      suspended: expired.suspended,
      skipped: expired.skipped,
      notified: ending.notified,
    };
  },
);
