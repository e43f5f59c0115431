import { cron } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { recordHeartbeat } from "@/lib/jobs/heartbeat";

/** Every five minutes (and on demand), writes a heartbeat row so the console can tell the scheduler is alive. */
export const recordHeartbeatFn = inngest.createFunction(
  {
    id: "record-heartbeat",
    name: "Record heartbeat",
    triggers: [cron("*/5 * * * *"), events["jobs/heartbeat.requested"]],
    retries: 2,
  },
  async ({ event, runId, step }) => {
    return step.run("record-heartbeat", async () =>
      recordHeartbeat(await getDb(), { runId, eventName: event.name }),
    );
  },
);
