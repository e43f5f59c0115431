import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/db/connect";
import { platformTenants, tenantMembers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  assertWithinLimit,
  getLimitCounter,
  type LimitCounter,
  limitUpgradeHint,
  registerLimitCounter,
} from "@/lib/plans/limits";
import { getLimitUsage } from "@/lib/plans/usage";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createUser } from "@/tests/helpers/fixtures";
import { appError, insertPlan, insertTenant } from "./helpers";

/**
 * A governed operation as a module would write it: lock the tenant (so concurrent adds queue),
 * check the limit, then add. Issue 4's member invitations follow this shape.
 */
async function addStaffMember(db: Db, tenantId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [tenant] = await tx
      .select()
      .from(platformTenants)
      .where(eq(platformTenants.id, tenantId))
      .for("update");
    if (!tenant) throw new Error("no tenant");
    await assertWithinLimit(tx, tenant, "staff_seats");
    await tx.insert(tenantMembers).values({ tenantId, userId, role: "staff" });
  });
}

describe("limitUpgradeHint", () => {
  test("reads the hint of a LIMIT_REACHED error and nothing else", () => {
    const hint = { limit: "rooms", current: 20, max: 20, suggestedPlanCode: "professional" };
    expect(limitUpgradeHint(new AppError("LIMIT_REACHED", "x", { details: hint }))).toEqual(hint);
    expect(limitUpgradeHint(new AppError("CONFLICT", "x", { details: hint }))).toBeNull();
    expect(limitUpgradeHint(new Error("x"))).toBeNull();
  });
});

