import { and, count, isNotNull, lt } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { domainEventOutbox, platformIdempotencyKeys, platformJobRuns } from "@/db/schema";
import { pruneLoginAttempts } from "@/lib/auth/throttle";

const DAY = 86_400_000;

/** How long operational records are kept. The audit stream is never pruned. */
export const retention = {
  jobRunsMs: 30 * DAY,
  dispatchedEventsMs: 30 * DAY,
  // Idempotency keys replay for 24 h; a day of slack keeps a late retry from being treated as new.
  idempotencyKeysMs: 2 * DAY,
  loginAttemptsMs: 1 * DAY,
} as const;

export type PruneReport = { jobRuns: number; dispatchedEvents: number; idempotencyKeys: number };

/** Deletes operational records past their retention, so busy tables (job runs: one a minute) stay small. */
export async function pruneExpiredRecords(db: Db, now: Date = new Date()): Promise<PruneReport> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const jobRunsWhere = lt(platformJobRuns.startedAt, before(retention.jobRunsMs));
  const eventsWhere = and(
    isNotNull(domainEventOutbox.dispatchedAt),
    lt(domainEventOutbox.dispatchedAt, before(retention.dispatchedEventsMs)),
  );
  const keysWhere = lt(platformIdempotencyKeys.createdAt, before(retention.idempotencyKeysMs));
  const [[jobRuns], [dispatchedEvents], [idempotencyKeys]] = await Promise.all([
    db.select({ n: count() }).from(platformJobRuns).where(jobRunsWhere),
    db.select({ n: count() }).from(domainEventOutbox).where(eventsWhere),
    db.select({ n: count() }).from(platformIdempotencyKeys).where(keysWhere),
  ]);
  await db.transaction(async (tx) => {
    await tx.delete(platformJobRuns).where(jobRunsWhere);
    await tx.delete(domainEventOutbox).where(eventsWhere);
    await tx.delete(platformIdempotencyKeys).where(keysWhere);
    await pruneLoginAttempts(tx, now, retention.loginAttemptsMs);
  });
  return {
    jobRuns: jobRuns?.n ?? 0,
    dispatchedEvents: dispatchedEvents?.n ?? 0,
    idempotencyKeys: idempotencyKeys?.n ?? 0,
  };
}
