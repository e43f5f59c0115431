import type { Queryable } from "@/db/connect";
import { insertJobRun, listJobRuns } from "./job-runs";

/**
 * The `function_id` of heartbeat rows. Not a function's id: the embedded runner records the
 * heartbeat function's runs separately, while this row is written by the job itself, so it
 * also proves the scheduler is alive when Inngest (not the app) fires the crons.
 */
export const HEARTBEAT_ID = "platform/heartbeat";

export type Heartbeat = { id: string; at: string };

export async function recordHeartbeat(
  db: Queryable,
  opts: { runId?: string; eventName?: string; at?: Date } = {},
): Promise<Heartbeat> {
  const at = opts.at ?? new Date();
  const row = await insertJobRun(db, {
    functionId: HEARTBEAT_ID,
    runId: opts.runId ?? "manual",
    eventName: opts.eventName ?? "manual",
    status: "completed",
    attempts: 1,
    startedAt: at,
    finishedAt: at,
  });
  return { id: row.id, at: at.toISOString() };
}

/** When the last heartbeat was recorded, or null if none ever was. */
export async function getLastHeartbeat(db: Queryable): Promise<Date | null> {
  const [last] = await listJobRuns(db, { functionId: HEARTBEAT_ID, limit: 1 });
  return last?.startedAt ?? null;
}
