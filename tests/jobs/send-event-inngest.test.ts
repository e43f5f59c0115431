import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { listJobRuns } from "@/lib/jobs/job-runs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { startFakeInngest } from "./fake-inngest";

type Fake = Awaited<ReturnType<typeof startFakeInngest>>;

describe("sendEvent with Inngest configured (INNGEST_DEV=1)", () => {
  let fake: Fake;
  let database: TestDatabase;
  let send: typeof import("@/lib/jobs/send-event");

  beforeAll(async () => {
    fake = await startFakeInngest();
    database = await createTestDatabase("pglite");
    useDatabaseForTests(database);
    // The Inngest client reads INNGEST_* when it is constructed, so set them before importing it.
    process.env.INNGEST_DEV = "1";
    process.env.INNGEST_BASE_URL = fake.url;
    send = await import("@/lib/jobs/send-event");
  });
  afterAll(async () => {
    delete process.env.INNGEST_DEV;
    delete process.env.INNGEST_BASE_URL;
    await fake.close();
    await database.drop();
  });

  test("posts the validated events to Inngest's event API and runs nothing in-process", async () => {
    const tenantId = "6f1c2d3e-4b5a-4c6d-8e7f-901234567890";
    const { ids } = await send.sendEvent([
      { name: "platform/nav.changed", data: { scope: "portal", tenantId }, id: "nav-1" },
      { name: "jobs/heartbeat.requested", data: {} },
    ]);
    expect(ids).toEqual(["fake-1", "fake-2"]);

    const posts = fake.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post?.url).toMatch(/^\/e\//);
    expect(JSON.parse(post?.body ?? "null")).toEqual([
      expect.objectContaining({
        name: "platform/nav.changed",
        data: { scope: "portal", tenantId },
        id: "nav-1",
      }),
      expect.objectContaining({ name: "jobs/heartbeat.requested", data: {} }),
    ]);

    await send.drainEmbeddedRunner();
    expect(await listJobRuns(database.db)).toEqual([]);
  });

  test("validates before sending: a bad payload never reaches Inngest", async () => {
    const before = fake.requests.length;
    await expect(
      send.sendEvent({ name: "platform/nav.changed", data: { scope: "portal", tenantId: "not-a-uuid" } }),
    ).rejects.toThrow(/tenantId/);
    expect(fake.requests).toHaveLength(before);
  });
});