describe.each(testDatabaseKinds)("plan limits on %s", (kind) => {
  let database: TestDatabase;
  // The demo catalogue's shape: each plan allows more, one private plan that is never suggested.
  let starter: { id: string };
  let professional: { id: string };
  const savedRooms = getLimitCounter("rooms");

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    starter = await insertPlan(db, {
      code: "starter",
      name: "Starter",
      monthlyPriceMinor: 4900,
      limits: { rooms: 20, staff_seats: 2, storage_mb: 1024 },
    });
    professional = await insertPlan(db, {
      code: "professional",
      name: "Professional",
      monthlyPriceMinor: 14900,
      limits: { rooms: 120, staff_seats: 25, storage_mb: 10240 },
    });
    await insertPlan(db, {
      code: "enterprise",
      name: "Enterprise",
      monthlyPriceMinor: 49900,
      limits: { rooms: 2000, storage_mb: 102400 },
    });
    await insertPlan(db, {
      code: "secret-deal",
      name: "Secret deal",
      monthlyPriceMinor: 100,
      limits: { rooms: 5000 },
      isPublic: false,
    });
    await insertPlan(db, {
      code: "euro-big",
      name: "Euro Big",
      currency: "EUR",
      monthlyPriceMinor: 100,
      limits: { rooms: 5000 },
    });
  });
  afterAll(() => database.drop());
  afterEach(() => {
    if (savedRooms) registerLimitCounter("rooms", savedRooms);
  });

  test("staff seats: adding a member past the limit is refused with the upgrade path", async () => {
    const db = database.db;
    const tenant = await insertTenant(db, { planId: starter.id });
    const [a, b, c] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
    if (!a || !b || !c) throw new Error("users");
    await addStaffMember(db, tenant.id, a.id);
    await addStaffMember(db, tenant.id, b.id);

    const error = await appError(addStaffMember(db, tenant.id, c.id));
    expect(error.code).toBe("LIMIT_REACHED");
    expect(error.field).toBe("staff_seats");
    expect(error.message).toBe(
      "Your Starter plan allows 2 staff seats and you have 2. Upgrade to Professional for up to 25.",
    );
    expect(limitUpgradeHint(error)).toEqual({
      limit: "staff_seats",
      current: 2,
      max: 2,
      suggestedPlanCode: "professional",
    });
    const members = await db.select().from(tenantMembers).where(eq(tenantMembers.tenantId, tenant.id));
    expect(members).toHaveLength(2);
  });

  test("rooms: the message names the limit; the cheapest public plan in the currency is suggested", async () => {
    const db = database.db;
    const tenant = await insertTenant(db, { planId: starter.id });
    const rooms: LimitCounter = async () => 20;
    registerLimitCounter("rooms", rooms);

    const error = await appError(assertWithinLimit(db, tenant, "rooms"));
    expect(error.message).toBe(
      "Your Starter plan allows 20 rooms and you have 20. Upgrade to Professional for up to 120.",
    );
    // 19 rooms + 1 fits; + 5 does not, and says so.
    registerLimitCounter("rooms", async () => 19);
    await expect(assertWithinLimit(db, tenant, "rooms")).resolves.toBeUndefined();
    const bulk = await appError(assertWithinLimit(db, tenant, "rooms", 5));
    expect(bulk.message).toBe(
      "Your Starter plan allows 20 rooms and you have 19. Adding 5 more would make 24. Upgrade to Professional for up to 120.",
    );
    // 200 rooms skip Professional (120): Enterprise is the cheapest that fits.
    registerLimitCounter("rooms", async () => 199);
    const big = await appError(assertWithinLimit(db, { id: tenant.id, planId: professional.id }, "rooms"));
    expect(big.message).toBe(
      "Your Professional plan allows 120 rooms and you have 199. Upgrade to Enterprise for up to 2000.",
    );
    expect(limitUpgradeHint(big)?.suggestedPlanCode).toBe("enterprise");
  });

  test("unlimited upgrades and 'contact us' when no public plan fits", async () => {
    const db = database.db;
    const tenant = await insertTenant(db, { planId: professional.id });
    registerLimitCounter("staff_seats", async () => 25);
    try {
      const error = await appError(assertWithinLimit(db, tenant, "staff_seats"));
      // Enterprise sets no staff seat limit: unlimited.
      expect(error.message).toBe(
        "Your Professional plan allows 25 staff seats and you have 25. Upgrade to Enterprise for unlimited staff seats.",
      );
    } finally {
      const { countStaffSeats } = await import("@/lib/plans/limits");
      registerLimitCounter("staff_seats", countStaffSeats);
    }
    registerLimitCounter("rooms", async () => 2000);
    const enterprise = await insertPlan(db, { code: "ent-copy", name: "Ent", limits: { rooms: 2000 } });
    const top = await appError(assertWithinLimit(db, { id: tenant.id, planId: enterprise.id }, "rooms"));
    expect(top.message).toBe(
      "Your Ent plan allows 2000 rooms and you have 2000. Contact us to raise this limit.",
    );
    expect(limitUpgradeHint(top)?.suggestedPlanCode).toBeNull();
  });

  test("no plan, an absent limit, or delta 0 passes without counting", async () => {
    const db = database.db;
    registerLimitCounter("rooms", async () => {
      throw new Error("must not count");
    });
    const noPlan = await insertTenant(db, { planId: null });
    await expect(assertWithinLimit(db, noPlan, "rooms")).resolves.toBeUndefined();
    const unlimited = await insertPlan(db, { limits: {} });
    await expect(
      assertWithinLimit(db, { id: noPlan.id, planId: unlimited.id }, "rooms"),
    ).resolves.toBeUndefined();
    await expect(
      assertWithinLimit(db, { id: noPlan.id, planId: starter.id }, "rooms", 0),
    ).resolves.toBeUndefined();
  });

  test("getLimitUsage: each limit with what is used; storage has no counter yet", async () => {
    const db = database.db;
    const tenant = await insertTenant(db, { planId: starter.id });
    const owner = await createUser(db);
    await addMember(db, tenant.id, owner.id, "owner");
    registerLimitCounter("rooms", async () => 7);
    const usage = await getLimitUsage(db, tenant.id);
    expect(usage).toEqual([
      { key: "rooms", label: "Rooms", limit: 20, used: 7, counted: true },
      { key: "staff_seats", label: "Staff seats", limit: 2, used: 1, counted: true },
      {
        key: "storage_mb",
        label: "Storage (MB)",
        limit: 1024,
        used: 0,
        counted: getLimitCounter("storage_mb") !== undefined,
      },
    ]);
  });
});
