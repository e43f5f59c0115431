import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformNavItems, tenantNavOverrides } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { listNavItems, listNavOverrides } from "@/lib/nav/queries";
import { seedDefaultNav } from "@/lib/nav/seed";
import {
  createNavItem,
  deleteNavItem,
  removeNavOverride,
  replaceNavOverrides,
  updateNavItem,
  upsertNavOverride,
} from "@/lib/nav/service";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDatabaseKinds)("nav services on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDefaultNav(database.db);
    admin = await createUser(database.db, { email: `admin-${kind}@hearth.test`, name: "Ada Admin" });
    tenantA = (await createTenant(database.db, { name: "Alpha" })).id;
    tenantB = (await createTenant(database.db, { name: "Bravo" })).id;
  });
  afterAll(() => database.drop());

  async function lastAudit(action: string) {
    const [row] = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.action, action))
      .orderBy(desc(platformAuditStream.id))
      .limit(1);
    return row;
  }

  describe("platform items", () => {
    test("create, update and delete are each audited with before/after", async () => {
      const db = database.db;
      const actor = testActor(admin);
      const created = await createNavItem(db, {
        input: {
          scope: "portal",
          key: "wellness",
          label: "Wellness",
          href: "/wellness",
          icon: "bed-double",
          sortOrder: 30,
        },
        actor,
      });
      expect(created).toMatchObject({ scope: "portal", key: "wellness", roles: [], isActive: true });
      const createdAudit = await lastAudit("nav.item.create");
      expect(createdAudit).toMatchObject({
        actorUserId: admin.id,
        actorLabel: admin.email,
        targetType: "nav_item",
        targetId: "portal:wellness",
        tenantId: null,
      });
      expect(createdAudit?.summary.after).toMatchObject({
        key: "wellness",
        label: "Wellness",
        href: "/wellness",
      });

      await updateNavItem(db, {
        input: { scope: "portal", key: "wellness", label: "Wellness & spa" },
        actor,
      });
      const updatedAudit = await lastAudit("nav.item.update");
      expect(updatedAudit?.summary.before).toMatchObject({ label: "Wellness" });
      expect(updatedAudit?.summary.after).toMatchObject({ label: "Wellness & spa", href: "/wellness" });

      await deleteNavItem(db, { scope: "portal", key: "wellness", actor });
      expect(await lastAudit("nav.item.delete")).toMatchObject({ targetId: "portal:wellness" });
      expect((await listNavItems(db, { scope: "portal" })).map((i) => i.key)).not.toContain("wellness");
    });

    test("an update that changes nothing writes nothing", async () => {
      const before = await database.db.select().from(platformAuditStream);
      await updateNavItem(database.db, { input: { scope: "portal", key: "team" }, actor: testActor(admin) });
      expect(await database.db.select().from(platformAuditStream)).toHaveLength(before.length);
    });

    test("a duplicate key in the same scope is a conflict on `key`; the other scope is fine", async () => {
      const actor = testActor(admin);
      const error = await appError(
        createNavItem(database.db, {
          input: { scope: "portal", key: "team", label: "Team 2", href: "/team2" },
          actor,
        }),
      );
      expect(error).toMatchObject({ code: "CONFLICT", field: "key" });
      await createNavItem(database.db, {
        input: { scope: "console", key: "team", label: "Team", href: "/platform/team" },
        actor,
      });
      await deleteNavItem(database.db, { scope: "console", key: "team", actor });
    });

    test.each<[string, { parentKey: string }, RegExp]>([
      ["a parent that does not exist", { parentKey: "nope" }, /not an item of the portal menu/],
      ["a parent in the other scope", { parentKey: "overview" }, /not an item of the portal menu/],
    ])("placement: %s is refused on parentKey", async (_name, patch, message) => {
      const error = await appError(
        createNavItem(database.db, {
          input: { scope: "portal", key: "child", label: "Child", href: "/child", ...patch },
          actor: testActor(admin),
        }),
      );
      expect(error).toMatchObject({ code: "INVALID", field: "parentKey" });
      expect(error.message).toMatch(message);
    });

    test("one level of children: no grandchildren, and a parent cannot move under another", async () => {
      const db = database.db;
      const actor = testActor(admin);
      await createNavItem(db, {
        input: { scope: "portal", key: "settings", label: "Settings", href: "/settings" },
        actor,
      });
      await createNavItem(db, {
        input: {
          scope: "portal",
          key: "accounts",
          label: "Billing",
          href: "/settings/billing",
          parentKey: "settings",
        },
        actor,
      });
      const deeper = await appError(
        createNavItem(db, {
          input: {
            scope: "portal",
            key: "invoices",
            label: "Invoices",
            href: "/invoices",
            parentKey: "accounts",
          },
          actor,
        }),
      );
      expect(deeper).toMatchObject({ code: "INVALID", field: "parentKey" });
      const moved = await appError(
        updateNavItem(db, { input: { scope: "portal", key: "settings", parentKey: "dashboard" }, actor }),
      );
      expect(moved.message).toMatch(/has items of its own/);

      // Deleting a parent with children is refused rather than orphaning them.
      const refused = await appError(deleteNavItem(db, { scope: "portal", key: "settings", actor }));
      expect(refused).toMatchObject({ code: "CONFLICT" });
      expect(refused.message).toMatch(/accounts/);
      await deleteNavItem(db, { scope: "portal", key: "accounts", actor });
      await deleteNavItem(db, { scope: "portal", key: "settings", actor });
    });

    test("unknown items answer NOT_FOUND", async () => {
      const actor = testActor(admin);
      expect(
        await appError(
          updateNavItem(database.db, { input: { scope: "portal", key: "ghost", label: "G" }, actor }),
        ),
      ).toMatchObject({
        code: "NOT_FOUND",
      });
      expect(
        await appError(deleteNavItem(database.db, { scope: "console", key: "ghost", actor })),
      ).toMatchObject({
        code: "NOT_FOUND",
      });
    });

    test("a failed change leaves neither the row nor an audit entry", async () => {
      const before = await database.db.select().from(platformAuditStream);
      await appError(
        createNavItem(database.db, {
          input: { scope: "portal", key: "x", label: "X", href: "/x", parentKey: "missing" },
          actor: testActor(admin),
        }),
      );
      expect(await database.db.select().from(platformAuditStream)).toHaveLength(before.length);
      expect(
        await database.db
          .select()
          .from(platformNavItems)
          .where(and(eq(platformNavItems.scope, "portal"), eq(platformNavItems.key, "x"))),
      ).toEqual([]);
    });
  });

  describe("tenant overrides", () => {
    test("upsert keeps omitted fields, and is audited against the tenant", async () => {
      const db = database.db;
      const actor = testActor(admin);
      await upsertNavOverride(db, { tenantId: tenantA, input: { itemKey: "team", label: "Crew" }, actor });
      await upsertNavOverride(db, { tenantId: tenantA, input: { itemKey: "team", sortOrder: 5 }, actor });
      const [row] = await listNavOverrides(db, { tenantId: tenantA });
      expect(row).toMatchObject({ itemKey: "team", hidden: false, label: "Crew", sortOrder: 5 });
      const audit = await lastAudit("nav.override.upsert");
      expect(audit).toMatchObject({
        tenantId: tenantA,
        targetType: "nav_override",
        targetId: "team",
        actorUserId: admin.id,
      });
      expect(audit?.summary).toMatchObject({
        before: { itemKey: "team", label: "Crew", sortOrder: null },
        after: { itemKey: "team", label: "Crew", sortOrder: 5 },
      });
      // A null label clears the rename.
      await upsertNavOverride(db, { tenantId: tenantA, input: { itemKey: "team", label: null }, actor });
      expect((await listNavOverrides(db, { tenantId: tenantA }))[0]).toMatchObject({
        label: null,
        sortOrder: 5,
      });
    });

    test("remove deletes one override and audits it; removing nothing is a quiet no-op", async () => {
      const db = database.db;
      const actor = testActor(admin);
      expect(await removeNavOverride(db, { tenantId: tenantA, itemKey: "team", actor })).toBe(true);
      expect(await lastAudit("nav.override.remove")).toMatchObject({ tenantId: tenantA, targetId: "team" });
      const count = (await database.db.select().from(platformAuditStream)).length;
      expect(await removeNavOverride(db, { tenantId: tenantA, itemKey: "team", actor })).toBe(false);
      expect(await database.db.select().from(platformAuditStream)).toHaveLength(count);
    });

    test("replace makes the set exact, drops entries that change nothing, and audits before/after", async () => {
      const db = database.db;
      const actor = testActor(admin);
      await upsertNavOverride(db, {
        tenantId: tenantA,
        input: { itemKey: "dashboard", label: "Home" },
        actor,
      });
      await replaceNavOverrides(db, {
        tenantId: tenantA,
        overrides: [
          { itemKey: "team", hidden: true },
          { itemKey: "dashboard", hidden: false, label: "", sortOrder: null },
          { itemKey: "menu-settings", sortOrder: 1 },
        ],
        actor,
      });
      const rows = await listNavOverrides(db, { tenantId: tenantA });
      expect(rows.map((r) => [r.itemKey, r.hidden, r.label, r.sortOrder])).toEqual([
        ["menu-settings", false, null, 1],
        ["team", true, null, null],
      ]);
      const audit = await lastAudit("nav.override.replace");
      expect(audit?.tenantId).toBe(tenantA);
      expect(audit?.summary.before).toEqual([
        { itemKey: "dashboard", hidden: false, label: "Home", sortOrder: null },
      ]);
      expect(audit?.summary.after).toHaveLength(2);
      await replaceNavOverrides(db, { tenantId: tenantA, overrides: [], actor });
      expect(await listNavOverrides(db, { tenantId: tenantA })).toEqual([]);
    });

    test.each<[string, () => Promise<unknown>, string]>([
      [
        "upsert of a console key",
        () =>
          upsertNavOverride(database.db, {
            tenantId: tenantA,
            input: { itemKey: "tenants", hidden: true },
            actor: testActor(admin),
          }),
        "itemKey",
      ],
      [
        "upsert of an unknown key",
        () =>
          upsertNavOverride(database.db, {
            tenantId: tenantA,
            input: { itemKey: "spa", hidden: true },
            actor: testActor(admin),
          }),
        "itemKey",
      ],
      [
        "replace naming a console key",
        () =>
          replaceNavOverrides(database.db, {
            tenantId: tenantA,
            overrides: [
              { itemKey: "team", hidden: true },
              { itemKey: "audit", hidden: true },
            ],
            actor: testActor(admin),
          }),
        "overrides.1.itemKey",
      ],
    ])("%s is INVALID naming the field, and changes nothing", async (_name, run, field) => {
      const before = await listNavOverrides(database.db, { tenantId: tenantA });
      expect(await appError(run())).toMatchObject({ code: "INVALID", field });
      expect(await listNavOverrides(database.db, { tenantId: tenantA })).toEqual(before);
    });

    test("unknown and deleted tenants answer NOT_FOUND", async () => {
      const gone = await createTenant(database.db, { status: "deleted" });
      for (const tenantId of [gone.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
        expect(
          await appError(
            upsertNavOverride(database.db, {
              tenantId,
              input: { itemKey: "team", hidden: true },
              actor: testActor(admin),
            }),
          ),
        ).toMatchObject({ code: "NOT_FOUND" });
      }
    });
  });

  describe("isolation between tenants", () => {
    test("A's overrides are never visible to B, and B's writes never touch A", async () => {
      const db = database.db;
      const actor = testActor(admin);
      await upsertNavOverride(db, { tenantId: tenantA, input: { itemKey: "team", label: "A-team" }, actor });
      await upsertNavOverride(db, { tenantId: tenantB, input: { itemKey: "team", label: "B-team" }, actor });
      expect((await listNavOverrides(db, { tenantId: tenantA })).map((r) => r.label)).toEqual(["A-team"]);
      expect((await listNavOverrides(db, { tenantId: tenantB })).map((r) => r.label)).toEqual(["B-team"]);

      await replaceNavOverrides(db, { tenantId: tenantB, overrides: [], actor });
      await removeNavOverride(db, { tenantId: tenantB, itemKey: "team", actor });
      expect((await listNavOverrides(db, { tenantId: tenantA })).map((r) => r.label)).toEqual(["A-team"]);
    });

    test("inside A's scope, B's rows are invisible and cannot be written", async () => {
      const db = database.db;
      await upsertNavOverride(db, {
        tenantId: tenantB,
        input: { itemKey: "dashboard", hidden: true },
        actor: testActor(admin),
      });
      const seenFromA = await withTenant(db, tenantA, (tx) => tx.select().from(tenantNavOverrides));
      expect(seenFromA.every((r) => r.tenantId === tenantA)).toBe(true);
      expect(seenFromA.length).toBeGreaterThan(0);

      // Writing a row carrying B's tenant id through A's binding: refused by row-level security.
      await expect(
        withTenant(db, tenantA, (tx) =>
          tx.insert(tenantNavOverrides).values({ tenantId: tenantB, itemKey: "team", hidden: true }),
        ),
      ).rejects.toThrow();
      // Updates and deletes aimed at B from A's binding find nothing to change.
      await withTenant(db, tenantA, async (tx) => {
        await tx
          .update(tenantNavOverrides)
          .set({ label: "Hijacked" })
          .where(eq(tenantNavOverrides.tenantId, tenantB));
        await tx.delete(tenantNavOverrides).where(eq(tenantNavOverrides.tenantId, tenantB));
      });
      const bRows = await listNavOverrides(db, { tenantId: tenantB });
      expect(bRows.map((r) => [r.itemKey, r.hidden, r.label])).toEqual([["dashboard", true, null]]);
    });
  });
});
