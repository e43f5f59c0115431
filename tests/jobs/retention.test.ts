import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authLoginAttempts, domainEventOutbox, platformIdempotencyKeys, platformJobRuns } from "@/db/schema";
import { pruneExpiredRecords } from "@/lib/jobs/retention";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant } from "@/tests/helpers/fixtures";

const now = new Date("2026-11-24T03:30:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe.each(testDatabaseKinds)("pruneExpiredRecords on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const tenant = await createTenant(db, { slug: "prune", name: "Prune Hotel" });
    const run = (id: string, startedAt: Date) => ({
      functionId: id,
      runId: id,
      eventName: "cron",
      status: "completed" as const,
      startedAt,
    });
    await db.insert(platformJobRuns).values([run("old", daysAgo(31)), run("recent", daysAgo(29))]);
    const event = (key: string, dispatchedAt: Date | null, createdAt: Date) => ({
      tenantId: tenant.id,
      name: "hotel/booking.confirmed",
      payload: {},
      idempotencyKey: key,
      dispatchedAt,
      createdAt,
    });
    await db.insert(domainEventOutbox).values([
      event("sent-long-ago", daysAgo(40), daysAgo(40)),
      event("sent-lately", daysAgo(2), daysAgo(2)),
      // Never dispatched: kept however old, the sweeper still owes it.
      event("stuck", null, daysAgo(60)),
    ]);
    const key = (k: string, createdAt: Date) => ({
      scope: "tenants.create",
      principal: "p",
      key: k,
      requestHash: "h",
      createdAt,
    });
    await db.insert(platformIdempotencyKeys).values([key("expired", daysAgo(3)), key("live", daysAgo(0.5))]);
    await db.insert(authLoginAttempts).values([
      { email: "a@x.test", ip: "1.1.1.1", succeeded: "no", attemptedAt: daysAgo(2) },
      { email: "a@x.test", ip: "1.1.1.1", succeeded: "no", attemptedAt: daysAgo(0.01) },
    ]);
  });
  afterAll(() => database.drop());

  test("deletes only what is past retention, and says how much", async () => {
    const db = database.db;
    expect(await pruneExpiredRecords(db, now)).toEqual({
      jobRuns: 1,
      dispatchedEvents: 1,
      idempotencyKeys: 1,
    });
    expect((await db.select().from(platformJobRuns)).map((r) => r.functionId)).toEqual(["recent"]);
    expect((await db.select().from(domainEventOutbox)).map((r) => r.idempotencyKey).sort()).toEqual([
      "sent-lately",
      "stuck",
    ]);
    expect((await db.select().from(platformIdempotencyKeys)).map((r) => r.key)).toEqual(["live"]);
    expect(await db.select().from(authLoginAttempts)).toHaveLength(1);
    expect(await pruneExpiredRecords(db, now)).toEqual({
      jobRuns: 0,
      dispatchedEvents: 0,
      idempotencyKeys: 0,
    });
  });
});
