import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { queryRows } from "@/db/rows";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

describe.each(testDatabaseKinds)("migrations on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  test("create the core tables and the app role", async () => {
    const tables = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = tables.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        "users",
        "platform_users",
        "platform_tenants",
        "tenant_members",
        "platform_nav_items",
        "tenant_nav_overrides",
        "platform_audit_stream",
        "platform_plans",
      ]),
    );
    const role = await queryRows(database.db, sql`select rolname from pg_roles where rolname = 'hearth_app'`);
    expect(role).toHaveLength(1);
  });

  test("are idempotent when applied again", async () => {
    await expect(database.migrate()).resolves.toBeUndefined();
  });
});
