import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformPlanChanges, platformPlans } from "@/db/schema";
import {
  countTenantsByPlan,
  getDefaultPlan,
  getPlanByCode,
  listPlans,
  listPlansPage,
  listPublicPlans,
} from "@/lib/plans/queries";
import { planInputSchema } from "@/lib/plans/schemas";
import {
  archivePlan,
  createPlan,
  deletePlan,
  setDefaultPlan,
  unarchivePlan,
  updatePlan,
} from "@/lib/plans/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import { appError, insertPlan, insertTenant, lastAudit, planInput } from "./helpers";

describe("plan input schema", () => {
  test.each([
    [{ code: "A" }, "code"],
    [{ code: "has space" }, "code"],
    [{ code: "x".repeat(41) }, "code"],
    [{ currency: "XYZ" }, "currency"],
    [{ monthlyPriceMinor: -1 }, "monthlyPriceMinor"],
    [{ yearlyPriceMinor: 49.9 }, "yearlyPriceMinor"],
    [{ limits: { rooms: -1 } }, "limits"],
    [{ limits: { beds: 3 } as never }, "limits"],
    [{ features: ["Bad Key"] }, "features"],
    [{ features: ["a", "a"] }, "features"],
    [{ trialDays: 91 }, "trialDays"],
  ])("%j is refused on %s", (overrides, field) => {
    const result = planInputSchema.safeParse(planInput(overrides));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  test("normalises the currency and leaves absent limits unlimited", () => {
    const parsed = planInputSchema.parse(planInput({ currency: "eur", limits: { rooms: 20 } }));
    expect(parsed.currency).toBe("EUR");
    expect(parsed.limits).toEqual({ rooms: 20 });
  });
});

describe.each(testDatabaseKinds)("plan services on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    admin = await createUser(database.db, { email: `plans-${kind}@hearth.test` });
  });
  afterAll(() => database.drop());

  test("create, update, archive, unarchive are audited; archived plans leave the public list", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const plan = await createPlan(db, {
      input: planInput({ code: "crud", name: "Crud", limits: { rooms: 10 }, features: ["analytics"] }),
      actor,
    });
    expect(plan).toMatchObject({
      code: "crud",
      limits: { rooms: 10 },
      features: ["analytics"],
      isDefault: false,
    });
    expect((await lastAudit(db, "plan.create", plan.id))?.actorUserId).toBe(admin.id);

    const updated = await updatePlan(db, {
      input: { id: plan.id, name: "Crud Plus", monthlyPriceMinor: 5900 },
      actor,
    });
    expect(updated).toMatchObject({ name: "Crud Plus", monthlyPriceMinor: 5900, limits: { rooms: 10 } });
    const audit = await lastAudit(db, "plan.update", plan.id);
    expect(audit?.summary).toMatchObject({ before: { name: "Crud" }, after: { name: "Crud Plus" } });

    await archivePlan(db, { id: plan.id, actor });
    expect((await getPlanByCode(db, "crud"))?.isActive).toBe(false);
    expect((await listPlans(db)).map((p) => p.code)).not.toContain("crud");
    expect((await listPlans(db, { includeArchived: true })).map((p) => p.code)).toContain("crud");
    expect((await listPublicPlans(db, { currency: "USD" })).map((p) => p.code)).not.toContain("crud");
    expect(await lastAudit(db, "plan.archive", plan.id)).toBeDefined();

    await unarchivePlan(db, { id: plan.id, actor });
    expect((await getPlanByCode(db, "crud"))?.isActive).toBe(true);
    expect(await lastAudit(db, "plan.unarchive", plan.id)).toBeDefined();
  });

  test("a duplicate code is a CONFLICT on the code field, on create and on rename", async () => {
    const db = database.db;
    const actor = testActor(admin);
    await createPlan(db, { input: planInput({ code: "taken" }), actor });
    const onCreate = await appError(createPlan(db, { input: planInput({ code: "taken" }), actor }));
    expect(onCreate).toMatchObject({ code: "CONFLICT", field: "code" });
    expect(onCreate.message).toContain('"taken"');
    const other = await createPlan(db, { input: planInput({ code: "other" }), actor });
    const onRename = await appError(updatePlan(db, { input: { id: other.id, code: "taken" }, actor }));
    expect(onRename).toMatchObject({ code: "CONFLICT", field: "code" });
  });

  test("a plan in use can be archived but not deleted; its currency cannot change", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const plan = await createPlan(db, { input: planInput({ code: "in-use", name: "In Use" }), actor });
    await insertTenant(db, { planId: plan.id });
    await insertTenant(db, { planId: plan.id, status: "deleted", deletedAt: new Date() });

    const refused = await appError(deletePlan(db, { id: plan.id, actor }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("Plan in-use is used by 2 tenants; archive it instead.");
    const currency = await appError(updatePlan(db, { input: { id: plan.id, currency: "EUR" }, actor }));
    expect(currency).toMatchObject({ code: "CONFLICT", field: "currency" });

    await archivePlan(db, { id: plan.id, actor });
    expect((await getPlanByCode(db, "in-use"))?.isActive).toBe(false);
    // Only the live tenant counts as "using" it in the console.
    expect((await countTenantsByPlan(db)).get(plan.id)).toBe(1);
    expect((await countTenantsByPlan(db, { includeDeleted: true })).get(plan.id)).toBe(2);
  });

  test("a plan that only appears in plan history cannot be deleted either", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const old = await createPlan(db, { input: planInput(), actor });
    const current = await insertPlan(db);
    const tenant = await insertTenant(db, { planId: current.id });
    await db.insert(platformPlanChanges).values({
      tenantId: tenant.id,
      fromPlanId: old.id,
      toPlanId: current.id,
      fromInterval: "monthly",
      toInterval: "monthly",
      effectiveAt: new Date(),
      currency: "USD",
    });
    const refused = await appError(deletePlan(db, { id: old.id, actor }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("archive it instead");
  });

  test("an unused plan is deleted, with an audit row holding what it was", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const plan = await createPlan(db, { input: planInput({ code: "short-lived" }), actor });
    await deletePlan(db, { id: plan.id, actor });
    expect(await getPlanByCode(db, "short-lived")).toBeNull();
    expect((await lastAudit(db, "plan.delete", plan.id))?.summary).toMatchObject({
      before: { code: "short-lived" },
    });
    const gone = await appError(deletePlan(db, { id: plan.id, actor }));
    expect(gone.code).toBe("NOT_FOUND");
  });

  test("the default plan switches atomically, must be active and public, and is protected", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const first = await createPlan(db, { input: planInput({ code: "default-a", name: "A" }), actor });
    const second = await createPlan(db, { input: planInput({ code: "default-b", name: "B" }), actor });
    const hidden = await createPlan(db, { input: planInput({ code: "hidden", isPublic: false }), actor });
    const archived = await createPlan(db, { input: planInput({ code: "gone", isActive: false }), actor });

    await setDefaultPlan(db, { id: first.id, actor });
    expect((await getDefaultPlan(db))?.code).toBe("default-a");
    await setDefaultPlan(db, { id: second.id, actor });
    expect((await getDefaultPlan(db))?.code).toBe("default-b");
    const defaults = await db.select().from(platformPlans).where(eq(platformPlans.isDefault, true));
    expect(defaults.map((p) => p.code)).toEqual(["default-b"]);
    expect((await lastAudit(db, "plan.set_default", second.id))?.summary).toMatchObject({
      code: "default-b",
      previous: "default-a",
    });

    expect((await appError(setDefaultPlan(db, { id: hidden.id, actor }))).message).toContain("private");
    expect((await appError(setDefaultPlan(db, { id: archived.id, actor }))).message).toContain("archived");
    // Thunks, run one at a time: a rejection must never sit unobserved while another is awaited.
    for (const attempt of [
      () => archivePlan(db, { id: second.id, actor }),
      () => deletePlan(db, { id: second.id, actor }),
      () => updatePlan(db, { input: { id: second.id, isPublic: false }, actor }),
    ]) {
      const error = await appError(attempt());
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toContain("default plan");
    }
  });

  test("the console page lists plans with live tenant counts, filtered and sorted in SQL", async () => {
    const db = database.db;
    const busy = await insertPlan(db, { code: "page-busy", name: "Busy", monthlyPriceMinor: 100 });
    await insertPlan(db, { code: "page-idle", name: "Idle", monthlyPriceMinor: 200, isActive: false });
    await insertTenant(db, { planId: busy.id });
    await insertTenant(db, { planId: busy.id });

    const page = await listPlansPage(db, {
      q: "page-",
      sort: { id: "tenants", desc: true },
      limit: 10,
      offset: 0,
    });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.code, r.tenants])).toEqual([
      ["page-busy", 2],
      ["page-idle", 0],
    ]);
    const archivedOnly = await listPlansPage(db, {
      q: "page-",
      status: "archived",
      sort: { id: "code", desc: false },
      limit: 10,
      offset: 0,
    });
    expect(archivedOnly.rows.map((r) => r.code)).toEqual(["page-idle"]);
  });
});
