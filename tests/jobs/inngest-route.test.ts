import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { HEARTBEAT_ID } from "@/lib/jobs/heartbeat";
import { listJobRuns } from "@/lib/jobs/job-runs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { startFakeInngest } from "./fake-inngest";

const endpoint = "http://localhost:3000/api/inngest";
const noContext = { params: Promise.resolve({}) };

type Route = typeof import("@/app/api/inngest/route");

/** Imports the route afresh, so the Inngest client and the env cache see the current variables. */
async function loadRoute(): Promise<Route> {
  vi.resetModules();
  return import("@/app/api/inngest/route");
}

describe("/api/inngest", () => {
  let fake: Awaited<ReturnType<typeof startFakeInngest>>;
  let database: TestDatabase;
  beforeAll(async () => {
    fake = await startFakeInngest();
    database = await createTestDatabase("pglite");
    useDatabaseForTests(database);
  });
  afterAll(async () => {
    delete process.env.INNGEST_DEV;
    delete process.env.INNGEST_BASE_URL;
    await fake.close();
    await database.drop();
  });

  test("in embedded mode answers 503: jobs run in the app, not through this endpoint", async () => {
    const { GET, POST } = await loadRoute();
    const get = await GET(new NextRequest(endpoint), noContext);
    expect(get.status).toBe(503);
    expect(await get.json()).toEqual({
      error: { code: "UNAVAILABLE", message: expect.stringMatching(/embedded runner/) },
    });
    const post = await POST(
      new NextRequest(`${endpoint}?fnId=hearth-record-heartbeat&stepId=step`, { method: "POST", body: "{}" }),
      noContext,
    );
    expect(post.status).toBe(503);
  });

  describe("in Inngest dev mode", () => {
    let route: Route;
    beforeAll(async () => {
      process.env.INNGEST_DEV = "1";
      process.env.INNGEST_BASE_URL = fake.url;
      route = await loadRoute();
    });

    test("GET introspects the served functions", async () => {
      const { functions } = await import("@/inngest/functions");
      const res = await route.GET(new NextRequest(endpoint), noContext);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ mode: "dev", function_count: functions.length });
    });

    test("POST from Inngest runs the heartbeat step, then resumes from the memoized step state", async () => {
      const runId = "01JTESTRUN0000000000000000";
      const event = { name: "jobs/heartbeat.requested", data: {}, id: "evt-1", ts: Date.now() };
      const call = (steps: Record<string, unknown>) =>
        route.POST(
          new NextRequest(`${endpoint}?fnId=hearth-record-heartbeat&stepId=step`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            // The executor's request body (protocol version 2), as the dev server sends it.
            body: JSON.stringify({
              version: 2,
              event,
              events: [event],
              steps,
              ctx: {
                run_id: runId,
                attempt: 0,
                disable_immediate_execution: false,
                use_api: false,
                stack: { stack: [], current: 0 },
              },
            }),
          }),
          noContext,
        );

      // First request: the step runs here and its result goes back to Inngest (206 + StepRun op).
      const first = await call({});
      expect(first.status).toBe(206);
      const [op] = (await first.json()) as Array<{
        id: string;
        op: string;
        name: string;
        data: { id: string; at: string };
      }>;
      expect(op).toMatchObject({ op: "StepRun", name: "record-heartbeat" });
      const rows = await listJobRuns(database.db, { functionId: HEARTBEAT_ID });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: op?.data.id,
        runId,
        eventName: "jobs/heartbeat.requested",
        status: "completed",
      });

      // Second request carries the step's result: the function finishes without writing again.
      const second = await call({ [op?.id ?? ""]: { type: "data", data: op?.data } });
      expect(second.status).toBe(200);
      expect(await second.json()).toEqual(op?.data);
      expect(await listJobRuns(database.db, { functionId: HEARTBEAT_ID })).toHaveLength(1);
      // Serving never sends anything to Inngest by itself.
      expect(fake.requests).toEqual([]);
    });
  });
});
