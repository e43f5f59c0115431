import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { GET, POST } from "@/app/api/platform/nav/[tenantId]/route";
import { useDatabaseForTests } from "@/db/client";
import { platformAuditStream } from "@/db/schema";
import type { ApiPrincipal } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { listNavOverrides } from "@/lib/nav/queries";
import { seedDefaultNav } from "@/lib/nav/seed";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  addMember,
  createTenant,
  createUser,
  makePlatformUser,
  type TestUser,
  testPrincipal,
} from "@/tests/helpers/fixtures";

// The hotel-operations items every portal role sees, between Dashboard and Team (lib/nav/defaults.ts).
const hotel = ["front-desk", "bookings", "guests", "rooms", "requests"];
const hotelLabels = ["Front desk", "Bookings", "Guests", "Rooms", "Service requests"];
const hotelItems = [
  { key: "front-desk", label: "Front desk", href: "/front-desk", icon: "concierge-bell" },
  { key: "bookings", label: "Bookings", href: "/bookings", icon: "calendar-days" },
  { key: "guests", label: "Guests", href: "/guests", icon: "home" },
  { key: "rooms", label: "Rooms", href: "/rooms", icon: "bed-double" },
  { key: "requests", label: "Service requests", href: "/requests", icon: "life-buoy" },
];
// Owner's and manager's messaging items: the log after Team, credits and settings after Plan.
const messaging = ["billing", "credits", "marketplace", "templates", "notifications"];
const messagingLabels = ["Billing", "SMS credits", "Marketplace", "Message templates", "Notifications"];
const ownerTail = ["team", "messages", "plan", ...messaging, "menu-settings"];

// Only the session lookup is faked; everything behind it (tenant lookup, membership, RLS, services) is real.
const session = vi.hoisted(() => ({ principal: null as ApiPrincipal | null }));
vi.mock("@/lib/auth/api", () => ({
  authenticateApiRequest: async () => {
    if (!session.principal) throw new AppError("UNAUTHENTICATED", "Sign in to use this endpoint.");
    return session.principal;
  },
}));

