import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/health/route";
import { useDatabaseForTests } from "@/db/client";
import { openDatabase } from "@/db/connect";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

describe.each(testDatabaseKinds)("GET /api/health on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
  });
  afterAll(() => database.drop());

  test("reports ok, the database kind and the latest migration", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.database).toMatchObject({ kind, reachable: true, pending: 0 });
    expect(body.database.migration).toMatch(/^\d{4}_/);
  });
});

test("an unmigrated database is reported degraded with 503", async () => {
  const fresh = await openDatabase({ dataDir: "memory://" });
  useDatabaseForTests(fresh);
  const res = await GET();
  expect(res.status).toBe(503);
  const body = await res.json();
  expect(body.status).toBe("degraded");
  expect(body.database).toMatchObject({ reachable: true, migration: null });
  expect(body.database.pending).toBeGreaterThan(0);
  await fresh.close();
});
