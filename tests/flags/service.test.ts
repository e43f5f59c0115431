import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { ZodError } from "zod";
import {
  platformAuditStream,
  platformFeatureFlagOverrides,
  platformFeatureFlags,
  platformNavItems,
  platformTenants,
} from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { FLAG_CACHE_TTL_MS, invalidateFlagCache } from "@/lib/flags/cache";
import { evaluateAllFlags, getEnabledFlags, isFlagEnabled } from "@/lib/flags/evaluate";
import { getFlag, listFlags } from "@/lib/flags/queries";
import {
  createFlag,
  deleteFlag,
  removeFlagOverride,
  setFlagKilled,
  setFlagOverride,
  setFlagRules,
  updateFlag,
} from "@/lib/flags/service";
import { invalidateNavCache } from "@/lib/nav/cache";
import { createNavItem, updateNavItem } from "@/lib/nav/service";
import { getTenantPortalMenu } from "@/lib/nav/tenant-menu";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createPlan, createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDatabaseKinds)("flag services on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;
  let proPlan: { id: string; code: string; name: string };
  let alpha: string;
  let bravo: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    admin = await createUser(db, { email: `flags-${kind}@hearth.test` });
    proPlan = await createPlan(db, { code: `pro-${kind}`, name: "Pro" });
    alpha = (await createTenant(db, { name: "Alpha", planId: proPlan.id })).id;
    bravo = (await createTenant(db, { name: "Bravo" })).id;
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    invalidateFlagCache();
    invalidateNavCache();
  });

  const actor = () => testActor(admin);

  async function audits(action: string, targetId: string) {
    return database.db
      .select()
      .from(platformAuditStream)
      .where(and(eq(platformAuditStream.action, action), eq(platformAuditStream.targetId, targetId)))
      .orderBy(desc(platformAuditStream.id));
  }

  test("create and update are audited with before/after; the key is unique", async () => {
    const db = database.db;
    const created = await createFlag(db, {
      input: { key: "new_inbox", description: "The new inbox", defaultEnabled: false },
      actor: actor(),
    });
    expect(created).toMatchObject({ key: "new_inbox", killed: false, rules: [] });
    const [createAudit] = await audits("flag.create", "new_inbox");
    expect(createAudit).toMatchObject({ actorUserId: admin.id, targetType: "feature_flag", tenantId: null });
    expect(createAudit?.summary).toMatchObject({ after: { key: "new_inbox", defaultEnabled: false } });

    const duplicate = await appError(createFlag(db, { input: { key: "new_inbox" }, actor: actor() }));
    expect(duplicate).toMatchObject({ code: "CONFLICT", field: "key" });

    await updateFlag(db, { input: { key: "new_inbox", defaultEnabled: true }, actor: actor() });
    const [updateAudit] = await audits("flag.update", "new_inbox");
    expect(updateAudit?.summary).toMatchObject({
      before: { defaultEnabled: false, description: "The new inbox" },
      after: { defaultEnabled: true, description: "The new inbox" },
    });
    // Nothing changed: no second audit row.
    await updateFlag(db, { input: { key: "new_inbox", defaultEnabled: true }, actor: actor() });
    expect(await audits("flag.update", "new_inbox")).toHaveLength(1);
  });

  test.each(["A", "x", "has space", "UPPER", "a".repeat(61)])("the key %j is refused", async (key) => {
    await expect(createFlag(database.db, { input: { key }, actor: actor() })).rejects.toBeInstanceOf(
      ZodError,
    );
  });

  test("rules are validated against real hotels and plans, then saved in order and audited", async () => {
    const db = database.db;
    await createFlag(db, { input: { key: "reports" }, actor: actor() });
    const missingTenant = await appError(
      setFlagRules(db, {
        input: {
          key: "reports",
          rules: [
            { type: "percentage", basisPoints: 100 },
            { type: "tenants", tenantIds: ["9b6f4a4e-0000-4000-8000-000000000000"], enabled: true },
          ],
        },
        actor: actor(),
      }),
    );
    expect(missingTenant).toMatchObject({ code: "INVALID", field: "rules.1.tenantIds" });
    expect(missingTenant.message).toContain("9b6f4a4e-0000-4000-8000-000000000000");
    const missingPlan = await appError(
      setFlagRules(db, {
        input: { key: "reports", rules: [{ type: "plans", planCodes: ["gold"], enabled: true }] },
        actor: actor(),
      }),
    );
    expect(missingPlan).toMatchObject({ code: "INVALID", field: "rules.0.planCodes" });
    expect(missingPlan.message).toContain("gold");
    await expect(
      setFlagRules(db, {
        input: { key: "reports", rules: [{ type: "percentage", basisPoints: 10_001 }] },
        actor: actor(),
      }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await audits("flag.rules.update", "reports")).toHaveLength(0);

    const rules = [
      { type: "tenants" as const, tenantIds: [bravo], enabled: true },
      { type: "plans" as const, planCodes: [proPlan.code], enabled: true },
      { type: "percentage" as const, basisPoints: 2_500 },
    ];
    await setFlagRules(db, { input: { key: "reports", rules }, actor: actor() });
    expect((await getFlag(db, "reports"))?.rules).toEqual(rules);
    const [audit] = await audits("flag.rules.update", "reports");
    expect(audit?.summary).toMatchObject({ before: { rules: [] }, after: { rules } });
    // Saving the same list again is a no-op, although jsonb hands the rules back with keys reordered.
    await setFlagRules(db, { input: { key: "reports", rules }, actor: actor() });
    expect(await audits("flag.rules.update", "reports")).toHaveLength(1);

    // Seen at once: alpha by its plan (rule 2), bravo by the list (rule 1).
    const forAlpha = await evaluateAllFlags(db, { tenantId: alpha });
    expect(forAlpha.get("reports")).toEqual({ enabled: true, reason: "rule:1" });
    expect((await evaluateAllFlags(db, { tenantId: bravo })).get("reports")).toEqual({
      enabled: true,
      reason: "rule:0",
    });

    const { rows } = await listFlags(db, {
      q: "reports",
      sort: { id: "key", desc: false },
      limit: 10,
      offset: 0,
    });
    expect(rows.map((r) => [r.key, r.rulesSummary])).toEqual([["reports", "3 rules · 25% rollout"]]);
  });

  test("an override forces one hotel; the kill switch beats it; both are audited", async () => {
    const db = database.db;
    await createFlag(db, { input: { key: "housekeeping.v2" }, actor: actor() });
    await setFlagOverride(db, {
      input: { key: "housekeeping.v2", tenantId: alpha, enabled: true, reason: "Pilot hotel" },
      actor: actor(),
    });
    expect(await isFlagEnabled(db, "housekeeping.v2", { tenantId: alpha })).toBe(true);
    expect(await isFlagEnabled(db, "housekeeping.v2", { tenantId: bravo })).toBe(false);
    const [setAudit] = await audits("flag.override.set", `housekeeping.v2:${alpha}`);
    expect(setAudit).toMatchObject({ tenantId: alpha, targetType: "feature_flag_override" });
    expect(setAudit?.summary).toMatchObject({
      before: null,
      after: { enabled: true, reason: "Pilot hotel" },
    });

    // Setting it again updates the one row and records what it was.
    await setFlagOverride(db, {
      input: { key: "housekeeping.v2", tenantId: alpha, enabled: false, reason: "Pilot paused" },
      actor: actor(),
    });
    const overrides = await db.select().from(platformFeatureFlagOverrides);
    expect(overrides.filter((o) => o.tenantId === alpha)).toHaveLength(1);
    const [second] = await audits("flag.override.set", `housekeeping.v2:${alpha}`);
    expect(second?.summary).toMatchObject({ before: { enabled: true }, after: { enabled: false } });
    expect((await evaluateAllFlags(db, { tenantId: alpha })).get("housekeeping.v2")).toEqual({
      enabled: false,
      reason: "override",
    });

    await setFlagOverride(db, {
      input: { key: "housekeeping.v2", tenantId: alpha, enabled: true, reason: "Pilot back on" },
      actor: actor(),
    });
    await setFlagKilled(db, {
      input: { key: "housekeeping.v2", killed: true, reason: "Incident 42" },
      actor: actor(),
    });
    expect((await evaluateAllFlags(db, { tenantId: alpha })).get("housekeeping.v2")).toEqual({
      enabled: false,
      reason: "killed",
    });
    const [kill] = await audits("flag.kill", "housekeeping.v2");
    expect(kill?.summary).toMatchObject({
      before: { killed: false },
      after: { killed: true },
      reason: "Incident 42",
    });
    await setFlagKilled(db, { input: { key: "housekeeping.v2", killed: false }, actor: actor() });
    expect(await isFlagEnabled(db, "housekeeping.v2", { tenantId: alpha })).toBe(true);
    expect(await audits("flag.unkill", "housekeeping.v2")).toHaveLength(1);

    expect(
      await removeFlagOverride(db, { input: { key: "housekeeping.v2", tenantId: alpha }, actor: actor() }),
    ).toBe(true);
    expect(await isFlagEnabled(db, "housekeeping.v2", { tenantId: alpha })).toBe(false);
    expect(await audits("flag.override.remove", `housekeeping.v2:${alpha}`)).toHaveLength(1);
    expect(
      await removeFlagOverride(db, { input: { key: "housekeeping.v2", tenantId: alpha }, actor: actor() }),
    ).toBe(false);
  });

  test("overrides need a real flag and a live hotel; a short reason is refused", async () => {
    const db = database.db;
    const deleted = await createTenant(db, { status: "deleted" });
    await createFlag(db, { input: { key: "spa" }, actor: actor() });
    expect(
      await appError(
        setFlagOverride(db, {
          input: { key: "nope", tenantId: alpha, enabled: true, reason: "why not" },
          actor: actor(),
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND", field: "key" });
    expect(
      await appError(
        setFlagOverride(db, {
          input: { key: "spa", tenantId: deleted.id, enabled: true, reason: "why not" },
          actor: actor(),
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND", field: "tenantId" });
    await expect(
      setFlagOverride(db, {
        input: { key: "spa", tenantId: alpha, enabled: true, reason: "" },
        actor: actor(),
      }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  test("delete is refused while a plan or a menu item uses the flag, naming them", async () => {
    const db = database.db;
    await createFlag(db, { input: { key: "loyalty" }, actor: actor() });
    const gold = await createPlan(db, { code: `gold-${kind}`, name: "Gold", features: ["loyalty"] });
    await createNavItem(db, {
      input: { scope: "portal", key: "loyalty", label: "Loyalty", href: "/loyalty", featureFlag: "loyalty" },
      actor: actor(),
    });
    const refused = await appError(deleteFlag(db, { input: { key: "loyalty" }, actor: actor() }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain(`plan "Gold" (${gold.code})`);
    expect(refused.message).toContain('portal menu item "Loyalty" (loyalty)');
    expect(await getFlag(db, "loyalty")).not.toBeNull();

    await createFlag(db, { input: { key: "old_checkout" }, actor: actor() });
    await setFlagOverride(db, {
      input: { key: "old_checkout", tenantId: bravo, enabled: true, reason: "Legacy contract" },
      actor: actor(),
    });
    await deleteFlag(db, { input: { key: "old_checkout" }, actor: actor() });
    expect(await getFlag(db, "old_checkout")).toBeNull();
    const [audit] = await audits("flag.delete", "old_checkout");
    expect(audit?.summary).toMatchObject({ before: { key: "old_checkout" }, overridesRemoved: 1 });
    expect(await isFlagEnabled(db, "old_checkout", { tenantId: bravo })).toBe(false);
    expect(await appError(deleteFlag(db, { input: { key: "old_checkout" }, actor: actor() }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("getEnabledFlags: the console gets defaults minus killed; a tenant gets its rules, plan and overrides", async () => {
    const db = database.db;
    await createFlag(db, { input: { key: "nav.default_on", defaultEnabled: true }, actor: actor() });
    await createFlag(db, { input: { key: "nav.killed", defaultEnabled: true }, actor: actor() });
    await setFlagKilled(db, { input: { key: "nav.killed", killed: true }, actor: actor() });
    await createFlag(db, { input: { key: "nav.pro_only" }, actor: actor() });
    await setFlagRules(db, {
      input: { key: "nav.pro_only", rules: [{ type: "plans", planCodes: [proPlan.code], enabled: true }] },
      actor: actor(),
    });
    const navKeys = (set: Set<string>) => [...set].filter((k) => k.startsWith("nav.")).sort();
    expect(navKeys(await getEnabledFlags(db, { tenantId: null }))).toEqual(["nav.default_on"]);
    expect(navKeys(await getEnabledFlags(db, { tenantId: alpha }))).toEqual([
      "nav.default_on",
      "nav.pro_only",
    ]);
    expect(navKeys(await getEnabledFlags(db, { tenantId: bravo }))).toEqual(["nav.default_on"]);
    // The plan code may be passed in, saving the lookup.
    expect(navKeys(await getEnabledFlags(db, { tenantId: bravo, planCode: proPlan.code }))).toEqual([
      "nav.default_on",
      "nav.pro_only",
    ]);
  });

  test("a change through the services is seen at once; one behind their back waits for invalidation", async () => {
    const db = database.db;
    await createFlag(db, { input: { key: "cache.probe" }, actor: actor() });
    expect(await isFlagEnabled(db, "cache.probe", { tenantId: alpha })).toBe(false);
    await updateFlag(db, { input: { key: "cache.probe", defaultEnabled: true }, actor: actor() });
    expect(await isFlagEnabled(db, "cache.probe", { tenantId: alpha })).toBe(true);

    // Another process (here: raw SQL) kills it; this process still has its snapshot.
    await db
      .update(platformFeatureFlags)
      .set({ killed: true })
      .where(eq(platformFeatureFlags.key, "cache.probe"));
    expect(await isFlagEnabled(db, "cache.probe", { tenantId: alpha })).toBe(true);
    invalidateFlagCache();
    expect(await isFlagEnabled(db, "cache.probe", { tenantId: alpha })).toBe(false);
  });

  test("other processes' changes arrive after the TTL", async () => {
    const db = database.db;
    await createFlag(db, { input: { key: "cache.ttl", defaultEnabled: true }, actor: actor() });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(await isFlagEnabled(db, "cache.ttl", { tenantId: null })).toBe(true);
      await db
        .update(platformFeatureFlags)
        .set({ killed: true })
        .where(eq(platformFeatureFlags.key, "cache.ttl"));
      vi.setSystemTime(Date.now() + FLAG_CACHE_TTL_MS - 1_000);
      expect(await isFlagEnabled(db, "cache.ttl", { tenantId: null })).toBe(true);
      vi.setSystemTime(Date.now() + 2_000);
      expect(await isFlagEnabled(db, "cache.ttl", { tenantId: null })).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  test("a plan change applies at once: the plan code is read per request, not cached", async () => {
    const db = database.db;
    const tenant = await createTenant(db, { name: "Charlie" });
    await createFlag(db, { input: { key: "plan.gated" }, actor: actor() });
    await setFlagRules(db, {
      input: { key: "plan.gated", rules: [{ type: "plans", planCodes: [proPlan.code], enabled: true }] },
      actor: actor(),
    });
    expect(await isFlagEnabled(db, "plan.gated", { tenantId: tenant.id })).toBe(false);
    await db.update(platformTenants).set({ planId: proPlan.id }).where(eq(platformTenants.id, tenant.id));
    expect(await isFlagEnabled(db, "plan.gated", { tenantId: tenant.id })).toBe(true);
  });

  test("each database has its own snapshot", async () => {
    const other = await createTestDatabase(kind);
    try {
      await createFlag(other.db, {
        input: { key: "only.there", defaultEnabled: true },
        actor: systemActor("test"),
      });
      expect(await getEnabledFlags(other.db, { tenantId: null })).toEqual(new Set(["only.there"]));
      expect(await getEnabledFlags(database.db, { tenantId: null })).not.toContain("only.there");
    } finally {
      await other.drop();
    }
  });

  test("a flag change also drops the menu cache", async () => {
    const db = database.db;
    await createNavItem(db, {
      input: {
        scope: "portal",
        key: "lost-found",
        label: "Lost & found",
        href: "/lost-found",
        isActive: false,
      },
      actor: actor(),
    });
    const menuKeys = async () =>
      (await getTenantPortalMenu(db, { id: bravo, planId: null }, "owner")).map((m) => m.key);
    expect(await menuKeys()).not.toContain("lost-found");
    // Behind the menu cache's back: still hidden until something invalidates it.
    await db.update(platformNavItems).set({ isActive: true }).where(eq(platformNavItems.key, "lost-found"));
    expect(await menuKeys()).not.toContain("lost-found");
    await createFlag(db, { input: { key: "menu.nudge" }, actor: actor() });
    expect(await menuKeys()).toContain("lost-found");
    await db.update(platformNavItems).set({ isActive: false }).where(eq(platformNavItems.key, "lost-found"));
  });

  test("a flag change also refreshes the menus", async () => {
    const db = database.db;
    await createNavItem(db, {
      input: {
        scope: "portal",
        key: "concierge",
        label: "Concierge",
        href: "/concierge",
        featureFlag: "concierge",
      },
      actor: actor(),
    });
    const menuKeys = async () =>
      (await getTenantPortalMenu(db, { id: bravo, planId: null }, "owner")).map((m) => m.key);
    expect(await menuKeys()).not.toContain("concierge");
    await createFlag(db, { input: { key: "concierge" }, actor: actor() });
    await setFlagOverride(db, {
      input: { key: "concierge", tenantId: bravo, enabled: true, reason: "Early access" },
      actor: actor(),
    });
    expect(await menuKeys()).toContain("concierge");
    await updateNavItem(db, {
      input: { scope: "portal", key: "concierge", isActive: false },
      actor: actor(),
    });
  });
});
