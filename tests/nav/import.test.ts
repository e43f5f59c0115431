import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformNavItems } from "@/db/schema";
import { invalidateNavCache } from "@/lib/nav/cache";
import { getEffectiveMenu } from "@/lib/nav/effective-menu";
import { importNavDefinition } from "@/lib/nav/import";
import { listNavItems } from "@/lib/nav/queries";
import { seedDefaultNav } from "@/lib/nav/seed";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

// The hotel-operations items every portal role sees, between Dashboard and Team (lib/nav/defaults.ts).
const hotel = ["front-desk", "bookings", "guests", "rooms", "requests"];
const hotelLabels = ["Front desk", "Bookings", "Guests", "Rooms", "Service requests"];
// Owner's messaging items: the log after Team, credits and settings after Plan.
const messaging = ["billing", "credits", "marketplace", "templates", "notifications"];
const messagingLabels = ["Billing", "SMS credits", "Marketplace", "Message templates", "Notifications"];

const definition = {
  version: 1,
  items: [
    // unchanged: exactly the seeded default
    {
      scope: "portal",
      key: "dashboard",
      label: "Dashboard",
      href: "/",
      icon: "layout-dashboard",
      sortOrder: 10,
    },
    // updated: renamed
    {
      scope: "portal",
      key: "team",
      label: "Staff",
      href: "/team",
      icon: "users",
      sortOrder: 20,
      roles: ["manager", "owner"],
    },
    // created, with a child
    {
      scope: "portal",
      key: "reports",
      label: "Reports",
      href: "/reports",
      icon: "bar-chart-3",
      sortOrder: 30,
    },
    {
      scope: "portal",
      key: "occupancy",
      label: "Occupancy",
      href: "/reports/occupancy",
      icon: "calendar-days",
      parentKey: "reports",
    },
  ],
};

