import { and, count, desc, eq, type SQL } from "drizzle-orm";
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

type JobRunFilter = { functionId?: string; status?: JobRunStatus };

function jobRunWhere(opts: JobRunFilter) {
  const filters: SQL[] = [];
  if (opts.functionId) filters.push(eq(platformJobRuns.functionId, opts.functionId));
  if (opts.status) filters.push(eq(platformJobRuns.status, opts.status));
  return and(...filters);
}

/** The most recent runs, newest first, optionally for one function or status. */
export async function listJobRuns(
  db: Queryable,
  opts: JobRunFilter & { limit?: number; offset?: number } = {},
): Promise<JobRun[]> {
  return db
    .select()
    .from(platformJobRuns)
    .where(jobRunWhere(opts))
    .orderBy(desc(platformJobRuns.startedAt), desc(platformJobRuns.id))
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0);
}

export async function countJobRuns(db: Queryable, opts: JobRunFilter = {}): Promise<number> {
  const [row] = await db.select({ n: count() }).from(platformJobRuns).where(jobRunWhere(opts));
  return row?.n ?? 0;
}

/** Every function id that has run, for the console's filter. */
export async function listJobFunctionIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: platformJobRuns.functionId })
    .from(platformJobRuns)
    .orderBy(platformJobRuns.functionId);
  return rows.map((r) => r.id);
}
