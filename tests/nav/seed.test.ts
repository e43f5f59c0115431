import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformNavItems } from "@/db/schema";
import { defaultNavItems } from "@/lib/nav/defaults";
import { listNavItems } from "@/lib/nav/queries";
import { navItemInputSchema } from "@/lib/nav/schemas";
import { seedDefaultNav } from "@/lib/nav/seed";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

describe("default navigation", () => {
  test("every default item is valid", () => {
    for (const item of defaultNavItems) expect(navItemInputSchema.safeParse(item).success).toBe(true);
  });
});

describe.each(testDatabaseKinds)("seedDefaultNav on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  test("inserts the defaults once, and never overwrites an admin's changes", async () => {
    const db = database.db;
    const first = await seedDefaultNav(db);
    expect(first).toHaveLength(defaultNavItems.length);
    expect((await listNavItems(db, { scope: "console" })).map((i) => i.href)).toEqual([
      "/platform",
      "/platform/tenants",
      "/platform/plans",
      "/platform/flags",
      "/platform/messaging",
      "/platform/billing",
      "/platform/marketplace",
      "/platform/navigation",
      "/platform/audit",
      "/platform/jobs",
      "/platform/api-keys",
    ]);
    expect((await listNavItems(db, { scope: "portal" })).map((i) => i.href)).toEqual([
      "/",
      "/front-desk",
      "/bookings",
      "/guests",
      "/rooms",
      "/requests",
      "/team",
      "/messages",
      "/plan",
      "/billing",
      "/credits",
      "/marketplace",
      "/settings/templates",
      "/settings/notifications",
      "/settings/menu",
    ]);

    const team = and(eq(platformNavItems.scope, "portal"), eq(platformNavItems.key, "team"));
    await db.update(platformNavItems).set({ label: "Crew", sortOrder: 99 }).where(team);
    await db
      .delete(platformNavItems)
      .where(and(eq(platformNavItems.scope, "console"), eq(platformNavItems.key, "jobs")));

    expect(await seedDefaultNav(db)).toEqual(["console:jobs"]);
    const [row] = await db.select().from(platformNavItems).where(team);
    expect(row).toMatchObject({ label: "Crew", sortOrder: 99 });
    expect(await seedDefaultNav(db)).toEqual([]);
  });
});
