import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { platformBillingAdjustments, platformPlanChanges, platformTenants } from "@/db/schema";
import { changeTenantPlan, previewPlanChange } from "@/lib/plans/change-plan";
import { listPendingAdjustments, listPlanChanges } from "@/lib/plans/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import { appError, insertPlan, insertTenant, lastAudit, type PlanRow } from "./helpers";

const sent = vi.hoisted(() => ({ events: [] as unknown[] }));
vi.mock("@/lib/jobs/send-event", () => ({
  sendEvent: async (event: unknown) => {
    sent.events.push(event);
    return { ids: ["test"] };
  },
}));

const APRIL = {
  currentPeriodStart: new Date("2026-04-01T00:00:00Z"),
  currentPeriodEnd: new Date("2026-05-01T00:00:00Z"),
};
const AT = new Date("2026-04-19T15:42:00Z");

describe.each(testDatabaseKinds)("plan changes on %s", (kind) => {
  let database: TestDatabase;
  let owner: TestUser;
  let starter: PlanRow;
  let professional: PlanRow;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    owner = await createUser(db, { email: `owner-${kind}@hotel.test` });
    starter = await insertPlan(db, {
      code: "starter",
      name: "Starter",
      monthlyPriceMinor: 4900,
      yearlyPriceMinor: 49000,
      limits: { rooms: 20, staff_seats: 2 },
    });
    professional = await insertPlan(db, {
      code: "professional",
      name: "Professional",
      monthlyPriceMinor: 14900,
      yearlyPriceMinor: 149000,
      limits: { rooms: 120, staff_seats: 25 },
    });
    await insertPlan(db, { code: "retired", name: "Retired", isActive: false });
    await insertPlan(db, { code: "euro", name: "Euro", currency: "EUR" });
    await insertPlan(db, { code: "unlisted", name: "Unlisted", isPublic: false, monthlyPriceMinor: 1000 });
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    sent.events.length = 0;
  });

  const starterTenant = (extra: Partial<typeof platformTenants.$inferInsert> = {}) =>
    insertTenant(database.db, { planId: starter.id, billingInterval: "monthly", ...APRIL, ...extra });

  test("mid-period upgrade: preview, then plan change + adjustments + tenant + audit + event", async () => {
    const db = database.db;
    const tenant = await starterTenant();
    const request = {
      tenantId: tenant.id,
      toPlanCode: "professional",
      toInterval: "monthly" as const,
      at: AT,
    };

    const preview = await previewPlanChange(db, request);
    expect(preview).toMatchObject({
      prorated: true,
      creditMinor: 1960,
      chargeMinor: 5960,
      netMinor: 4000,
      daysRemaining: 12,
      daysInPeriod: 30,
      blockedBy: [],
      newPeriod: { start: APRIL.currentPeriodStart, end: APRIL.currentPeriodEnd },
    });
    expect(preview.lines).toEqual([
      { kind: "proration_credit", description: "Unused time on Starter (12 of 30 days)", amountMinor: -1960 },
      {
        kind: "proration_charge",
        description: "Remaining time on Professional (12 of 30 days)",
        amountMinor: 5960,
      },
    ]);
    // A preview writes nothing.
    expect(await listPlanChanges(db, tenant.id)).toEqual([]);

    const result = await changeTenantPlan(db, { ...request, actor: testActor(owner) });
    expect(result.tenant).toMatchObject({ planId: professional.id, billingInterval: "monthly", ...APRIL });

    const [change] = await listPlanChanges(db, tenant.id);
    expect(change).toMatchObject({
      fromPlanId: starter.id,
      toPlanId: professional.id,
      fromInterval: "monthly",
      toInterval: "monthly",
      effectiveAt: AT,
      creditMinor: 1960,
      chargeMinor: 5960,
      currency: "USD",
      actorUserId: owner.id,
    });
    const pending = await listPendingAdjustments(db, tenant.id);
    expect(pending.map((a) => [a.kind, a.amountMinor, a.description, a.planChangeId])).toEqual([
      ["proration_credit", -1960, "Unused time on Starter (12 of 30 days)", change?.id],
      ["proration_charge", 5960, "Remaining time on Professional (12 of 30 days)", change?.id],
    ]);
    const audit = await lastAudit(db, "tenant.plan.change", tenant.id);
    expect(audit).toMatchObject({ tenantId: tenant.id, actorUserId: owner.id });
    expect(audit?.summary).toMatchObject({
      before: { plan: "starter", interval: "monthly" },
      after: { plan: "professional", interval: "monthly" },
      creditMinor: 1960,
      chargeMinor: 5960,
      netMinor: 4000,
    });
    expect(sent.events).toEqual([
      {
        name: "tenant/plan.changed",
        id: `tenant-plan-changed-${change?.id}`,
        data: { tenantId: tenant.id, fromPlanId: starter.id, toPlanId: professional.id, interval: "monthly" },
      },
    ]);
  });

  test("monthly → yearly starts a new yearly period on the day of the change", async () => {
    const db = database.db;
    const tenant = await starterTenant();
    const result = await changeTenantPlan(db, {
      tenantId: tenant.id,
      toPlanCode: "professional",
      toInterval: "yearly",
      at: AT,
      actor: testActor(owner),
    });
    expect(result.tenant).toMatchObject({
      billingInterval: "yearly",
      currentPeriodStart: new Date("2026-04-19T00:00:00Z"),
      currentPeriodEnd: new Date("2027-04-19T00:00:00Z"),
    });
    expect(result.adjustments.map((a) => [a.amountMinor, a.description])).toEqual([
      [-1960, "Unused time on Starter, monthly (12 of 30 days)"],
      [149000, "Professional, yearly, 19 Apr 2026 – 19 Apr 2027"],
    ]);
  });

  test("a downgrade that would break limits is refused, naming each limit, and writes nothing", async () => {
    const db = database.db;
    const tenant = await insertTenant(db, { planId: professional.id, ...APRIL });
    for (const role of ["owner", "manager", "staff"] as const) {
      const user = await createUser(db);
      await addMember(db, tenant.id, user.id, role);
    }
    const request = { tenantId: tenant.id, toPlanCode: "starter", toInterval: "monthly" as const, at: AT };

    const preview = await previewPlanChange(db, request);
    expect(preview.blockedBy).toEqual([{ limit: "staff_seats", label: "Staff seats", used: 3, newLimit: 2 }]);

    const error = await appError(changeTenantPlan(db, { ...request, actor: testActor(owner) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "You cannot move to Starter yet: you have 3 staff seats and it allows 2. Reduce your usage first.",
    );
    expect(await listPlanChanges(db, tenant.id)).toEqual([]);
    expect(await listPendingAdjustments(db, tenant.id)).toEqual([]);
    const [after] = await db.select().from(platformTenants).where(eq(platformTenants.id, tenant.id));
    expect(after?.planId).toBe(professional.id);
    expect(sent.events).toEqual([]);
  });

  test("a downgrade within limits credits more than it charges", async () => {
    const db = database.db;
    const tenant = await insertTenant(db, { planId: professional.id, ...APRIL });
    const result = await changeTenantPlan(db, {
      tenantId: tenant.id,
      toPlanCode: "starter",
      toInterval: "monthly",
      at: AT,
      actor: testActor(owner),
    });
    expect(result.preview.netMinor).toBe(-4000);
    expect(result.adjustments.map((a) => a.amountMinor)).toEqual([-5960, 1960]);
  });

  test.each([
    ["an archived plan", "retired", "monthly", "CONFLICT", "no longer offered"],
    ["a plan in another currency", "euro", "monthly", "CONFLICT", "priced in EUR"],
    ["the current plan and interval", "starter", "monthly", "INVALID", "already on Starter"],
    ["a private plan", "unlisted", "monthly", "NOT_FOUND", 'no plan "unlisted"'],
    ["an unknown plan", "nope", "monthly", "NOT_FOUND", 'no plan "nope"'],
  ] as const)("refuses %s", async (_name, toPlanCode, toInterval, code, message) => {
    const db = database.db;
    const tenant = await starterTenant();
    const error = await appError(
      changeTenantPlan(db, { tenantId: tenant.id, toPlanCode, toInterval, at: AT, actor: testActor(owner) }),
    );
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.field).toBe("toPlanCode");
  });

  test("an admin may move a tenant onto a private plan", async () => {
    const db = database.db;
    const tenant = await starterTenant();
    const result = await changeTenantPlan(db, {
      tenantId: tenant.id,
      toPlanCode: "unlisted",
      toInterval: "monthly",
      at: AT,
      allowPrivate: true,
      actor: testActor(owner),
    });
    expect(result.tenant.planId).not.toBe(starter.id);
  });

  test("a deleted tenant cannot change plan", async () => {
    const tenant = await starterTenant({ status: "deleted", deletedAt: new Date() });
    const error = await appError(
      changeTenantPlan(database.db, {
        tenantId: tenant.id,
        toPlanCode: "professional",
        toInterval: "monthly",
        actor: testActor(owner),
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  test("during a trial nothing is prorated: the plan changes, the period stays", async () => {
    const db = database.db;
    const tenant = await starterTenant({ status: "trial", currentPeriodStart: null, currentPeriodEnd: null });
    const result = await changeTenantPlan(db, {
      tenantId: tenant.id,
      toPlanCode: "professional",
      toInterval: "yearly",
      at: AT,
      actor: testActor(owner),
    });
    expect(result.preview).toMatchObject({ prorated: false, creditMinor: 0, chargeMinor: 0, lines: [] });
    expect(result.preview.notProratedReason).toContain("trial");
    expect(result.tenant).toMatchObject({
      planId: professional.id,
      billingInterval: "yearly",
      currentPeriodStart: null,
    });
    expect(result.adjustments).toEqual([]);
    expect(await listPlanChanges(db, tenant.id)).toHaveLength(1);
  });

  test("two simultaneous identical changes: one applies, the other finds nothing to change", async () => {
    const db = database.db;
    const tenant = await starterTenant();
    const change = () =>
      changeTenantPlan(db, {
        tenantId: tenant.id,
        toPlanCode: "professional",
        toInterval: "monthly",
        at: AT,
        actor: testActor(owner),
      });
    const results = await Promise.allSettled([change(), change()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await listPlanChanges(db, tenant.id)).toHaveLength(1);
    expect(await listPendingAdjustments(db, tenant.id)).toHaveLength(2);
  });

  test("cross-tenant: A's adjustments are invisible and unwritable through withTenant(B)", async () => {
    const db = database.db;
    const a = await starterTenant();
    const b = await starterTenant();
    await changeTenantPlan(db, {
      tenantId: a.id,
      toPlanCode: "professional",
      toInterval: "monthly",
      at: AT,
      actor: testActor(owner),
    });
    expect(await listPendingAdjustments(db, a.id)).toHaveLength(2);
    // Even queries that forget their tenant filter see only B's rows.
    const seenFromB = await withTenant(db, b.id, async (tx) => ({
      adjustments: await tx.select().from(platformBillingAdjustments),
      changes: await tx.select().from(platformPlanChanges),
    }));
    expect(seenFromB).toEqual({ adjustments: [], changes: [] });
    expect(await listPendingAdjustments(db, b.id)).toEqual([]);
    // Nor can B's scope write a row for A (RLS WITH CHECK), or change A's rows.
    await expect(
      withTenant(db, b.id, (tx) =>
        tx.insert(platformBillingAdjustments).values({
          tenantId: a.id,
          kind: "manual",
          description: "sneaky credit",
          amountMinor: -100000,
          currency: "USD",
        }),
      ),
    ).rejects.toThrow();
    const touched = await withTenant(db, b.id, (tx) =>
      tx
        .update(platformBillingAdjustments)
        .set({ amountMinor: 0 })
        .where(eq(platformBillingAdjustments.tenantId, a.id))
        .returning(),
    );
    expect(touched).toEqual([]);
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(platformBillingAdjustments)
      .where(eq(platformBillingAdjustments.tenantId, a.id));
    expect(n).toBe(2);
  });
});
