import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { type JobRunStatus, platformJobRuns } from "@/db/schema/jobs";

export type JobRun = typeof platformJobRuns.$inferSelect;

/** Error text kept per run: enough to diagnose, short enough for a table cell. */
const maxErrorLength = 2000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}

export async function insertJobRun(
  db: Queryable,
  run: {
    functionId: string;
    runId: string;
    eventName: string;
    status?: JobRunStatus;
    attempts?: number;
    startedAt?: Date;
    finishedAt?: Date;
  },
): Promise<JobRun> {
  const [row] = await db
    .insert(platformJobRuns)
    .values({ status: "running", attempts: 0, ...run })
    .returning();
  if (!row) throw new Error("insert into platform_job_runs returned no row");
  return row;
}

export async function updateJobRun(
  db: Queryable,
  id: string,
  patch: { status?: JobRunStatus; attempts?: number; error?: string | null; finishedAt?: Date | null },
): Promise<void> {
  await db.update(platformJobRuns).set(patch).where(eq(platformJobRuns.id, id));
}

/** The most recent runs, newest first, optionally for one function. */
export async function listJobRuns(
  db: Queryable,
  opts: { functionId?: string; status?: JobRunStatus; limit?: number } = {},
): Promise<JobRun[]> {
  const filters: SQL[] = [];
  if (opts.functionId) filters.push(eq(platformJobRuns.functionId, opts.functionId));
  if (opts.status) filters.push(eq(platformJobRuns.status, opts.status));
  return db
    .select()
    .from(platformJobRuns)
    .where(and(...filters))
    .orderBy(desc(platformJobRuns.startedAt))
    .limit(opts.limit ?? 50);
}
