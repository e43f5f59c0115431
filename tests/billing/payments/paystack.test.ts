import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { POST } from "@/app/api/webhooks/paystack/route";
import { useDatabaseForTests } from "@/db/client";
import { platformCheckoutSessions, platformWebhookEvents } from "@/db/schema";
import { verifyPaystackCallback } from "@/lib/billing/payments/paystack/settle";
import { verifyPaystackSignature } from "@/lib/billing/payments/paystack/signature";
import { startCheckout } from "@/lib/billing/payments/start-checkout";
import type { Tenant } from "@/lib/tenants/queries";
import {
  type PaystackFake,
  paystackChargeSuccess,
  signPaystackBody,
  startPaystackFake,
  TEST_PAYSTACK_KEY,
} from "@/tests/fakes/paystack";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, testActor } from "@/tests/helpers/fixtures";
import { createBillingTenant, createInvoice, getInvoice, paymentsOf } from "./world";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

// The callback page, rendered as Next would: its guard answers for the test's tenant and
// redirect() throws with the destination.
const page = vi.hoisted(() => ({ tenant: null as Tenant | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentTenant: vi.fn(async () => {
    if (!page.tenant) throw new Error("no tenant");
    return page.tenant;
  }),
  requireTenantMember: vi.fn(async () => ({})),
}));
class Redirect extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirect(to);
  },
}));
const { default: PaystackCallbackPage } = await import(
  "@/app/t/[slug]/(portal)/billing/paystack/callback/page"
);

let fake: PaystackFake;
beforeAll(async () => {
  fake = await startPaystackFake();
  process.env.PAYSTACK_SECRET_KEY = TEST_PAYSTACK_KEY;
  process.env.PAYSTACK_BASE_URL = fake.url;
  delete process.env.STRIPE_SECRET_KEY;
});
afterAll(() => fake.close());

