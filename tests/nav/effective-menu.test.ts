import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { platformFeatureFlags, platformNavItems, tenantNavOverrides } from "@/db/schema";
import { invalidateFlagCache } from "@/lib/flags/cache";
import { getEnabledFlags } from "@/lib/flags/evaluate";
import { invalidateNavCache, NAV_CACHE_TTL_MS } from "@/lib/nav/cache";
import { getEffectiveMenu } from "@/lib/nav/effective-menu";
import { seedDefaultNav } from "@/lib/nav/seed";
import { createNavItem, updateNavItem, upsertNavOverride } from "@/lib/nav/service";
import { getTenantPortalMenu } from "@/lib/nav/tenant-menu";
import type { MenuItem } from "@/lib/nav/types";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createPlan, createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

// The hotel-operations items every portal role sees, between Dashboard and Team (lib/nav/defaults.ts).
const hotel = ["front-desk", "bookings", "guests", "rooms", "requests"];
const hotelLabels = ["Front desk", "Bookings", "Guests", "Rooms", "Service requests"];
// Owner's and manager's messaging items: the log after Team, credits and settings after Plan.
const messaging = ["billing", "credits", "marketplace", "templates", "notifications"];
const messagingLabels = ["Billing", "SMS credits", "Marketplace", "Message templates", "Notifications"];
// The whole owner menu after the hotel items.
const ownerTail = ["team", "messages", "plan", ...messaging, "menu-settings"];
const consoleKeys = [
  "overview",
  "tenants",
  "plans",
  "flags",
  "messaging",
  "billing",
  "marketplace",
  "navigation",
  "audit",
  "jobs",
  "api-keys",
];

const keys = (menu: MenuItem[]) => menu.map((m) => m.key);
const none = new Set<string>();

