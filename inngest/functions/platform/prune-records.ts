import { cron } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { pruneExpiredRecords } from "@/lib/jobs/retention";

/** Nightly: job runs, dispatched domain events, idempotency keys and login attempts past retention. */
export const pruneRecordsFn = inngest.createFunction(
  {
    id: "prune-records",
    name: "Prune expired operational records",
    triggers: [cron("TZ=UTC 30 3 * * *")],
    retries: 3,
  },
  async ({ step }) => step.run("prune-expired-records", async () => pruneExpiredRecords(await getDb())),
);