const base = "http://localhost:3000/api/platform/nav";
const ctx = (tenantId: string) => ({ params: Promise.resolve({ tenantId }) });
const get = (tenantId: string, query = "") => GET(new Request(`${base}/${tenantId}${query}`), ctx(tenantId));
const post = (tenantId: string, body: unknown) =>
  POST(
    new Request(`${base}/${tenantId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    ctx(tenantId),
  );

type MenuBody = {
  tenantId: string;
  items: Array<{ key: string; label: string; href: string; icon: string }>;
};
type ErrorBody = { error: { code: string; message: string; field?: string } };

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe.each(testDatabaseKinds)("/api/platform/nav/{tenantId} on %s", (kind) => {
  let database: TestDatabase;
  let superAdmin: TestUser;
  let support: TestUser;
  let ownerA: TestUser;
  let staffA: TestUser;
  let ownerB: TestUser;
  let outsider: TestUser;
  let tenantA: string;
  let tenantB: string;
  let deleted: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    const db = database.db;
    await seedDefaultNav(db);
    [superAdmin, support, ownerA, staffA, ownerB, outsider] = await Promise.all(
      ["super", "support", "owner-a", "staff-a", "owner-b", "outsider"].map((n) =>
        createUser(db, { email: `${n}-${kind}@route.test` }),
      ),
    ).then((users) => users as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser]);
    await makePlatformUser(db, superAdmin.id, "super_admin");
    await makePlatformUser(db, support.id, "support_agent");
    tenantA = (await createTenant(db, { name: "Alpha" })).id;
    tenantB = (await createTenant(db, { name: "Bravo" })).id;
    deleted = (await createTenant(db, { name: "Gone", status: "deleted" })).id;
    await addMember(db, tenantA, ownerA.id, "owner");
    await addMember(db, tenantA, staffA.id, "staff");
    await addMember(db, tenantB, ownerB.id, "owner");
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    session.principal = null;
  });

  describe("GET", () => {
    test("401 without a session, before anything about the tenant is revealed", async () => {
      for (const id of [tenantA, "00000000-0000-4000-8000-000000000000"]) {
        const res = await get(id);
        expect(res.status).toBe(401);
        expect((await json<ErrorBody>(res)).error.code).toBe("UNAUTHENTICATED");
      }
    });

    test("a platform user sees the menu as the owner would", async () => {
      session.principal = testPrincipal(support, "support_agent");
      const res = await get(tenantA);
      expect(res.status).toBe(200);
      const body = await json<MenuBody>(res);
      expect(body.tenantId).toBe(tenantA);
      expect(body.items.map((i) => i.key)).toEqual(["dashboard", ...hotel, ...ownerTail]);
      expect(body.items[0]).toEqual({
        key: "dashboard",
        label: "Dashboard",
        href: "/",
        icon: "layout-dashboard",
      });
    });

    test.each([
      ["manager", ["dashboard", ...hotel, "team", "messages", "plan", ...messaging]],
      ["staff", ["dashboard", ...hotel]],
    ])("a platform user can preview ?role=%s", async (role, keys) => {
      session.principal = testPrincipal(superAdmin, "super_admin");
      const body = await json<MenuBody>(await get(tenantA, `?role=${role}`));
      expect(body.items.map((i) => i.key)).toEqual(keys);
    });

    test("an unknown preview role is a 400 naming `role`", async () => {
      session.principal = testPrincipal(superAdmin, "super_admin");
      const res = await get(tenantA, "?role=super_admin");
      expect(res.status).toBe(400);
      expect((await json<ErrorBody>(res)).error.field).toBe("role");
    });

    test("a member sees the menu of their own role, whatever they ask to preview", async () => {
      session.principal = testPrincipal(staffA);
      const body = await json<MenuBody>(await get(tenantA, "?role=owner"));
      expect(body.items.map((i) => i.key)).toEqual(["dashboard", ...hotel]);
      session.principal = testPrincipal(ownerA);
      expect((await json<MenuBody>(await get(tenantA))).items.map((i) => i.key)).toEqual([
        "dashboard",
        ...hotel,
        ...ownerTail,
      ]);
    });

    test.each([
      ["a member of A asking about B", () => testPrincipal(ownerA), () => tenantB],
      ["a signed-in user of no tenant", () => testPrincipal(outsider), () => tenantA],
      [
        "a platform user asking about a deleted tenant",
        () => testPrincipal(superAdmin, "super_admin"),
        () => deleted,
      ],
      [
        "a platform user asking about an unknown id",
        () => testPrincipal(superAdmin, "super_admin"),
        () => "00000000-0000-4000-8000-000000000000",
      ],
      [
        "a platform user asking about a malformed id",
        () => testPrincipal(superAdmin, "super_admin"),
        () => "grandview",
      ],
    ])("404 for %s", async (_name, principal, tenantId) => {
      session.principal = principal();
      const res = await get(tenantId());
      expect(res.status).toBe(404);
      expect(await json<ErrorBody>(res)).toEqual({
        error: { code: "NOT_FOUND", message: "No such tenant." },
      });
    });
  });

  describe("POST", () => {
    test("401 without a session", async () => {
      const res = await post(tenantA, { op: "remove", itemKey: "team" });
      expect(res.status).toBe(401);
    });

    test("404 for a member of another tenant; 403 for the tenant's own owner and for other platform roles", async () => {
      session.principal = testPrincipal(ownerB);
      expect((await post(tenantA, { op: "upsert", itemKey: "team", hidden: true })).status).toBe(404);
      session.principal = testPrincipal(ownerA);
      const owner = await post(tenantA, { op: "upsert", itemKey: "team", hidden: true });
      expect(owner.status).toBe(403);
      expect((await json<ErrorBody>(owner)).error.code).toBe("FORBIDDEN");
      session.principal = testPrincipal(support, "support_agent");
      expect((await post(tenantA, { op: "upsert", itemKey: "team", hidden: true })).status).toBe(403);
      expect(await listNavOverrides(database.db, { tenantId: tenantA })).toEqual([]);
    });

    test.each<[string, unknown, string | undefined, RegExp]>([
      ["a body that is not JSON", "{nope", undefined, /valid JSON/],
      ["no op", { itemKey: "team" }, "op", /op/],
      ["a label that is too long", { op: "upsert", itemKey: "team", label: "x".repeat(61) }, "label", /60/],
      ["a bad key", { op: "remove", itemKey: "Team!" }, "itemKey", /lowercase/],
      [
        "a console item",
        { op: "upsert", itemKey: "tenants", hidden: true },
        "itemKey",
        /not an item of the portal menu/,
      ],
      [
        "a replace entry for an unknown item",
        { op: "replace", overrides: [{ itemKey: "team", hidden: true }, { itemKey: "spa" }] },
        "overrides.1.itemKey",
        /"spa"/,
      ],
    ])("400 for %s, naming the field", async (_name, body, field, message) => {
      session.principal = testPrincipal(superAdmin, "super_admin");
      const res = await post(tenantA, body);
      expect(res.status).toBe(400);
      const { error } = await json<ErrorBody>(res);
      expect(error.code).toBe("INVALID");
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(await listNavOverrides(database.db, { tenantId: tenantA })).toEqual([]);
    });

    test("415 for a body that is not sent as JSON (what a cross-site form would post)", async () => {
      session.principal = testPrincipal(superAdmin, "super_admin");
      const res = await POST(
        new Request(`${base}/${tenantA}`, {
          method: "POST",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify({ op: "upsert", itemKey: "team", hidden: true }),
        }),
        ctx(tenantA),
      );
      expect(res.status).toBe(415);
      expect(await listNavOverrides(database.db, { tenantId: tenantA })).toEqual([]);
    });

    test("a super admin upserts, removes and replaces; each answer is the new menu", async () => {
      session.principal = testPrincipal(superAdmin, "super_admin");
      const hidden = await post(tenantA, { op: "upsert", itemKey: "team", hidden: true });
      expect(hidden.status).toBe(200);
      expect((await json<MenuBody>(hidden)).items.map((i) => i.key)).toEqual([
        "dashboard",
        ...hotel,
        "messages",
        "plan",
        ...messaging,
        "menu-settings",
      ]);

      const renamed = await json<MenuBody>(
        await post(tenantA, { op: "upsert", itemKey: "dashboard", label: "Home" }),
      );
      expect(renamed.items.map((i) => i.label)).toEqual([
        "Home",
        ...hotelLabels,
        "Messages",
        "Plan & usage",
        ...messagingLabels,
        "Menu settings",
      ]);

      const removed = await json<MenuBody>(await post(tenantA, { op: "remove", itemKey: "team" }));
      expect(removed.items.map((i) => i.label)).toEqual([
        "Home",
        ...hotelLabels,
        "Team",
        "Messages",
        "Plan & usage",
        ...messagingLabels,
        "Menu settings",
      ]);

      const replaced = await json<MenuBody>(
        await post(tenantA, {
          op: "replace",
          overrides: [{ itemKey: "menu-settings", sortOrder: 0, label: "Menu" }],
        }),
      );
      expect(replaced).toEqual({
        tenantId: tenantA,
        items: [
          { key: "menu-settings", label: "Menu", href: "/settings/menu", icon: "menu" },
          { key: "dashboard", label: "Dashboard", href: "/", icon: "layout-dashboard" },
          ...hotelItems,
          { key: "team", label: "Team", href: "/team", icon: "users" },
          { key: "messages", label: "Messages", href: "/messages", icon: "message-square" },
          { key: "plan", label: "Plan & usage", href: "/plan", icon: "credit-card" },
          { key: "billing", label: "Billing", href: "/billing", icon: "credit-card" },
          { key: "credits", label: "SMS credits", href: "/credits", icon: "coins" },
          { key: "marketplace", label: "Marketplace", href: "/marketplace", icon: "store" },
          {
            key: "templates",
            label: "Message templates",
            href: "/settings/templates",
            icon: "mail",
          },
          {
            key: "notifications",
            label: "Notifications",
            href: "/settings/notifications",
            icon: "bell",
          },
        ],
      });

      // The members' own view follows at once, and tenant B is untouched.
      session.principal = testPrincipal(ownerA);
      expect((await json<MenuBody>(await get(tenantA))).items[0]?.label).toBe("Menu");
      session.principal = testPrincipal(ownerB);
      expect((await json<MenuBody>(await get(tenantB))).items.map((i) => i.label)).toEqual([
        "Dashboard",
        ...hotelLabels,
        "Team",
        "Messages",
        "Plan & usage",
        ...messagingLabels,
        "Menu settings",
      ]);

      const [audit] = await database.db
        .select()
        .from(platformAuditStream)
        .where(eq(platformAuditStream.action, "nav.override.replace"))
        .orderBy(desc(platformAuditStream.id));
      expect(audit).toMatchObject({
        tenantId: tenantA,
        actorUserId: superAdmin.id,
        actorLabel: superAdmin.email,
      });
    });
  });
});
