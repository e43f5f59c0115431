// Buying an add-on: the purchase priced in the tenant's currency, the checkout started with the
// tenant's provider (the embedded test checkout here), refusals, on-account feature add-ons, and
// the purchase history scoped to its tenant.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import {
  platformAddonPurchases,
  platformCheckoutSessions,
  platformFeatureFlags,
  platformTenants,
} from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { settleTestCheckout } from "@/lib/billing/payments/test-checkout";
import { AppError } from "@/lib/errors";
import { createAddon } from "@/lib/marketplace/catalog";
import { createPurchase, getPurchase, listPurchases, purchaseOfCheckout } from "@/lib/marketplace/purchase";
import {
  auditActions,
  balanceOf,
  createBillingTenant,
  embeddedConfig,
  overrideOf,
} from "@/tests/billing/payments/world";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

const actor = systemActor("vitest");
const tag = () => randomBytes(3).toString("hex");
const opts = { config: embeddedConfig };

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabaseKinds)("add-on purchases on %s", (kind) => {
  let database: TestDatabase;
  let flagKey: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    flagKey = `feature_${tag()}`;
    await database.db.insert(platformFeatureFlags).values({ key: flagKey });
  });
  afterAll(() => database.drop());

  const smsBundle = () =>
    createAddon(database.db, {
      input: {
        code: `sms-${tag()}`,
        name: "500 SMS",
        kind: "sms_bundle",
        smsCredits: 500,
        prices: [
          { currency: "USD", amountMinor: 1500 },
          { currency: "NGN", amountMinor: 1_000_000 },
        ],
      },
      actor,
    });
  const featureAddon = () =>
    createAddon(database.db, {
      input: {
        code: `feat-${tag()}`,
        name: "Channel manager",
        kind: "feature",
        featureFlagKey: flagKey,
        billing: "recurring",
        prices: [{ currency: "USD", amountMinor: 1900 }],
      },
      actor,
    });

  test("price × quantity in the tenant's currency, pending, with a test checkout URL; paying it fulfils", async () => {
    const { db } = database;
    const addon = await smsBundle();
    const tenant = await createBillingTenant(db, { currency: "NGN" });
    const { purchase, checkout } = await createPurchase(
      db,
      { tenantId: tenant.id, addonId: addon.id, quantity: 3, actor },
      opts,
    );
    expect(purchase).toMatchObject({
      status: "pending",
      quantity: 3,
      amountMinor: 3_000_000,
      currency: "NGN",
      onAccount: false,
    });
    expect(checkout?.provider).toBe("test");
    expect(checkout?.url).toBe(`http://${tenant.slug}.localhost:3000/checkout/test/${checkout?.checkoutId}`);
    const [session] = await db
      .select()
      .from(platformCheckoutSessions)
      .where(eq(platformCheckoutSessions.purchaseId, purchase.id));
    expect(session).toMatchObject({
      purpose: "addon",
      amountMinor: 3_000_000,
      currency: "NGN",
      status: "open",
    });
    expect(await auditActions(db, tenant.id)).toEqual(
      expect.arrayContaining(["marketplace.purchase.create", "billing.checkout.start"]),
    );
    expect(await purchaseOfCheckout(db, { tenantId: tenant.id, checkoutId: session?.id ?? "" })).toEqual({
      purchaseId: purchase.id,
      status: "open",
    });

    await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId: checkout?.checkoutId ?? "", outcome: "succeeded", actor },
      opts,
    );
    expect(await balanceOf(db, tenant.id)).toBe(1500);
    expect(await getPurchase(db, { tenantId: tenant.id, purchaseId: purchase.id })).toMatchObject({
      status: "fulfilled",
      delivered: { kind: "sms_bundle", credits: 1500 },
    });
  });

  test("an add-on without a price in the tenant's currency, or inactive, is not for sale", async () => {
    const { db } = database;
    const feature = await featureAddon();
    const lagos = await createBillingTenant(db, { currency: "NGN" });
    expect(
      await refusal(createPurchase(db, { tenantId: lagos.id, addonId: feature.id, actor }, opts)),
    ).toMatchObject({
      code: "NOT_FOUND",
      field: "addonId",
    });
    const count = await db
      .select()
      .from(platformAddonPurchases)
      .where(eq(platformAddonPurchases.tenantId, lagos.id));
    expect(count).toHaveLength(0);
  });

  test("feature add-ons: quantity 1, not twice while held; on account they switch on at once", async () => {
    const { db } = database;
    const feature = await featureAddon();
    const tenant = await createBillingTenant(db, { currency: "USD" });
    expect(
      await refusal(
        createPurchase(db, { tenantId: tenant.id, addonId: feature.id, quantity: 2, actor }, opts),
      ),
    ).toMatchObject({ code: "INVALID", field: "quantity" });

    const { purchase, checkout } = await createPurchase(
      db,
      { tenantId: tenant.id, addonId: feature.id, onAccount: true, actor },
      opts,
    );
    expect(checkout).toBeNull();
    expect(purchase).toMatchObject({
      status: "fulfilled",
      onAccount: true,
      amountMinor: 1900,
      invoiceId: null,
    });
    expect(await overrideOf(db, tenant.id, flagKey)).toEqual({ enabled: true });
    expect(await getPurchase(db, { tenantId: tenant.id, purchaseId: purchase.id })).toMatchObject({
      delivered: { kind: "feature", active: true },
    });
    expect(
      await refusal(createPurchase(db, { tenantId: tenant.id, addonId: feature.id, actor }, opts)),
    ).toMatchObject({
      code: "CONFLICT",
      field: "addonId",
    });
  });

  test("SMS bundles are never on account, and a past-due hotel cannot buy on account", async () => {
    const { db } = database;
    const addon = await smsBundle();
    const feature = await featureAddon();
    const tenant = await createBillingTenant(db, { currency: "USD" });
    expect(
      await refusal(
        createPurchase(db, { tenantId: tenant.id, addonId: addon.id, onAccount: true, actor }, opts),
      ),
    ).toMatchObject({ code: "INVALID", field: "onAccount" });
    await db.update(platformTenants).set({ status: "past_due" }).where(eq(platformTenants.id, tenant.id));
    expect(
      await refusal(
        createPurchase(db, { tenantId: tenant.id, addonId: feature.id, onAccount: true, actor }, opts),
      ),
    ).toMatchObject({ code: "CONFLICT", field: "onAccount" });
  });

  test("a checkout that cannot start leaves the purchase failed, not pending", async () => {
    const { db } = database;
    const addon = await smsBundle();
    // Paystack is chosen for NGN, but without an email it cannot start.
    const tenant = await createBillingTenant(db, { currency: "NGN" });
    await db.update(platformTenants).set({ contactEmail: null }).where(eq(platformTenants.id, tenant.id));
    const paystack = {
      ...embeddedConfig,
      paystack: { secretKey: "sk_test_x", baseUrl: "http://127.0.0.1:9" },
    };
    expect(
      await refusal(
        createPurchase(db, { tenantId: tenant.id, addonId: addon.id, actor }, { config: paystack }),
      ),
    ).toMatchObject({ code: "INVALID" });
    const [row] = await db
      .select()
      .from(platformAddonPurchases)
      .where(eq(platformAddonPurchases.tenantId, tenant.id));
    expect(row?.status).toBe("failed");
  });

  test("purchase history: newest first, paginated, and tenant A never sees tenant B's purchases", async () => {
    const { db } = database;
    const addon = await smsBundle();
    const a = await createBillingTenant(db, { currency: "USD" });
    const b = await createBillingTenant(db, { currency: "USD" });
    const mine: string[] = [];
    for (const quantity of [1, 2, 3]) {
      const { purchase } = await createPurchase(
        db,
        { tenantId: a.id, addonId: addon.id, quantity, actor },
        opts,
      );
      mine.push(purchase.id);
    }
    const { purchase: theirs } = await createPurchase(db, { tenantId: b.id, addonId: addon.id, actor }, opts);

    const page1 = await listPurchases(db, { tenantId: a.id, page: 1, pageSize: 2 });
    const page2 = await listPurchases(db, { tenantId: a.id, page: 2, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect([...page1.rows, ...page2.rows].map((r) => r.id).sort()).toEqual([...mine].sort());
    expect(page1.rows[0]).toMatchObject({ addonName: "500 SMS", kind: "sms_bundle", status: "pending" });
    expect(page1.rows.map((r) => r.id)).not.toContain(theirs.id);
    expect(await getPurchase(db, { tenantId: a.id, purchaseId: theirs.id })).toBeNull();
    expect(await getPurchase(db, { tenantId: a.id, purchaseId: "not-a-uuid" })).toBeNull();
    expect(
      (await listPurchases(db, { tenantId: b.id, page: 1, pageSize: 10 })).rows.map((r) => r.id),
    ).toEqual([theirs.id]);
  });
});
