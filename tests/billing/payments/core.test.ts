import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { platformCheckoutSessions, platformRefunds } from "@/db/schema";
import { recordManualPayment } from "@/lib/billing/payments/manual-payment";
import { refundPayment } from "@/lib/billing/payments/refund-payment";
import { startCheckout } from "@/lib/billing/payments/start-checkout";
import { getTestCheckout, settleTestCheckout } from "@/lib/billing/payments/test-checkout";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, testActor } from "@/tests/helpers/fixtures";
import {
  auditActions,
  createBillingTenant,
  createInvoice,
  embeddedConfig,
  getInvoice,
  paymentsOf,
} from "./world";

// Events are sent after commit; the tests read what was sent.
const sent = vi.hoisted(() => ({ events: [] as Array<{ name: string; data: Record<string, unknown> }> }));
vi.mock("@/lib/jobs/send-event", () => ({
  sendEvent: vi.fn(async (event: { name: string; data: Record<string, unknown> }) => {
    sent.events.push(event);
    return { ids: [] };
  }),
}));

describe.each(testDatabaseKinds)("checkout, test checkout, manual payments and refunds on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;
  const config = embeddedConfig;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = testActor(await createUser(database.db));
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    sent.events.length = 0;
  });

  test("embedded mode: an invoice checkout opens the test checkout page; Pay marks the invoice paid", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const invoice = await createInvoice(db, tenant, { totalMinor: 4900, amountPaidMinor: 900 });
    const started = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id },
      actor,
      {
        config,
      },
    );
    expect(started.provider).toBe("test");
    expect(started.url).toBe(`http://${tenant.slug}.localhost:3000/checkout/test/${started.checkoutId}`);
    // The outstanding balance, not the total, is what the checkout asks for.
    const summary = await getTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId: started.checkoutId },
      { config },
    );
    expect(summary?.checkout).toMatchObject({
      amountMinor: 4000,
      currency: "USD",
      status: "open",
      provider: "test",
    });
    expect(summary?.description).toBe(`Invoice ${invoice.number}`);

    const result = await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId: started.checkoutId, outcome: "succeeded", actor },
      { config },
    );
    expect(result).toEqual({
      outcome: "succeeded",
      redirectPath: `/billing?payment=succeeded&checkout=${started.checkoutId}`,
    });
    const paid = await getInvoice(db, invoice.id);
    expect(paid).toMatchObject({ status: "paid", amountPaidMinor: 4900 });
    expect(paid.paidAt).toBeInstanceOf(Date);
    // Pressing Pay again pays nothing more.
    await settleTestCheckout(
      db,
      { tenantId: tenant.id, checkoutId: started.checkoutId, outcome: "succeeded", actor },
      { config },
    );
    const payments = await paymentsOf(db, tenant.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      provider: "test",
      providerReference: `test_${started.checkoutId}`,
      amountMinor: 4000,
      status: "succeeded",
      invoiceId: invoice.id,
    });
    expect((await getInvoice(db, invoice.id)).amountPaidMinor).toBe(4900);
    expect(sent.events).toEqual([
      {
        name: "billing/payment.succeeded",
        id: `payment-succeeded:${payments[0]?.id}`,
        data: { paymentId: payments[0]?.id, tenantId: tenant.id, invoiceId: invoice.id, purchaseId: null },
      },
    ]);
    expect(await auditActions(db, tenant.id)).toEqual(
      expect.arrayContaining(["billing.checkout.start", "billing.payment.receive"]),
    );
  });

  test("test checkout Fail and Cancel close the checkout, leave the invoice unpaid and cannot be paid after", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const invoice = await createInvoice(db, tenant, { totalMinor: 1000 });
    for (const outcome of ["failed", "cancelled"] as const) {
      const { checkoutId } = await startCheckout(
        db,
        { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id },
        actor,
        {
          config,
        },
      );
      const result = await settleTestCheckout(
        db,
        { tenantId: tenant.id, checkoutId, outcome, actor },
        { config },
      );
      expect(result.outcome).toBe(outcome);
      const [row] = await db
        .select()
        .from(platformCheckoutSessions)
        .where(eq(platformCheckoutSessions.id, checkoutId));
      expect(row?.status).toBe(outcome);
      // Simulated money cannot be paid into a closed test checkout (an old tab, a back button).
      await expect(
        settleTestCheckout(db, { tenantId: tenant.id, checkoutId, outcome: "succeeded", actor }, { config }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    }
    expect(await getInvoice(db, invoice.id)).toMatchObject({ status: "open", amountPaidMinor: 0 });
    expect(await paymentsOf(db, tenant.id)).toHaveLength(0);
    expect(sent.events).toHaveLength(0);
  });

  test("the test checkout does not exist once the tenant's provider is configured", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const invoice = await createInvoice(db, tenant, { totalMinor: 1000 });
    const { checkoutId } = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id },
      actor,
      {
        config,
      },
    );
    const live = {
      ...config,
      stripe: { secretKey: "sk_test_live", webhookSecret: "whsec_x", apiBase: null },
    };
    expect(await getTestCheckout(db, { tenantId: tenant.id, checkoutId }, { config: live })).toBeNull();
    await expect(
      settleTestCheckout(
        db,
        { tenantId: tenant.id, checkoutId, outcome: "succeeded", actor },
        { config: live },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getInvoice(db, invoice.id)).toMatchObject({ status: "open", amountPaidMinor: 0 });
  });

  test("a tenant cannot start a checkout for, or settle, another tenant's invoice", async () => {
    const db = database.db;
    const mine = await createBillingTenant(db);
    const theirs = await createBillingTenant(db);
    const theirInvoice = await createInvoice(db, theirs, { totalMinor: 1000 });
    await expect(
      startCheckout(db, { tenantId: mine.id, purpose: "invoice", invoiceId: theirInvoice.id }, actor, {
        config,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { checkoutId } = await startCheckout(
      db,
      { tenantId: theirs.id, purpose: "invoice", invoiceId: theirInvoice.id },
      actor,
      { config },
    );
    expect(await getTestCheckout(db, { tenantId: mine.id, checkoutId }, { config })).toBeNull();
    await expect(
      settleTestCheckout(db, { tenantId: mine.id, checkoutId, outcome: "succeeded", actor }, { config }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getInvoice(db, theirInvoice.id)).toMatchObject({ status: "open", amountPaidMinor: 0 });
    expect(
      await db.select().from(platformCheckoutSessions).where(eq(platformCheckoutSessions.tenantId, mine.id)),
    ).toHaveLength(0);
  });

  test.each([
    ["paid", { status: "paid" as const, amountPaidMinor: 1000 }, /already paid/],
    ["void", { status: "void" as const }, /voided/],
    ["draft", { status: "draft" as const }, /not issued/],
  ])("a %s invoice cannot be paid through checkout", async (_label, state, message) => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const invoice = await createInvoice(db, tenant, { totalMinor: 1000, ...state });
    await expect(
      startCheckout(db, { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id }, actor, {
        config,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(message) });
  });

  test("manual partial payments add up to paid; overpaying is refused; the same reference records once", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db, { currency: "NGN" });
    const invoice = await createInvoice(db, tenant, { totalMinor: 500_000 });
    const receivedAt = new Date("2026-02-03T10:00:00Z");
    const first = await recordManualPayment(db, {
      invoiceId: invoice.id,
      amountMinor: 200_000,
      method: "bank_transfer",
      reference: "GTB-001",
      receivedAt,
      actor,
    });
    expect(first.payment).toMatchObject({ provider: "manual", currency: "NGN", method: "bank_transfer" });
    expect(await getInvoice(db, invoice.id)).toMatchObject({
      status: "open",
      amountPaidMinor: 200_000,
      paidAt: null,
    });
    // A double-submitted form: same reference, same amount, one payment.
    const again = await recordManualPayment(db, {
      invoiceId: invoice.id,
      amountMinor: 200_000,
      method: "bank_transfer",
      reference: "GTB-001",
      receivedAt,
      actor,
    });
    expect(again).toMatchObject({ replayed: true, payment: { id: first.payment.id } });
    await expect(
      recordManualPayment(db, {
        invoiceId: invoice.id,
        amountMinor: 300_001,
        method: "cash",
        reference: "CASH-1",
        receivedAt,
        actor,
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "amountMinor" });
    await recordManualPayment(db, {
      invoiceId: invoice.id,
      amountMinor: 300_000,
      method: "cash",
      reference: "CASH-1",
      receivedAt,
      actor,
    });
    const paid = await getInvoice(db, invoice.id);
    expect(paid).toMatchObject({ status: "paid", amountPaidMinor: 500_000 });
    expect(paid.paidAt?.toISOString()).toBe(receivedAt.toISOString());
    await expect(
      recordManualPayment(db, {
        invoiceId: invoice.id,
        amountMinor: 1,
        method: "cash",
        reference: "CASH-2",
        receivedAt,
        actor,
      }),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/already paid/) });
    expect(await paymentsOf(db, tenant.id)).toHaveLength(2);
    expect((await auditActions(db, tenant.id)).filter((a) => a === "billing.payment.record")).toHaveLength(2);
    expect(sent.events.map((e) => e.name)).toEqual([
      "billing/payment.succeeded",
      "billing/payment.succeeded",
    ]);
  });

  test("refunds: partial keeps the payment partially refunded and reopens the invoice; more than is left is refused", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const invoice = await createInvoice(db, tenant, { totalMinor: 10_000 });
    const { payment } = await recordManualPayment(db, {
      invoiceId: invoice.id,
      amountMinor: 10_000,
      method: "card",
      reference: "POS-77",
      receivedAt: new Date("2026-02-01T00:00:00Z"),
      actor,
    });
    expect((await getInvoice(db, invoice.id)).status).toBe("paid");

    const partial = await refundPayment(db, {
      paymentId: payment.id,
      amountMinor: 2_500,
      reason: "Goodwill",
      actor,
    });
    expect(partial.payment).toMatchObject({ status: "partially_refunded", refundedMinor: 2_500 });
    expect(await getInvoice(db, invoice.id)).toMatchObject({
      status: "open",
      amountPaidMinor: 7_500,
      paidAt: null,
    });

    await expect(
      refundPayment(db, { paymentId: payment.id, amountMinor: 7_501, reason: "Too much", actor }),
    ).rejects.toMatchObject({ code: "INVALID", field: "amountMinor" });

    // The same refund reference applies once.
    const rest = await refundPayment(db, {
      paymentId: payment.id,
      amountMinor: 7_500,
      reason: "Cancelled",
      reference: "RF-1",
      actor,
    });
    const replay = await refundPayment(db, {
      paymentId: payment.id,
      amountMinor: 7_500,
      reason: "Cancelled",
      reference: "RF-1",
      actor,
    });
    expect(replay).toMatchObject({ replayed: true, refund: { id: rest.refund.id } });
    expect(rest.payment).toMatchObject({ status: "refunded", refundedMinor: 10_000 });
    expect(await getInvoice(db, invoice.id)).toMatchObject({ status: "open", amountPaidMinor: 0 });
    expect(
      await db.select().from(platformRefunds).where(eq(platformRefunds.paymentId, payment.id)),
    ).toHaveLength(2);
    await expect(
      refundPayment(db, { paymentId: payment.id, amountMinor: 1, reason: "Again", actor }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await auditActions(db, tenant.id)).filter((a) => a === "billing.payment.refund")).toHaveLength(2);
  });
});