describe.each(testDatabaseKinds)("navigation import on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDefaultNav(database.db);
    admin = await createUser(database.db, { email: `importer-${kind}@hearth.test` });
  });
  afterAll(() => database.drop());

  const snapshot = async () => ({
    items: await database.db
      .select()
      .from(platformNavItems)
      .orderBy(platformNavItems.scope, platformNavItems.key),
    audit: (await database.db.select().from(platformAuditStream)).length,
  });

  test("a dry run reports what would change and writes nothing", async () => {
    const before = await snapshot();
    const report = await importNavDefinition(database.db, {
      json: definition,
      dryRun: true,
      actor: testActor(admin),
    });
    expect(report).toEqual({
      valid: true,
      errors: [],
      toCreate: ["portal:reports", "portal:occupancy"],
      toUpdate: ["portal:team"],
      unchanged: ["portal:dashboard"],
      applied: false,
    });
    expect(await snapshot()).toEqual(before);
  });

  test("JSON text is accepted as well as an object", async () => {
    const report = await importNavDefinition(database.db, {
      json: JSON.stringify(definition),
      dryRun: true,
      actor: testActor(admin),
    });
    expect(report.valid).toBe(true);
    expect(report.toCreate).toHaveLength(2);
  });

  test.each<[string, unknown, Array<{ path: string; message: RegExp }>]>([
    ["text that is not JSON", "{ version: 1,", [{ path: "", message: /Not valid JSON/ }]],
    ["the wrong version", { version: 2, items: [] }, [{ path: "version", message: /version 1/ }]],
    [
      "a bad item",
      { version: 1, items: [{ scope: "portal", key: "Spa", label: "", href: "spa", icon: "rocket" }] },
      [
        { path: "items.0.key", message: /lowercase/ },
        { path: "items.0.label", message: /Required/ },
        { path: "items.0.href", message: /start/ },
        { path: "items.0.icon", message: /one of/ },
      ],
    ],
    [
      "a parent missing from the file",
      {
        version: 1,
        items: [{ scope: "portal", key: "spa", label: "Spa", href: "/spa", parentKey: "wellness" }],
      },
      [{ path: "items.0.parentKey", message: /"wellness" is not an item/ }],
    ],
    [
      "a cycle",
      {
        version: 1,
        items: [
          { scope: "portal", key: "a", label: "A", href: "/a", parentKey: "b" },
          { scope: "portal", key: "b", label: "B", href: "/b", parentKey: "a" },
        ],
      },
      [
        { path: "items.0.parentKey", message: /cycle/ },
        { path: "items.1.parentKey", message: /cycle/ },
      ],
    ],
    [
      "a key twice in one scope",
      {
        version: 1,
        items: [
          { scope: "console", key: "x", label: "X", href: "/platform/x" },
          { scope: "console", key: "x", label: "Y", href: "/platform/y" },
        ],
      },
      [{ path: "items.1.key", message: /Duplicate key "x"/ }],
    ],
  ])("refuses %s, with paths, and applies nothing even when not a dry run", async (_name, json, expected) => {
    const before = await snapshot();
    const report = await importNavDefinition(database.db, { json, dryRun: false, actor: testActor(admin) });
    expect(report.valid).toBe(false);
    expect(report.applied).toBe(false);
    expect(report.toCreate).toEqual([]);
    expect(report.errors).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(report.errors[i]?.path).toBe(e.path);
      expect(report.errors[i]?.message).toMatch(e.message);
    });
    expect(await snapshot()).toEqual(before);
  });

  test("a valid file that would push an existing item two levels deep is refused", async () => {
    // team (not in the file) sits inside menu-settings; the file moves menu-settings under dashboard,
    // which would leave team two levels deep.
    const before = await snapshot();
    await database.db
      .update(platformNavItems)
      .set({ parentKey: "menu-settings" })
      .where(eq(platformNavItems.key, "team"));
    const report = await importNavDefinition(database.db, {
      json: {
        version: 1,
        items: [
          {
            scope: "portal",
            key: "menu-settings",
            label: "Menu settings",
            href: "/settings/menu",
            parentKey: "dashboard",
          },
          { scope: "portal", key: "dashboard", label: "Dashboard", href: "/" },
        ],
      },
      dryRun: true,
      actor: testActor(admin),
    });
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([
      { path: "existing.portal:team", message: expect.stringMatching(/Existing item "team".*one level/) },
    ]);
    await database.db
      .update(platformNavItems)
      .set({ parentKey: null })
      .where(eq(platformNavItems.key, "team"));
    expect((await snapshot()).items).toEqual(before.items);
  });

  test("a real run applies everything in one go, audits it, and the menu shows it at once", async () => {
    const db = database.db;
    const owner = {
      scope: "portal" as const,
      tenantId: null,
      role: "owner",
      flags: new Set<string>(),
      planFeatures: new Set<string>(),
    };
    invalidateNavCache();
    expect((await getEffectiveMenu(db, owner)).map((m) => m.key)).toEqual([
      "dashboard",
      ...hotel,
      "team",
      "messages",
      "plan",
      ...messaging,
      "menu-settings",
    ]);

    const report = await importNavDefinition(db, {
      json: definition,
      dryRun: false,
      actor: testActor(admin),
    });
    expect(report).toMatchObject({
      valid: true,
      applied: true,
      toUpdate: ["portal:team"],
      unchanged: ["portal:dashboard"],
    });

    const portal = await listNavItems(db, { scope: "portal" });
    expect(portal.find((i) => i.key === "team")?.label).toBe("Staff");
    expect(portal.find((i) => i.key === "occupancy")).toMatchObject({
      parentKey: "reports",
      icon: "calendar-days",
    });

    const [audit] = await db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.action, "nav.import"))
      .orderBy(desc(platformAuditStream.id));
    expect(audit).toMatchObject({ actorUserId: admin.id, targetType: "nav_definition" });
    expect(audit?.summary).toMatchObject({
      created: ["portal:reports", "portal:occupancy"],
      updated: ["portal:team"],
      unchanged: 1,
      before: [expect.objectContaining({ key: "team", label: "Team" })],
    });

    const menu = await getEffectiveMenu(db, owner);
    expect(menu.map((m) => m.label)).toEqual([
      "Dashboard",
      ...hotelLabels,
      "Staff",
      // Messages and Reports share sortOrder 30; the label breaks the tie.
      "Messages",
      "Reports",
      "Plan & usage",
      ...messagingLabels,
      "Menu settings",
    ]);
    expect(menu.find((m) => m.key === "reports")?.children?.map((c) => c.key)).toEqual(["occupancy"]);
  });

  test("importing the same file again changes nothing and audits nothing", async () => {
    const before = await snapshot();
    const report = await importNavDefinition(database.db, {
      json: definition,
      dryRun: false,
      actor: testActor(admin),
    });
    expect(report).toMatchObject({ valid: true, applied: true, toCreate: [], toUpdate: [] });
    expect(report.unchanged).toHaveLength(4);
    expect(await snapshot()).toEqual(before);
  });
});
