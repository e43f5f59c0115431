import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { recordHeartbeatFn } from "@/inngest/functions/platform/record-heartbeat";
import { getLastHeartbeat, HEARTBEAT_ID } from "@/lib/jobs/heartbeat";
import { listJobRuns } from "@/lib/jobs/job-runs";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

describe.each(testDatabaseKinds)("record-heartbeat function (InngestTestEngine) on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
  });
  afterAll(() => database.drop());

  // A fresh engine per test: an engine keeps the step state of its earlier executions.
  const engine = () => new InngestTestEngine({ function: recordHeartbeatFn });

  test("on demand: writes a heartbeat row carrying the run id and event name", async () => {
    expect(await getLastHeartbeat(database.db)).toBeNull();
    const { result, error, ctx } = await engine().execute({
      events: [{ name: "jobs/heartbeat.requested", data: {} }],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ id: expect.any(String), at: expect.any(String) });
    expect(ctx.step.run).toHaveBeenCalledWith("record-heartbeat", expect.any(Function));

    const [row] = await listJobRuns(database.db, { functionId: HEARTBEAT_ID });
    expect(row).toMatchObject({
      status: "completed",
      attempts: 1,
      eventName: "jobs/heartbeat.requested",
      // The engine re-executes the handler with a new run id each time, so only the shape is checked.
      runId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
    });
    expect(row?.finishedAt?.toISOString()).toBe(row?.startedAt.toISOString());
    expect(await getLastHeartbeat(database.db)).toEqual(row?.startedAt);
  });

  test("from the cron: records the scheduled-timer event", async () => {
    const { result } = await engine().execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "*/5 * * * *" } }],
    });
    const runs = await listJobRuns(database.db, { functionId: HEARTBEAT_ID });
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.eventName)).toContain("inngest/scheduled.timer");
    expect(runs.map((r) => r.id)).toContain((result as { id: string }).id);
  });

  test("a mocked step writes nothing: the function's only effect is its step", async () => {
    const before = await listJobRuns(database.db, { functionId: HEARTBEAT_ID });
    const { result } = await engine().execute({
      events: [{ name: "jobs/heartbeat.requested", data: {} }],
      steps: [{ id: "record-heartbeat", handler: () => ({ id: "mocked", at: "2030-01-01T00:00:00.000Z" }) }],
    });
    expect(result).toEqual({ id: "mocked", at: "2030-01-01T00:00:00.000Z" });
    expect(await listJobRuns(database.db, { functionId: HEARTBEAT_ID })).toHaveLength(before.length);
  });
});