async function deliver(body: string, signature = signPaystackBody(body)) {
  const response = await POST(
    new Request("http://localhost:3000/api/webhooks/paystack", {
      method: "POST",
      headers: { "content-type": "application/json", "x-paystack-signature": signature },
      body,
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function visitCallback(tenant: Tenant, reference: string): Promise<string> {
  page.tenant = tenant;
  try {
    await PaystackCallbackPage({ searchParams: Promise.resolve({ reference, trxref: reference }) });
  } catch (error) {
    if (error instanceof Redirect) return error.to;
    throw error;
  }
  throw new Error("the callback page did not redirect");
}

describe.each(testDatabaseKinds)("Paystack checkout, callback and webhooks on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    actor = testActor(await createUser(database.db));
  });
  afterAll(() => database.drop());

  async function openInvoiceCheckout(totalMinor = 2_500_000) {
    const db = database.db;
    const tenant = await createBillingTenant(db, { currency: "NGN" });
    const invoice = await createInvoice(db, tenant, { totalMinor });
    const started = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id },
      actor,
      {
        customerEmail: "owner@grandview.test",
      },
    );
    return { tenant, invoice, started, reference: started.checkoutId };
  }

  test("startCheckout initializes a transaction in kobo with our checkout id as the reference", async () => {
    const { tenant, invoice, started } = await openInvoiceCheckout(2_500_000);
    expect(started.provider).toBe("paystack");
    expect(started.url).toMatch(/^https:\/\/checkout\.paystack\.com\//);
    expect(fake.requests.at(-1)).toEqual({
      method: "POST",
      path: "/transaction/initialize",
      authorization: `Bearer ${TEST_PAYSTACK_KEY}`,
      json: {
        email: "owner@grandview.test",
        amount: 2_500_000,
        currency: "NGN",
        reference: started.checkoutId,
        callback_url: `http://${tenant.slug}.localhost:3000/billing/paystack/callback`,
        metadata: { tenantId: tenant.id, checkoutId: started.checkoutId, invoiceId: invoice.id },
      },
    });
    const [checkout] = await database.db
      .select()
      .from(platformCheckoutSessions)
      .where(eq(platformCheckoutSessions.id, started.checkoutId));
    expect(checkout).toMatchObject({
      provider: "paystack",
      providerSessionId: started.checkoutId,
      url: started.url,
    });
  });

  test("the callback verifies server-side and pays; the webhook that follows gives nothing more", async () => {
    const { tenant, invoice, reference } = await openInvoiceCheckout();
    // Back before paying: verify says abandoned, nothing is given.
    expect(await verifyPaystackCallback(database.db, { tenantId: tenant.id, reference })).toMatchObject({
      outcome: "cancelled",
    });
    // The checkout is closed, but money arriving later still counts (below).
    const transaction = fake.settle(reference);
    expect(await visitCallback(tenant, reference)).toBe(`/billing?payment=succeeded&checkout=${reference}`);
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({
      status: "paid",
      amountPaidMinor: 2_500_000,
    });

    const webhook = await deliver(paystackChargeSuccess(transaction));
    expect(webhook.status).toBe(200);
    expect(await visitCallback(tenant, reference)).toBe(`/billing?payment=succeeded&checkout=${reference}`);
    const payments = await paymentsOf(database.db, tenant.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      provider: "paystack",
      providerReference: reference,
      amountMinor: 2_500_000,
    });
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ amountPaidMinor: 2_500_000 });
  });

  test("the webhook first, then the callback: value once; a redelivered webhook is a duplicate", async () => {
    const { tenant, invoice, reference } = await openInvoiceCheckout(1_000_000);
    const body = paystackChargeSuccess(fake.settle(reference));
    expect(await deliver(body)).toEqual({ status: 200, json: { received: true, outcome: "processed" } });
    expect(await deliver(body)).toEqual({ status: 200, json: { received: true, outcome: "duplicate" } });
    const settled = await verifyPaystackCallback(database.db, { tenantId: tenant.id, reference });
    expect(settled).toMatchObject({ outcome: "succeeded", replayed: true });
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(1);
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({
      status: "paid",
      amountPaidMinor: 1_000_000,
    });
  });

  test("the callback and the webhook racing each other give value once", async () => {
    const { tenant, invoice, reference } = await openInvoiceCheckout(900_000);
    const body = paystackChargeSuccess(fake.settle(reference));
    const [callback, webhook] = await Promise.all([
      verifyPaystackCallback(database.db, { tenantId: tenant.id, reference }),
      deliver(body),
      verifyPaystackCallback(database.db, { tenantId: tenant.id, reference }),
    ]);
    expect(callback.outcome).toBe("succeeded");
    expect(webhook.status).toBe(200);
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(1);
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({
      status: "paid",
      amountPaidMinor: 900_000,
    });
  });

  test("an amount or currency that does not match the checkout gives no value", async () => {
    const { tenant, invoice, reference } = await openInvoiceCheckout(500_000);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const cheap = fake.settle(reference, { amount: 100 });
    expect(await visitCallback(tenant, reference)).toBe(`/billing?payment=failed&checkout=${reference}`);
    const body = paystackChargeSuccess(cheap);
    expect(await deliver(body)).toEqual({ status: 200, json: { received: true, outcome: "ignored" } });
    const dollars = fake.settle(reference, { currency: "USD" });
    expect((await verifyPaystackCallback(database.db, { tenantId: tenant.id, reference })).outcome).toBe(
      "refused",
    );
    expect((await deliver(paystackChargeSuccess({ ...dollars, id: dollars.id + 1 }))).json.outcome).toBe(
      "ignored",
    );
    vi.mocked(console.warn).mockRestore();
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(0);
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ status: "open", amountPaidMinor: 0 });
    const [row] = await database.db
      .select()
      .from(platformWebhookEvents)
      .where(
        and(
          eq(platformWebhookEvents.provider, "paystack"),
          eq(platformWebhookEvents.eventId, `charge.success:${cheap.id}`),
        ),
      );
    expect(row?.error).toMatch(/^refused: Paystack reported 100 NGN/);
  });

  test("a forged signature is refused with 400 and nothing is stored or applied", async () => {
    const { tenant, invoice, reference } = await openInvoiceCheckout(700_000);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const body = paystackChargeSuccess(fake.settle(reference));
    expect((await deliver(body, signPaystackBody(body, "sk_test_someoneElse"))).status).toBe(400);
    expect((await deliver(body, "")).status).toBe(400);
    expect(
      (await deliver(body.replace('"amount":700000', '"amount":1'), signPaystackBody(body))).status,
    ).toBe(400);
    vi.mocked(console.warn).mockRestore();
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(0);
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ status: "open" });
    const stored = await database.db
      .select()
      .from(platformWebhookEvents)
      .where(eq(platformWebhookEvents.provider, "paystack"));
    expect(stored.filter((e) => JSON.stringify(e.payload).includes(reference))).toHaveLength(0);
  });

  test("another tenant's reference on the callback page settles nothing", async () => {
    const { tenant, invoice, reference } = await openInvoiceCheckout(300_000);
    const intruder = await createBillingTenant(database.db, { currency: "NGN" });
    fake.settle(reference);
    expect(await visitCallback(intruder, reference)).toBe("/billing?payment=unknown");
    expect(await paymentsOf(database.db, tenant.id)).toHaveLength(0);
    expect(await getInvoice(database.db, invoice.id)).toMatchObject({ status: "open" });
  });
});

describe("verifyPaystackSignature", () => {
  const body = '{"event":"charge.success","data":{"id":1}}';
  test.each([
    ["the right key", signPaystackBody(body), true],
    ["another key", signPaystackBody(body, "sk_test_other"), false],
    ["upper-case hex of the right key", signPaystackBody(body).toUpperCase(), true],
    ["a truncated signature", signPaystackBody(body).slice(0, 64), false],
    ["no header", null, false],
  ])("%s → %s", (_label, header, valid) => {
    expect(verifyPaystackSignature(body, header, TEST_PAYSTACK_KEY)).toBe(valid);
  });
});
