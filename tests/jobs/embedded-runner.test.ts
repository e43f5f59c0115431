import { cron, NonRetriableError } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { dispatchEmbedded, drainEmbeddedRunner, startEmbeddedCrons } from "@/lib/jobs/embedded-runner";
import { HEARTBEAT_ID } from "@/lib/jobs/heartbeat";
import { type JobRun, listJobRuns } from "@/lib/jobs/job-runs";
import { sendEvent } from "@/lib/jobs/send-event";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

// Embedded mode: no Inngest configured. Short backoff so retries take milliseconds.
for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];
process.env.HEARTH_RUNNER_BACKOFF_MS = "5";

const nav = events["platform/nav.changed"];
const navChanged = { name: "platform/nav.changed", data: { scope: "portal", tenantId: null } } as const;

describe.each(testDatabaseKinds)("embedded runner on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
  });
  afterEach(() => drainEmbeddedRunner());
  afterAll(() => database.drop());

  // Seen event ids live for the process (24 h), so each suite uses its own.
  const idPrefix = `${kind}-${Date.now()}`;
  const runsOf = (functionId: string): Promise<JobRun[]> => listJobRuns(database.db, { functionId });
  async function onlyRunOf(functionId: string): Promise<JobRun> {
    const runs = await runsOf(functionId);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    if (!run) throw new Error("no run");
    return run;
  }

  test("sendEvent with no INNGEST_* runs the matching function in-process and records the run", async () => {
    const { ids } = await sendEvent({ name: "jobs/heartbeat.requested", data: {} });
    expect(ids).toHaveLength(1);
    await drainEmbeddedRunner();

    const run = await onlyRunOf("record-heartbeat");
    expect(run).toMatchObject({
      status: "completed",
      attempts: 1,
      eventName: "jobs/heartbeat.requested",
      error: null,
    });
    expect(run.finishedAt).toBeInstanceOf(Date);
    // The function's own effect: a heartbeat row written under the same run id.
    const [beat] = await runsOf(HEARTBEAT_ID);
    expect(beat).toMatchObject({ runId: run.runId, eventName: "jobs/heartbeat.requested" });
  });

  test("sendEvent rejects a payload that does not match its schema, and unknown events", async () => {
    await expect(
      sendEvent({
        name: "platform/nav.changed",
        data: { scope: "sideways", tenantId: null },
      } as unknown as typeof navChanged),
    ).rejects.toThrow(/scope/);
    await expect(
      sendEvent({ name: "nope/thing.happened", data: {} } as unknown as typeof navChanged),
    ).rejects.toThrow(/unknown event "nope\/thing.happened"/);
  });

  test("a step that succeeded is not re-run when a later step throws once", async () => {
    const calls = { first: 0, second: 0 };
    const seen: Array<{ attempt: number; first: unknown }> = [];
    const fn = inngest.createFunction(
      { id: "test-memo", triggers: [nav], retries: 2 },
      async ({ step, attempt }) => {
        const first = await step.run("first", async () => {
          calls.first += 1;
          return { at: new Date(Date.UTC(2030, 0, 1)), n: calls.first };
        });
        seen.push({ attempt, first });
        await step.run("second", async () => {
          calls.second += 1;
          if (calls.second === 1) throw new Error("flaky once");
          return "ok";
        });
        return first;
      },
    );
    dispatchEmbedded([fn], [navChanged]);
    await drainEmbeddedRunner();

    expect(calls).toEqual({ first: 1, second: 2 });
    // The retry gets the recorded result, JSON round-tripped as Inngest would (a Date becomes a string).
    expect(seen).toEqual([
      { attempt: 0, first: { at: "2030-01-01T00:00:00.000Z", n: 1 } },
      { attempt: 1, first: { at: "2030-01-01T00:00:00.000Z", n: 1 } },
    ]);
    expect(await onlyRunOf("test-memo")).toMatchObject({ status: "completed", attempts: 2, error: null });
  });

  test("retries stop at the function's limit; the run is recorded failed and onFailure runs once", async () => {
    let calls = 0;
    const failures: unknown[] = [];
    const fn = inngest.createFunction(
      {
        id: "test-always-fails",
        triggers: [nav],
        retries: 2,
        onFailure: async ({ error, event }) => {
          failures.push({ message: error.message, functionId: event.data.function_id });
        },
      },
      async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      },
    );
    dispatchEmbedded([fn], [navChanged]);
    await drainEmbeddedRunner();

    expect(calls).toBe(3);
    expect(await onlyRunOf("test-always-fails")).toMatchObject({
      status: "failed",
      attempts: 3,
      error: "Error: boom 3",
    });
    expect(failures).toEqual([{ message: "boom 3", functionId: "test-always-fails" }]);
  });

  test("without a retries option a function gets Inngest's default of 5 attempts", async () => {
    let calls = 0;
    const fn = inngest.createFunction({ id: "test-default-retries", triggers: [nav] }, async () => {
      calls += 1;
      throw new Error("always");
    });
    dispatchEmbedded([fn], [navChanged]);
    await drainEmbeddedRunner();
    expect(calls).toBe(5);
    expect(await onlyRunOf("test-default-retries")).toMatchObject({ status: "failed", attempts: 5 });
  });

  test("NonRetriableError stops at the first attempt", async () => {
    let calls = 0;
    const fn = inngest.createFunction(
      { id: "test-non-retriable", triggers: [nav], retries: 4 },
      async ({ step }) => {
        await step.run("check", async () => {
          calls += 1;
          throw new NonRetriableError("tenant is gone");
        });
      },
    );
    dispatchEmbedded([fn], [navChanged]);
    await drainEmbeddedRunner();
    expect(calls).toBe(1);
    expect(await onlyRunOf("test-non-retriable")).toMatchObject({
      status: "failed",
      attempts: 1,
      error: "NonRetriableError: tenant is gone",
    });
  });

  test("a step the runner does not implement fails the run instead of hanging", async () => {
    const fn = inngest.createFunction({ id: "test-unsupported", triggers: [nav] }, async ({ step }) => {
      await step.waitForEvent("wait", { event: "jobs/heartbeat.requested", timeout: "1h" });
    });
    dispatchEmbedded([fn], [navChanged]);
    await drainEmbeddedRunner();
    const run = await onlyRunOf("test-unsupported");
    expect(run).toMatchObject({ status: "failed", attempts: 1 });
    expect(run.error).toMatch(/step.waitForEvent is not supported/);
  });

  test("the same event id within 24 h starts nothing new", async () => {
    const before = (await runsOf("record-heartbeat")).length;
    const id = `${idPrefix}-beat`;
    const first = await sendEvent({ name: "jobs/heartbeat.requested", data: {}, id });
    const again = await sendEvent({ name: "jobs/heartbeat.requested", data: {}, id });
    await sendEvent({ name: "jobs/heartbeat.requested", data: {}, id: `${id}-other` });
    await drainEmbeddedRunner();
    expect(first.ids).toEqual([id]);
    expect(again.ids).toEqual([id]);
    expect(await runsOf("record-heartbeat")).toHaveLength(before + 2);
  });

  test("step.sleep waits, step.sendEvent re-dispatches through sendEvent", async () => {
    let sleptMs = 0;
    const fn = inngest.createFunction({ id: "test-sleep-send", triggers: [nav] }, async ({ step }) => {
      const start = Date.now();
      await step.sleep("pause", "150ms");
      sleptMs = Date.now() - start;
      await step.sendEvent("ask-for-heartbeat", {
        name: "jobs/heartbeat.requested",
        data: {},
        id: `${idPrefix}-from-step`,
      });
    });
    const before = (await runsOf("record-heartbeat")).length;
    dispatchEmbedded([fn], [navChanged]);
    await drainEmbeddedRunner();

    expect(sleptMs).toBeGreaterThanOrEqual(140);
    expect(await onlyRunOf("test-sleep-send")).toMatchObject({ status: "completed" });
    const heartbeats = await runsOf("record-heartbeat");
    expect(heartbeats).toHaveLength(before + 1);
    expect(heartbeats[0]).toMatchObject({ status: "completed", eventName: "jobs/heartbeat.requested" });
  });

  test("crons fire on schedule (with a TZ= prefix) with the scheduled-timer event; starting twice is a no-op", async () => {
    let fired: (event: { name: string; data: unknown }) => void = () => {};
    const firing = new Promise<{ name: string; data: unknown }>((resolve) => {
      fired = resolve;
    });
    const fn = inngest.createFunction(
      { id: "test-every-second", triggers: [cron("TZ=Africa/Lagos * * * * * *")] },
      async ({ event }) => {
        fired({ name: event.name, data: event.data });
      },
    );
    const stop = startEmbeddedCrons([fn]);
    try {
      expect(startEmbeddedCrons([fn])).toBe(stop);
      const event = await Promise.race([
        firing,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("cron did not fire within 5 s")), 5_000),
        ),
      ]);
      expect(event).toEqual({
        name: "inngest/scheduled.timer",
        data: { cron: "TZ=Africa/Lagos * * * * * *" },
      });
    } finally {
      stop();
    }
    await drainEmbeddedRunner();
    const runs = await runsOf("test-every-second");
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]).toMatchObject({ status: "completed", eventName: "inngest/scheduled.timer" });
    // Stopped: a new start creates a new scheduler.
    const again = startEmbeddedCrons([]);
    expect(again).not.toBe(stop);
    again();
  });
});