describe.each(testDatabaseKinds)("effective menu on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;
  let tenantA: string;
  let tenantB: string;
  let planA: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    await seedDefaultNav(db);
    admin = await createUser(db, { email: `admin-${kind}@hearth.test` });
    const pro = await createPlan(db, { features: ["analytics"] });
    planA = pro.id;
    tenantA = (await createTenant(db, { planId: pro.id })).id;
    tenantB = (await createTenant(db)).id;
  });
  afterAll(() => database.drop());
  beforeEach(() => invalidateNavCache());
  afterEach(() => {
    vi.useRealTimers();
  });

  const console_ = (role: string) =>
    getEffectiveMenu(database.db, {
      scope: "console",
      tenantId: null,
      role,
      flags: none,
      planFeatures: none,
    });
  const portal = (tenantId: string, role: string) =>
    getEffectiveMenu(database.db, { scope: "portal", tenantId, role, flags: none, planFeatures: none });

  test.each([
    ["super_admin", consoleKeys],
    ["billing_admin", ["overview", "tenants", "plans", "messaging", "billing", "marketplace", "audit"]],
    ["support_agent", ["overview", "tenants", "messaging", "billing", "marketplace", "audit", "jobs"]],
  ])("the default console menu for %s", async (role, expected) => {
    expect(keys(await console_(role))).toEqual(expected);
  });

  test.each([
    ["owner", ["dashboard", ...hotel, ...ownerTail]],
    ["manager", ["dashboard", ...hotel, "team", "messages", "plan", ...messaging]],
    ["staff", ["dashboard", ...hotel]],
  ])("the default portal menu for %s", async (role, expected) => {
    expect(keys(await portal(tenantB, role))).toEqual(expected);
  });

  test("items carry label, href and icon for the shell", async () => {
    const [dashboard] = await portal(tenantB, "staff");
    expect(dashboard).toEqual({ key: "dashboard", label: "Dashboard", href: "/", icon: "layout-dashboard" });
  });

  test("feature flags and plan features decide what the tenant sees", async () => {
    const db = database.db;
    const actor = testActor(admin);
    await createNavItem(db, {
      input: {
        scope: "portal",
        key: "inbox",
        label: "Inbox",
        href: "/inbox",
        featureFlag: "new_inbox",
        sortOrder: 30,
      },
      actor,
    });
    await createNavItem(db, {
      input: {
        scope: "portal",
        key: "reports",
        label: "Reports",
        href: "/reports",
        planFeature: "analytics",
        sortOrder: 40,
      },
      actor,
    });
    // A is on a plan with analytics, B is not; the flag is off everywhere.
    expect(keys(await getTenantPortalMenu(db, { id: tenantA, planId: planA }, "staff"))).toEqual([
      "dashboard",
      ...hotel,
      "reports",
    ]);
    expect(keys(await getTenantPortalMenu(db, { id: tenantB, planId: null }, "staff"))).toEqual([
      "dashboard",
      ...hotel,
    ]);

    await db.insert(platformFeatureFlags).values({ key: "new_inbox", defaultEnabled: true });
    invalidateFlagCache();
    expect(await getEnabledFlags(db, { tenantId: tenantB })).toEqual(new Set(["new_inbox"]));
    expect(keys(await getTenantPortalMenu(db, { id: tenantB, planId: null }, "staff"))).toEqual([
      "dashboard",
      ...hotel,
      "inbox",
    ]);

    // The kill switch wins over the default.
    await db
      .update(platformFeatureFlags)
      .set({ killed: true })
      .where(eq(platformFeatureFlags.key, "new_inbox"));
    invalidateFlagCache();
    expect(await getEnabledFlags(db, { tenantId: tenantB })).toEqual(new Set());
    expect(keys(await getTenantPortalMenu(db, { id: tenantB, planId: null }, "staff"))).toEqual([
      "dashboard",
      ...hotel,
    ]);

    await updateNavItem(db, { input: { scope: "portal", key: "inbox", isActive: false }, actor });
    await updateNavItem(db, { input: { scope: "portal", key: "reports", isActive: false }, actor });
  });

  test("a tenant's overrides change its menu and no one else's", async () => {
    const db = database.db;
    const actor = testActor(admin);
    await upsertNavOverride(db, {
      tenantId: tenantA,
      input: { itemKey: "team", label: "Crew", sortOrder: 1 },
      actor,
    });
    await upsertNavOverride(db, {
      tenantId: tenantA,
      input: { itemKey: "menu-settings", hidden: true },
      actor,
    });
    const a = await portal(tenantA, "owner");
    expect(a.map((m) => m.label)).toEqual([
      "Crew",
      "Dashboard",
      ...hotelLabels,
      "Messages",
      "Plan & usage",
      ...messagingLabels,
    ]);
    expect(keys(await portal(tenantB, "owner"))).toEqual(["dashboard", ...hotel, ...ownerTail]);
    // The console menu ignores tenants' overrides even when a tenant id is passed.
    const consoleMenu = await getEffectiveMenu(db, {
      scope: "console",
      tenantId: tenantA,
      role: "super_admin",
      flags: none,
      planFeatures: none,
    });
    expect(keys(consoleMenu)).toEqual(consoleKeys);
    await withTenant(db, tenantA, (tx) =>
      tx.delete(tenantNavOverrides).where(eq(tenantNavOverrides.tenantId, tenantA)),
    );
  });

  test("children appear under their parent", async () => {
    const db = database.db;
    const actor = testActor(admin);
    await createNavItem(db, {
      input: {
        scope: "portal",
        key: "settings",
        label: "Settings",
        href: "/settings",
        icon: "settings",
        // After every default item, so it is the menu's last entry.
        sortOrder: 95,
      },
      actor,
    });
    await updateNavItem(db, {
      input: { scope: "portal", key: "menu-settings", parentKey: "settings" },
      actor,
    });
    const menu = await portal(tenantB, "owner");
    expect(menu.at(-1)).toEqual({
      key: "settings",
      label: "Settings",
      href: "/settings",
      icon: "settings",
      children: [{ key: "menu-settings", label: "Menu settings", href: "/settings/menu", icon: "menu" }],
    });
    await updateNavItem(db, { input: { scope: "portal", key: "menu-settings", parentKey: null }, actor });
    await updateNavItem(db, { input: { scope: "portal", key: "settings", isActive: false }, actor });
  });

  describe("cache", () => {
    test("reads are cached: a change made behind the services' back is not seen until invalidation", async () => {
      const db = database.db;
      expect(keys(await portal(tenantB, "staff"))).toEqual(["dashboard", ...hotel]);
      await db
        .update(platformNavItems)
        .set({ roles: [] })
        .where(and(eq(platformNavItems.scope, "portal"), eq(platformNavItems.key, "team")));
      expect(keys(await portal(tenantB, "staff"))).toEqual(["dashboard", ...hotel]);
      invalidateNavCache({ scope: "portal" });
      expect(keys(await portal(tenantB, "staff"))).toEqual(["dashboard", ...hotel, "team"]);
      await db
        .update(platformNavItems)
        .set({ roles: ["owner", "manager"] })
        .where(and(eq(platformNavItems.scope, "portal"), eq(platformNavItems.key, "team")));
      invalidateNavCache({ scope: "portal" });
    });

    test("invalidating one scope or tenant leaves the others cached", async () => {
      const db = database.db;
      expect(keys(await console_("billing_admin"))).toEqual([
        "overview",
        "tenants",
        "plans",
        "messaging",
        "billing",
        "marketplace",
        "audit",
      ]);
      expect(keys(await portal(tenantB, "owner"))).toEqual(["dashboard", ...hotel, ...ownerTail]);
      await db.update(platformNavItems).set({ roles: [] }).where(eq(platformNavItems.key, "jobs"));
      await withTenant(db, tenantB, (tx) =>
        tx.insert(tenantNavOverrides).values({ tenantId: tenantB, itemKey: "team", hidden: true }),
      );

      invalidateNavCache({ tenantId: tenantA });
      expect(keys(await portal(tenantB, "owner"))).toEqual(["dashboard", ...hotel, ...ownerTail]);
      invalidateNavCache({ tenantId: tenantB });
      expect(keys(await portal(tenantB, "owner"))).toEqual([
        "dashboard",
        ...hotel,
        "messages",
        "plan",
        ...messaging,
        "menu-settings",
      ]);

      invalidateNavCache({ scope: "portal" });
      expect(keys(await console_("billing_admin"))).toEqual([
        "overview",
        "tenants",
        "plans",
        "messaging",
        "billing",
        "marketplace",
        "audit",
      ]);
      invalidateNavCache({ scope: "console" });
      expect(keys(await console_("billing_admin"))).toEqual([
        "overview",
        "tenants",
        "plans",
        "messaging",
        "billing",
        "marketplace",
        "audit",
        "jobs",
      ]);

      await db
        .update(platformNavItems)
        .set({ roles: ["super_admin", "support_agent"] })
        .where(eq(platformNavItems.key, "jobs"));
      await withTenant(db, tenantB, (tx) =>
        tx.delete(tenantNavOverrides).where(eq(tenantNavOverrides.tenantId, tenantB)),
      );
      invalidateNavCache();
    });

    test("every service invalidates: the next read after a change sees it", async () => {
      const db = database.db;
      const actor = testActor(admin);
      expect(keys(await portal(tenantA, "owner"))).toEqual(["dashboard", ...hotel, ...ownerTail]);
      await upsertNavOverride(db, { tenantId: tenantA, input: { itemKey: "team", hidden: true }, actor });
      expect(keys(await portal(tenantA, "owner"))).toEqual([
        "dashboard",
        ...hotel,
        "messages",
        "plan",
        ...messaging,
        "menu-settings",
      ]);
      await upsertNavOverride(db, { tenantId: tenantA, input: { itemKey: "team", hidden: false }, actor });
      expect(keys(await portal(tenantA, "owner"))).toEqual(["dashboard", ...hotel, ...ownerTail]);

      expect(keys(await console_("billing_admin"))).toEqual([
        "overview",
        "tenants",
        "plans",
        "messaging",
        "billing",
        "marketplace",
        "audit",
      ]);
      await updateNavItem(db, { input: { scope: "console", key: "audit", roles: ["super_admin"] }, actor });
      expect(keys(await console_("billing_admin"))).toEqual([
        "overview",
        "tenants",
        "plans",
        "messaging",
        "billing",
        "marketplace",
      ]);
      await updateNavItem(db, { input: { scope: "console", key: "audit", roles: [] }, actor });
      expect(keys(await console_("billing_admin"))).toEqual([
        "overview",
        "tenants",
        "plans",
        "messaging",
        "billing",
        "marketplace",
        "audit",
      ]);
    });

    test("entries expire after the TTL, so other processes' changes arrive", async () => {
      const db = database.db;
      vi.useFakeTimers({ toFake: ["Date"] });
      expect(keys(await portal(tenantB, "staff"))).toEqual(["dashboard", ...hotel]);
      // Another process changes the row; this process is not told.
      await db.update(platformNavItems).set({ roles: [] }).where(eq(platformNavItems.key, "menu-settings"));
      vi.setSystemTime(Date.now() + NAV_CACHE_TTL_MS - 1_000);
      expect(keys(await portal(tenantB, "staff"))).toEqual(["dashboard", ...hotel]);
      vi.setSystemTime(Date.now() + 2_000);
      expect(keys(await portal(tenantB, "staff"))).toEqual(["dashboard", ...hotel, "menu-settings"]);
      await db
        .update(platformNavItems)
        .set({ roles: ["owner"] })
        .where(eq(platformNavItems.key, "menu-settings"));
    });

    test("each database has its own entries", async () => {
      const other = await createTestDatabase("pglite");
      try {
        expect(keys(await console_("super_admin"))).toHaveLength(consoleKeys.length);
        const empty = await getEffectiveMenu(other.db, {
          scope: "console",
          tenantId: null,
          role: "super_admin",
          flags: none,
          planFeatures: none,
        });
        expect(empty).toEqual([]);
      } finally {
        await other.drop();
      }
    });
  });
});
