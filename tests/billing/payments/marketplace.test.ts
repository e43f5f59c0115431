import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { platformTenantAddons } from "@/db/schema";
import { completeCheckout } from "@/lib/billing/payments/complete-checkout";
import { refundPayment } from "@/lib/billing/payments/refund-payment";
import { startCheckout } from "@/lib/billing/payments/start-checkout";
import { settleTestCheckout } from "@/lib/billing/payments/test-checkout";
import { debitCredits } from "@/lib/credits/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, testActor } from "@/tests/helpers/fixtures";
import {
  auditActions,
  balanceOf,
  createBillingTenant,
  createFeatureAddon,
  createPurchase,
  createSmsBundle,
  embeddedConfig,
  getPurchase,
  overrideOf,
  paymentsOf,
  purchaseLedger,
} from "./world";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

describe.each(testDatabaseKinds)("add-on purchase fulfilment on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;
  const config = embeddedConfig;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = testActor(await createUser(database.db));
  });
  afterAll(() => database.drop());

  test("an SMS bundle grants its credits once, with the payment reference as the ledger key", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db, { currency: "NGN" });
    const bundle = await createSmsBundle(db, { credits: 500 });
    const purchase = await createPurchase(db, tenant, bundle, { amountMinor: 1_500_000, quantity: 2 });
    const { checkoutId } = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "addon", purchaseId: purchase.id },
      actor,
      {
        config,
      },
    );
    const result = await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId, outcome: "succeeded", actor },
      { config },
    );
    expect(result.redirectPath).toBe(`/marketplace?payment=succeeded&checkout=${checkoutId}`);
    // The same money reported again (a webhook after the callback) gives nothing more.
    const replay = await completeCheckout(db, {
      provider: "test",
      providerReference: `test_${checkoutId}`,
      amountMinor: 1_500_000,
      currency: "NGN",
      checkoutId,
      receivedAt: new Date(),
    });
    expect(replay.replayed).toBe(true);

    expect(await balanceOf(db, tenant.id)).toBe(1000);
    const ledger = await purchaseLedger(db, tenant.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ delta: 1000, reference: `test_${checkoutId}` });
    const fulfilled = await getPurchase(db, purchase.id);
    expect(fulfilled).toMatchObject({ status: "fulfilled", paymentProvider: "test" });
    expect(fulfilled.fulfilledAt).toBeInstanceOf(Date);
    expect(await paymentsOf(db, tenant.id)).toHaveLength(1);
    // A fulfilled purchase cannot be checked out again.
    await expect(
      startCheckout(db, { tenantId: tenant.id, purpose: "addon", purchaseId: purchase.id }, actor, {
        config,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("a full refund of an SMS bundle takes back what is left of the credits, never below zero", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const bundle = await createSmsBundle(db, { credits: 100 });
    const purchase = await createPurchase(db, tenant, bundle, { amountMinor: 2_000 });
    const { checkoutId } = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "addon", purchaseId: purchase.id },
      actor,
      {
        config,
      },
    );
    await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId, outcome: "succeeded", actor },
      { config },
    );
    expect(await balanceOf(db, tenant.id)).toBe(100);
    // 30 credits were spent before the refund: only 70 can come back.
    await debitCredits(db, { tenantId: tenant.id, amount: 30, reference: "msg-before-refund" });
    const [payment] = await paymentsOf(db, tenant.id);
    if (!payment) throw new Error("no payment");
    // A partial refund does not reverse the purchase.
    await refundPayment(db, { paymentId: payment.id, amountMinor: 500, reason: "Partial goodwill", actor });
    expect((await getPurchase(db, purchase.id)).status).toBe("fulfilled");
    expect(await balanceOf(db, tenant.id)).toBe(70);
    await refundPayment(db, {
      paymentId: payment.id,
      amountMinor: 1_500,
      reason: "Customer cancelled",
      actor,
    });
    expect(await balanceOf(db, tenant.id)).toBe(0);
    const refunded = await getPurchase(db, purchase.id);
    expect(refunded.status).toBe("refunded");
    expect(refunded.refundedAt).toBeInstanceOf(Date);
    expect(await auditActions(db, tenant.id)).toEqual(
      expect.arrayContaining([
        "marketplace.purchase.fulfil",
        "marketplace.purchase.reverse",
        "credits.adjust",
      ]),
    );
  });

  test("a feature add-on switches its flag on for the tenant once; a full refund switches it off", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const other = await createBillingTenant(db);
    const addon = await createFeatureAddon(db);
    const key = addon.featureFlagKey ?? "";
    const purchase = await createPurchase(db, tenant, addon, { amountMinor: 9_900 });
    const { checkoutId } = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "addon", purchaseId: purchase.id },
      actor,
      {
        config,
      },
    );
    await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId, outcome: "succeeded", actor },
      { config },
    );
    await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId, outcome: "succeeded", actor },
      { config },
    );
    expect(await overrideOf(db, tenant.id, key)).toEqual({ enabled: true });
    expect(await overrideOf(db, other.id, key)).toBeNull();
    const [held] = await db
      .select()
      .from(platformTenantAddons)
      .where(eq(platformTenantAddons.tenantId, tenant.id));
    expect(held).toMatchObject({ addonId: addon.id, purchaseId: purchase.id, active: true });
    expect((await auditActions(db, tenant.id)).filter((a) => a === "flag.override.set")).toHaveLength(1);

    const [payment] = await paymentsOf(db, tenant.id);
    if (!payment) throw new Error("no payment");
    await refundPayment(db, { paymentId: payment.id, amountMinor: 9_900, reason: "Did not need it", actor });
    expect(await overrideOf(db, tenant.id, key)).toBeNull();
    const [ended] = await db
      .select()
      .from(platformTenantAddons)
      .where(eq(platformTenantAddons.tenantId, tenant.id));
    expect(ended?.active).toBe(false);
    expect((await getPurchase(db, purchase.id)).status).toBe("refunded");
  });

  test("a failed or cancelled purchase checkout leaves nothing granted, and can be tried again", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const bundle = await createSmsBundle(db, { credits: 50 });
    const purchase = await createPurchase(db, tenant, bundle, { amountMinor: 1_000 });
    const first = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "addon", purchaseId: purchase.id },
      actor,
      {
        config,
      },
    );
    await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId: first.checkoutId, outcome: "failed", actor },
      { config },
    );
    expect((await getPurchase(db, purchase.id)).status).toBe("failed");
    expect(await balanceOf(db, tenant.id)).toBe(0);
    const second = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "addon", purchaseId: purchase.id },
      actor,
      {
        config,
      },
    );
    expect((await getPurchase(db, purchase.id)).status).toBe("pending");
    await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId: second.checkoutId, outcome: "cancelled", actor },
      { config },
    );
    expect((await getPurchase(db, purchase.id)).status).toBe("cancelled");
    expect(await balanceOf(db, tenant.id)).toBe(0);
  });
});
