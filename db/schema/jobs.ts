import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const jobRunStatuses = ["running", "completed", "failed"] as const;
export type JobRunStatus = (typeof jobRunStatuses)[number];

/**
 * Background job health for the console: the embedded runner records every run here, and the
 * heartbeat cron writes a row in either mode (embedded or Inngest) so a stalled scheduler shows.
 */
export const platformJobRuns = pgTable(
  "platform_job_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    functionId: text().notNull(),
    runId: text().notNull(),
    eventName: text().notNull(),
    status: text({ enum: jobRunStatuses }).notNull(),
    attempts: integer().notNull().default(0),
    error: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("platform_job_runs_function_started_idx").on(t.functionId, t.startedAt)],
);
