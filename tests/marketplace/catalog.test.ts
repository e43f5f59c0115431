// The add-on catalogue: validation of kinds, flags and prices; prices replaced with the add-on in
// one transaction; activation; every write audited; the marketplace priced in the tenant's currency.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  platformAddonPrices,
  platformAddonPurchases,
  platformAuditStream,
  platformFeatureFlags,
  platformTenantAddons,
} from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { createAddon, setAddonActive, updateAddon } from "@/lib/marketplace/catalog";
import { getAddon, listAddons, listAddonsPage, listMarketplace } from "@/lib/marketplace/queries";
import type { AddonInput } from "@/lib/marketplace/schemas";
import { demoAddons, seedDemoAddons } from "@/lib/marketplace/seed";
import { createBillingTenant } from "@/tests/billing/payments/world";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

const actor = systemActor("vitest");
const tag = () => randomBytes(3).toString("hex");

const bundle = (over: Partial<AddonInput> = {}): AddonInput => ({
  code: `sms-${tag()}`,
  name: "500 SMS",
  kind: "sms_bundle",
  smsCredits: 500,
  prices: [
    { currency: "usd", amountMinor: 1500 },
    { currency: "NGN", amountMinor: 1_000_000 },
  ],
  ...over,
});

async function refusal(work: Promise<unknown>): Promise<{ code: string; field?: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.field, message: error.message };
    if (error && typeof error === "object" && "issues" in error) {
      const issues = (error as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues;
      return { code: "ZOD", field: issues[0]?.path.join("."), message: issues[0]?.message ?? "" };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabaseKinds)("add-on catalogue on %s", (kind) => {
  let database: TestDatabase;
  let flagKey: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    flagKey = `feature_${tag()}`;
    await database.db.insert(platformFeatureFlags).values({ key: flagKey });
  });
  afterAll(() => database.drop());

  test("creates an SMS bundle with its prices (currencies upper-cased) and audits it", async () => {
    const { db } = database;
    const addon = await createAddon(db, { input: bundle(), actor });
    expect(addon).toMatchObject({
      kind: "sms_bundle",
      smsCredits: 500,
      featureFlagKey: null,
      billing: "one_off",
    });
    expect((await getAddon(db, addon.id))?.prices).toEqual([
      { currency: "NGN", amountMinor: 1_000_000 },
      { currency: "USD", amountMinor: 1500 },
    ]);
    const audit = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.targetId, addon.id),
          eq(platformAuditStream.action, "marketplace.addon.create"),
        ),
      );
    expect(audit).toHaveLength(1);
  });

  test.each([
    ["a bundle without credits", { smsCredits: null }, "smsCredits"],
    ["a bundle with zero credits", { smsCredits: 0 }, "smsCredits"],
    ["a recurring bundle", { billing: "recurring" as const }, "billing"],
    ["a feature without a flag", { kind: "feature" as const, featureFlagKey: null }, "featureFlagKey"],
    ["no prices", { prices: [] }, "prices"],
    [
      "a currency twice",
      {
        prices: [
          { currency: "USD", amountMinor: 1 },
          { currency: "usd", amountMinor: 2 },
        ],
      },
      "prices",
    ],
    ["a zero price", { prices: [{ currency: "USD", amountMinor: 0 }] }, "prices.0.amountMinor"],
    ["a fractional price", { prices: [{ currency: "USD", amountMinor: 1.5 }] }, "prices.0.amountMinor"],
    ["an unknown currency", { prices: [{ currency: "XXQ", amountMinor: 100 }] }, "prices.0.currency"],
    ["a bad code", { code: "Not A Code" }, "code"],
  ])("refuses %s, naming the field", async (_label, over, field) => {
    const r = await refusal(createAddon(database.db, { input: bundle(over), actor }));
    expect(r.field).toBe(field);
  });

  test("a feature add-on must name an existing flag; a bundle's flag and a feature's credits are dropped", async () => {
    const { db } = database;
    const missing = await refusal(
      createAddon(db, { input: bundle({ kind: "feature", featureFlagKey: "no_such_flag" }), actor }),
    );
    expect(missing).toMatchObject({ code: "INVALID", field: "featureFlagKey" });
    const feature = await createAddon(db, {
      input: bundle({ kind: "feature", featureFlagKey: flagKey, smsCredits: 99, billing: "recurring" }),
      actor,
    });
    expect(feature).toMatchObject({
      kind: "feature",
      featureFlagKey: flagKey,
      smsCredits: null,
      billing: "recurring",
    });
  });

  test("a duplicate code is a CONFLICT on the code field, and nothing half-written remains", async () => {
    const { db } = database;
    const first = await createAddon(db, { input: bundle(), actor });
    const r = await refusal(createAddon(db, { input: bundle({ code: first.code }), actor }));
    expect(r).toMatchObject({ code: "CONFLICT", field: "code" });
    expect(
      (await listAddons(db, { includeInactive: true })).filter((a) => a.code === first.code),
    ).toHaveLength(1);
  });

  test("update replaces the price list in the same transaction; a failed update leaves the old prices", async () => {
    const { db } = database;
    const addon = await createAddon(db, { input: bundle(), actor });
    const updated = await updateAddon(db, {
      input: {
        ...bundle({ code: addon.code, name: "600 SMS", smsCredits: 600 }),
        id: addon.id,
        prices: [{ currency: "EUR", amountMinor: 1400 }],
      },
      actor,
    });
    expect(updated).toMatchObject({ name: "600 SMS", smsCredits: 600 });
    const prices = await db
      .select()
      .from(platformAddonPrices)
      .where(eq(platformAddonPrices.addonId, addon.id));
    expect(prices.map((p) => [p.currency, p.amountMinor])).toEqual([["EUR", 1400]]);

    // Refused after the prices were deleted inside the transaction: all of it rolls back.
    const other = await createAddon(db, { input: bundle(), actor });
    const r = await refusal(
      updateAddon(db, {
        input: {
          ...bundle({ code: other.code }),
          id: addon.id,
          prices: [{ currency: "GBP", amountMinor: 1 }],
        },
        actor,
      }),
    );
    expect(r).toMatchObject({ code: "CONFLICT", field: "code" });
    expect((await getAddon(db, addon.id))?.prices).toEqual([{ currency: "EUR", amountMinor: 1400 }]);
  });

  test("the kind of an add-on that has been bought cannot change", async () => {
    const { db } = database;
    const tenant = await createBillingTenant(db);
    const addon = await createAddon(db, { input: bundle(), actor });
    await db
      .insert(platformAddonPurchases)
      .values({ tenantId: tenant.id, addonId: addon.id, amountMinor: 1500, currency: "USD" });
    const r = await refusal(
      updateAddon(db, {
        input: { ...bundle({ code: addon.code, kind: "feature", featureFlagKey: flagKey }), id: addon.id },
        actor,
      }),
    );
    expect(r).toMatchObject({ code: "CONFLICT", field: "kind" });
  });

  test("deactivating hides an add-on from the marketplace and from the active list; audited once", async () => {
    const { db } = database;
    const tenant = await createBillingTenant(db, { currency: "USD" });
    const addon = await createAddon(db, { input: bundle(), actor });
    expect((await listMarketplace(db, { tenantId: tenant.id })).map((i) => i.id)).toContain(addon.id);
    await setAddonActive(db, { id: addon.id, isActive: false, actor });
    await setAddonActive(db, { id: addon.id, isActive: false, actor });
    expect((await listMarketplace(db, { tenantId: tenant.id })).map((i) => i.id)).not.toContain(addon.id);
    expect((await listAddons(db)).map((a) => a.id)).not.toContain(addon.id);
    expect((await listAddons(db, { includeInactive: true })).map((a) => a.id)).toContain(addon.id);
    const inactive = await listAddonsPage(db, { status: "inactive", q: addon.code, limit: 10, offset: 0 });
    expect(inactive).toMatchObject({ total: 1, rows: [{ id: addon.id, isActive: false }] });
    const audit = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.targetId, addon.id),
          eq(platformAuditStream.action, "marketplace.addon.deactivate"),
        ),
      );
    expect(audit).toHaveLength(1);
  });

  test("the marketplace offers each tenant the add-ons priced in its currency, and marks held features", async () => {
    const { db } = database;
    const usdOnly = await createAddon(db, {
      input: bundle({ prices: [{ currency: "USD", amountMinor: 700 }] }),
      actor,
    });
    const both = await createAddon(db, { input: bundle(), actor });
    const feature = await createAddon(db, {
      input: bundle({
        kind: "feature",
        featureFlagKey: flagKey,
        prices: [{ currency: "NGN", amountMinor: 500_000 }],
      }),
      actor,
    });
    const lagos = await createBillingTenant(db, { currency: "NGN" });
    const nyc = await createBillingTenant(db, { currency: "USD" });
    await db.insert(platformTenantAddons).values({ tenantId: lagos.id, addonId: feature.id });

    const forLagos = await listMarketplace(db, { tenantId: lagos.id });
    const ids = forLagos.map((i) => i.id);
    expect(ids).not.toContain(usdOnly.id);
    expect(forLagos.find((i) => i.id === both.id)).toMatchObject({
      amountMinor: 1_000_000,
      currency: "NGN",
      held: false,
    });
    expect(forLagos.find((i) => i.id === feature.id)).toMatchObject({ amountMinor: 500_000, held: true });

    const forNyc = await listMarketplace(db, { tenantId: nyc.id });
    expect(forNyc.find((i) => i.id === usdOnly.id)).toMatchObject({ amountMinor: 700, currency: "USD" });
    expect(forNyc.find((i) => i.id === both.id)).toMatchObject({ amountMinor: 1500 });
    expect(forNyc.map((i) => i.id)).not.toContain(feature.id);
  });

  test("seedDemoAddons inserts the demo add-ons with their flag once, however often it runs", async () => {
    const { db } = database;
    await seedDemoAddons(db);
    await seedDemoAddons(db);
    const all = await listAddons(db, { includeInactive: true });
    for (const demo of demoAddons) {
      const found = all.filter((a) => a.code === demo.code);
      expect(found).toHaveLength(1);
      expect(found[0]?.prices).toEqual([...demo.prices].sort((a, b) => a.currency.localeCompare(b.currency)));
    }
  });
});
