import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import {
  databaseClosed,
  dispatchEmbedded,
  drainEmbeddedRunner,
  jobLogsEnabled,
} from "@/lib/jobs/embedded-runner";
import { listJobRuns } from "@/lib/jobs/job-runs";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

// The embedded runner's console output (quiet in tests unless HEARTH_DEBUG_JOBS=1) and its
// refusal to retry against a database that was closed for good.
for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];
process.env.HEARTH_RUNNER_BACKOFF_MS = "5";

const nav = events["platform/nav.changed"];
const navChanged = { name: "platform/nav.changed", data: { scope: "portal", tenantId: null } } as const;

/** Every console line the runner printed with its `[jobs]` prefix while `body` ran. */
async function jobLines(body: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  const methods = ["debug", "info", "warn", "error"] as const;
  const spies = methods.map((m) => vi.spyOn(console, m).mockImplementation(record));
  try {
    await body();
    return lines.filter((line) => line.startsWith("[jobs]"));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

test("job logs: on outside tests, off under vitest or NODE_ENV=test, on again with HEARTH_DEBUG_JOBS=1", () => {
  expect(jobLogsEnabled({ NODE_ENV: "production" })).toBe(true);
  expect(jobLogsEnabled({ NODE_ENV: "development" })).toBe(true);
  expect(jobLogsEnabled({})).toBe(true);
  expect(jobLogsEnabled({ NODE_ENV: "test" })).toBe(false);
  expect(jobLogsEnabled({ NODE_ENV: "production", VITEST: "true" })).toBe(false);
  expect(jobLogsEnabled({ NODE_ENV: "test", VITEST: "true", HEARTH_DEBUG_JOBS: "1" })).toBe(true);
  expect(jobLogsEnabled({ NODE_ENV: "test", HEARTH_DEBUG_JOBS: "0" })).toBe(false);
});

test("only a client closed for good counts as a closed database, also when wrapped", () => {
  const ended = Object.assign(new Error("write CONNECTION_ENDED localhost:5432"), {
    code: "CONNECTION_ENDED",
  });
  expect(databaseClosed(ended)).toBe(true);
  expect(databaseClosed(new Error("Failed query: select 1", { cause: ended }))).toBe(true);
  expect(databaseClosed(new Error("PGlite is closed"))).toBe(true);
  // A server restart or network drop comes back: those still retry.
  const terminated = Object.assign(new Error("terminating connection due to administrator command"), {
    code: "57P01",
  });
  expect(databaseClosed(terminated)).toBe(false);
  expect(databaseClosed(Object.assign(new Error("closed"), { code: "CONNECTION_CLOSED" }))).toBe(false);
  expect(databaseClosed(new Error("boom"))).toBe(false);
  expect(databaseClosed("PGlite is closed")).toBe(false);
});

describe.each(testDatabaseKinds)("embedded runner logging on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
  });
  afterEach(() => {
    delete process.env.HEARTH_DEBUG_JOBS;
    return drainEmbeddedRunner();
  });
  afterAll(() => database.drop());

  function flaky(id: string) {
    return inngest.createFunction({ id, triggers: [nav], retries: 1 }, async ({ logger }) => {
      logger.info("trying");
      throw new Error("always");
    });
  }

  test("retries and failures print nothing under vitest; HEARTH_DEBUG_JOBS=1 prints them", async () => {
    const silent = await jobLines(async () => {
      dispatchEmbedded([flaky(`test-quiet-${kind}`)], [navChanged]);
      await drainEmbeddedRunner();
    });
    expect(silent).toEqual([]);
    // The run itself is unchanged: retried, then recorded failed.
    expect(await listJobRuns(database.db, { functionId: `test-quiet-${kind}` })).toMatchObject([
      { status: "failed", attempts: 2 },
    ]);

    process.env.HEARTH_DEBUG_JOBS = "1";
    const loud = await jobLines(async () => {
      dispatchEmbedded([flaky(`test-loud-${kind}`)], [navChanged]);
      await drainEmbeddedRunner();
    });
    expect(loud).toEqual([
      expect.stringMatching(/^\[jobs\] test-loud-\S+ \S+ trying$/),
      expect.stringMatching(/attempt 1 of 2 failed; retrying in \d+ ms: Error: always$/),
      expect.stringMatching(/^\[jobs\] test-loud-\S+ \S+ trying$/),
      expect.stringMatching(/failed after 2 attempt\(s\): Error: always$/),
    ]);
  });

  test("a run whose database was closed for good fails at once instead of retrying", async () => {
    const gone = await createTestDatabase(kind);
    await gone.drop();
    let calls = 0;
    const fn = inngest.createFunction(
      { id: `test-db-gone-${kind}`, triggers: [nav], retries: 3 },
      async () => {
        calls += 1;
        await gone.db.execute(sql`select 1`);
      },
    );
    dispatchEmbedded([fn], [navChanged]);
    await drainEmbeddedRunner();
    expect(calls).toBe(1);
    expect(await listJobRuns(database.db, { functionId: `test-db-gone-${kind}` })).toMatchObject([
      { status: "failed", attempts: 1 },
    ]);
  });
});
