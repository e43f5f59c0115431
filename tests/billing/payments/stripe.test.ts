import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { useDatabaseForTests } from "@/db/client";
import { platformCheckoutSessions, platformWebhookEvents } from "@/db/schema";
import { paymentsConfig } from "@/lib/billing/payments/config";
import { refundPayment } from "@/lib/billing/payments/refund-payment";
import { startCheckout } from "@/lib/billing/payments/start-checkout";
import {
  refundedCharge,
  type StripeFake,
  signStripePayload,
  startStripeFake,
  stripeEvent,
  TEST_STRIPE_KEY,
  TEST_STRIPE_WEBHOOK_SECRET,
} from "@/tests/fakes/stripe";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, testActor } from "@/tests/helpers/fixtures";
import { createBillingTenant, createInvoice, getInvoice, paymentsOf } from "./world";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

let fake: StripeFake;
beforeAll(async () => {
  fake = await startStripeFake();
  // Read by paymentsConfig() in the route, as in production.
  process.env.STRIPE_SECRET_KEY = TEST_STRIPE_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = fake.url;
});
afterAll(() => fake.close());

/** Posts a body to the webhook route as Stripe would, signed unless a header is given. */
async function deliver(body: string, signature = signStripePayload(body)) {
  const response = await POST(
    new Request("http://localhost:3000/api/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body,
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.each(testDatabaseKinds)("Stripe checkout and webhooks on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    actor = testActor(await createUser(database.db));
  });
  afterAll(() => database.drop());

  /** A USD tenant with an open invoice and a Stripe Checkout Session opened for it. */
  async function openInvoiceCheckout(totalMinor = 4_000) {
    const db = database.db;
    const tenant = await createBillingTenant(db, { currency: "USD" });
    const invoice = await createInvoice(db, tenant, { totalMinor });
    const started = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id },
      actor,
    );
    const [checkout] = await db
      .select()
      .from(platformCheckoutSessions)
      .where(eq(platformCheckoutSessions.id, started.checkoutId));
    if (!checkout?.providerSessionId) throw new Error("no Stripe session recorded");
    return { tenant, invoice, started, sessionId: checkout.providerSessionId };
  }

  test("startCheckout creates a Checkout Session with the tenant, invoice and an idempotency key", async () => {
    expect(paymentsConfig().stripe?.apiBase).toBe(fake.url);
    const { tenant, invoice, started, sessionId } = await openInvoiceCheckout(4_000);
    expect(started.provider).toBe("stripe");
    expect(started.url).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({
      method: "POST",
      path: "/v1/checkout/sessions",
      authorization: `Bearer ${TEST_STRIPE_KEY}`,
      idempotencyKey: started.checkoutId,
      contentType: "application/x-www-form-urlencoded",
    });
    expect(request?.form).toMatchObject({
      mode: "payment",
      client_reference_id: tenant.id,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "4000",
      "line_items[0][price_data][product_data][name]": `Invoice ${invoice.number}`,
      "metadata[tenantId]": tenant.id,
      "metadata[checkoutId]": started.checkoutId,
      "metadata[invoiceId]": invoice.id,
      success_url: `http://${tenant.slug}.localhost:3000/billing?payment=succeeded&checkout=${started.checkoutId}`,
      cancel_url: `http://${tenant.slug}.localhost:3000/billing?payment=cancelled&checkout=${started.checkoutId}`,
    });
  });

  test("a signed checkout.session.completed pays the invoice; the same event again changes nothing", async () => {
    const { tenant, invoice, sessionId } = await openInvoiceCheckout(4_000);
    const body = JSON.stringify(stripeEvent("checkout.session.completed", fake.paidSession(sessionId)));
    const first = await deliver(body);
    expect(first).toEqual({ status: 200, json: { received: true, outcome: "processed" } });
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({
      status: "paid",
      amountPaidMinor: 4_000,
    });
    // Stripe redelivers (same event id): recognised, applied once.
    const again = await deliver(body);
    expect(again).toEqual({ status: 200, json: { received: true, outcome: "duplicate" } });
    // A different event for the same money (e.g. async_payment_succeeded too) is also applied once.
    const twin = await deliver(
      JSON.stringify(stripeEvent("checkout.session.async_payment_succeeded", fake.sessions.get(sessionId))),
    );
    expect(twin.status).toBe(200);
    const payments = await paymentsOf(database.db, tenant.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ provider: "stripe", amountMinor: 4_000, currency: "USD" });
    expect(payments[0]?.providerReference).toMatch(/^pi_/);
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ amountPaidMinor: 4_000 });
  });

  test("a forged or tampered webhook is refused with 400 and nothing is stored or applied", async () => {
    const { tenant, invoice, sessionId } = await openInvoiceCheckout(2_000);
    const event = stripeEvent("checkout.session.completed", fake.paidSession(sessionId));
    const body = JSON.stringify(event);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const forged = await deliver(body, signStripePayload(body, "whsec_notTheRealSecret000000"));
    expect(forged.status).toBe(400);
    // Signed correctly, then the amount changed in transit.
    const tampered = await deliver(
      body.replace('"amount_total":2000', '"amount_total":1'),
      signStripePayload(body),
    );
    expect(tampered.status).toBe(400);
    const unsigned = await deliver(body, "");
    expect(unsigned.status).toBe(400);
    // Each refusal is logged for the operator.
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ status: "open", amountPaidMinor: 0 });
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(0);
    const stored = await database.db
      .select()
      .from(platformWebhookEvents)
      .where(and(eq(platformWebhookEvents.provider, "stripe"), eq(platformWebhookEvents.eventId, event.id)));
    expect(stored).toHaveLength(0);
  });

  test("a refund that arrives before its payment waits, then applies once the payment is recorded", async () => {
    const { tenant, invoice, sessionId } = await openInvoiceCheckout(4_000);
    const paid = fake.paidSession(sessionId);
    const paymentIntent = paid.payment_intent ?? "";
    const refundBody = JSON.stringify(
      stripeEvent(
        "charge.refunded",
        refundedCharge({
          paymentIntent,
          amount: 4_000,
          currency: "usd",
          refunds: [{ id: "re_early", amount: 1_000 }],
        }),
      ),
    );
    const early = await deliver(refundBody);
    expect(early).toEqual({ status: 200, json: { received: true, outcome: "deferred" } });
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(0);

    await deliver(JSON.stringify(stripeEvent("checkout.session.completed", paid)));
    const [payment] = await paymentsOf(database.db, tenant.id);
    expect(payment).toMatchObject({ status: "partially_refunded", amountMinor: 4_000, refundedMinor: 1_000 });
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({
      status: "open",
      amountPaidMinor: 3_000,
    });
    // Stripe redelivering the early refund now finds it processed.
    expect((await deliver(refundBody)).json.outcome).toBe("duplicate");
    // A later charge.refunded lists both refunds: only the new one is recorded.
    await deliver(
      JSON.stringify(
        stripeEvent(
          "charge.refunded",
          refundedCharge({
            paymentIntent,
            amount: 4_000,
            currency: "usd",
            refunds: [
              { id: "re_late", amount: 500 },
              { id: "re_early", amount: 1_000 },
            ],
          }),
        ),
      ),
    );
    const [after] = await paymentsOf(database.db, tenant.id);
    expect(after).toMatchObject({ status: "partially_refunded", refundedMinor: 1_500 });
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ amountPaidMinor: 2_500 });
    // Stripe refunds are made in Stripe; the console does not record them by hand.
    await expect(
      refundPayment(database.db, { paymentId: after?.id ?? "", amountMinor: 1, reason: "By hand", actor }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("a session that completes after it expired still pays: the money arrived", async () => {
    const { invoice, started, sessionId } = await openInvoiceCheckout(1_500);
    const session = fake.sessions.get(sessionId);
    await deliver(JSON.stringify(stripeEvent("checkout.session.expired", { ...session, status: "expired" })));
    const [expired] = await database.db
      .select()
      .from(platformCheckoutSessions)
      .where(eq(platformCheckoutSessions.id, started.checkoutId));
    expect(expired?.status).toBe("expired");
    await deliver(JSON.stringify(stripeEvent("checkout.session.completed", fake.paidSession(sessionId))));
    const [completed] = await database.db
      .select()
      .from(platformCheckoutSessions)
      .where(eq(platformCheckoutSessions.id, started.checkoutId));
    expect(completed?.status).toBe("completed");
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({
      status: "paid",
      amountPaidMinor: 1_500,
    });
  });

  test("a delayed payment method: completed unpaid gives nothing; async_payment_succeeded pays", async () => {
    const { invoice, sessionId } = await openInvoiceCheckout(2_500);
    const unpaid = fake.paidSession(sessionId, { paymentStatus: "unpaid" });
    await deliver(JSON.stringify(stripeEvent("checkout.session.completed", unpaid)));
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ status: "open", amountPaidMinor: 0 });
    await deliver(
      JSON.stringify(stripeEvent("checkout.session.async_payment_succeeded", fake.paidSession(sessionId))),
    );
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({
      status: "paid",
      amountPaidMinor: 2_500,
    });
  });

  test("a processing failure answers 500 (so Stripe retries) and keeps the event unprocessed with its error", async () => {
    const { tenant, sessionId } = await openInvoiceCheckout(1_000);
    // The session's currency does not match the checkout's: completeCheckout refuses.
    const event = stripeEvent("checkout.session.completed", {
      ...fake.paidSession(sessionId),
      currency: "eur",
    });
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    const response = await deliver(JSON.stringify(event));
    expect(response.status).toBe(500);
    const [row] = await database.db
      .select()
      .from(platformWebhookEvents)
      .where(and(eq(platformWebhookEvents.provider, "stripe"), eq(platformWebhookEvents.eventId, event.id)));
    expect(row?.processedAt).toBeNull();
    expect(row?.error).toMatch(/EUR/);
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(0);
  });
});
