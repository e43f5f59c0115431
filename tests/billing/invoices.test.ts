import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import type { Db } from "@/db/connect";
import {
  platformAuditStream,
  platformBillingAdjustments,
  platformCheckoutSessions,
  platformInvoices,
  platformPayments,
  platformTaxRates,
} from "@/db/schema";
import type { OutgoingEvent } from "@/inngest/events";
import { invoiceTenantPeriod } from "@/lib/billing/cycle/invoice-period";
import { invoicesCsv } from "@/lib/billing/invoices/csv";
import { estimateCurrentCharge } from "@/lib/billing/invoices/estimate";
import { finalizeDueInvoices, finalizeInvoice } from "@/lib/billing/invoices/finalize";
import { createManualInvoice } from "@/lib/billing/invoices/manual";
import { getInvoice, listInvoices } from "@/lib/billing/invoices/queries";
import { markUncollectible, voidInvoice } from "@/lib/billing/invoices/status";
import { completeCheckout } from "@/lib/billing/payments/complete-checkout";
import { recordRefund } from "@/lib/billing/payments/refund-payment";
import { drainEmbeddedRunner } from "@/lib/jobs/send-event";
import { withTenant } from "@/lib/tenancy/with-tenant";
import {
  addSmsUsage,
  invoicesOf,
  linesOf,
  makeBillableTenant,
  makePlan,
  retireBillableTenants,
  utc,
} from "@/tests/billing/helpers";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, testActor } from "@/tests/helpers/fixtures";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

const JAN = utc("2031-01-01T00:00:00Z");
const FEB = utc("2031-02-01T00:00:00Z");
const HOUR = 3_600_000;

describe.each(testDatabaseKinds)("invoices on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let sent: OutgoingEvent[];
  const send = async (e: OutgoingEvent | OutgoingEvent[]) => {
    sent.push(...(Array.isArray(e) ? e : [e]));
    return { ids: [] };
  };
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    // Payments announce themselves through the embedded runner, whose functions read getDb().
    useDatabaseForTests(database);
    await db.insert(platformTaxRates).values({ country: "NG", label: "VAT", rateBps: 750 });
  });
  beforeEach(async () => {
    sent = [];
    await retireBillableTenants(db);
  });
  afterEach(() => drainEmbeddedRunner());
  afterAll(() => database.drop());

  async function draftFor(opts: { includedSms?: number; used?: number } = {}) {
    const plan = await makePlan(db, {
      monthlyPriceMinor: 4900,
      includedSms: opts.includedSms ?? 200,
      smsOveragePriceMinor: 4,
    });
    const tenant = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    if (opts.used) await addSmsUsage(db, tenant.id, opts.used, utc("2031-01-20T00:00:00Z"));
    const r = await invoiceTenantPeriod(db, { tenantId: tenant.id, asOf: utc("2031-02-01T02:00:00Z") });
    if (r.outcome !== "invoiced") throw new Error("not invoiced");
    return { tenant, plan, invoiceId: r.invoiceId };
  }

  test("late usage in the draft grace lands on the invoice when it is finalised; the event goes out once", async () => {
    const { tenant, invoiceId } = await draftFor({ used: 250 });
    expect((await invoicesOf(db, tenant.id))[0]?.totalMinor).toBe(4900 + 50 * 4);
    // Sent on the period's last second, collected an hour into the grace period.
    await addSmsUsage(db, tenant.id, 10, utc("2031-01-31T23:59:59Z"));

    // Not yet due: the grace runs to period end + 24 h.
    expect(await finalizeDueInvoices(db, { now: new Date(FEB.getTime() + 23 * HOUR), send })).toMatchObject({
      finalized: 0,
    });
    const now = new Date(FEB.getTime() + 25 * HOUR);
    const due = await finalizeDueInvoices(db, { now, send });
    expect(due).toMatchObject({ finalized: 1, failed: 0, invoiceIds: [invoiceId] });

    const [invoice] = await invoicesOf(db, tenant.id);
    expect(invoice).toMatchObject({
      status: "open",
      issuedAt: now,
      dueDate: "2031-02-16",
      subtotalMinor: 4900 + 60 * 4,
      totalMinor: 5140,
    });
    expect(await linesOf(db, invoiceId)).toContainEqual({
      kind: "sms_overage",
      quantity: 60,
      unit: 4,
      amount: 240,
      key: "sms_overage",
    });
    expect(sent).toEqual([
      {
        name: "billing/invoice.finalized",
        data: { invoiceId, tenantId: tenant.id },
        id: `invoice-finalized:${invoiceId}`,
      },
    ]);

    // Finalising again changes nothing and announces nothing.
    expect(await finalizeInvoice(db, { invoiceId, now: new Date(now.getTime() + HOUR), send })).toMatchObject(
      { finalized: false },
    );
    expect(sent).toHaveLength(1);
    const audits = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "billing.invoice.finalize"),
          eq(platformAuditStream.targetId, invoiceId),
        ),
      );
    expect(audits).toHaveLength(1);
  });

  test("usage taken back in the grace period removes the overage line; a zero invoice is issued as paid", async () => {
    const { tenant, invoiceId } = await draftFor({ used: 250 });
    await addSmsUsage(db, tenant.id, -50, utc("2031-01-31T12:00:00Z"));
    await finalizeInvoice(db, { invoiceId, now: new Date(FEB.getTime() + 30 * HOUR), send });
    expect(await linesOf(db, invoiceId)).toEqual([
      { kind: "plan", quantity: 1, unit: 4900, amount: 4900, key: "plan" },
    ]);

    const free = await makePlan(db, { monthlyPriceMinor: 0 });
    const t = await makeBillableTenant(db, { plan: free, start: JAN, end: FEB });
    const r = await invoiceTenantPeriod(db, { tenantId: t.id, asOf: FEB });
    const { invoice } = await finalizeInvoice(db, {
      invoiceId: r.outcome === "invoiced" ? r.invoiceId : "",
      now: FEB,
      send,
    });
    expect(invoice).toMatchObject({ status: "paid", totalMinor: 0, paidAt: FEB });
  });

  test("manual invoice: issued open at once with tax, numbered, audited and announced", async () => {
    const user = await createUser(db);
    const tenant = await makeBillableTenant(db, {
      plan: null,
      start: JAN,
      end: FEB,
      country: "NG",
      currency: "NGN",
    });
    const now = utc("2031-03-05T10:00:00Z");
    const invoice = await createManualInvoice(db, {
      tenantId: tenant.id,
      lines: [
        { description: "On-site training", quantity: 2, unitAmountMinor: 50_000 },
        { description: "Discount", quantity: 1, unitAmountMinor: -10_000 },
      ],
      memo: "Thanks",
      actor: testActor(user),
      now,
      send,
    });
    expect(invoice).toMatchObject({
      kind: "manual",
      status: "open",
      currency: "NGN",
      subtotalMinor: 90_000,
      taxRateBps: 750,
      taxMinor: 6_750,
      totalMinor: 96_750,
      issuedAt: now,
      dueDate: "2031-03-19",
      memo: "Thanks",
      createdByUserId: user.id,
      number: expect.stringMatching(/^HRT-2031-\d{6}$/),
    });
    expect(await linesOf(db, invoice.id)).toEqual([
      { kind: "manual", quantity: 2, unit: 50_000, amount: 100_000, key: "manual:001" },
      { kind: "manual", quantity: 1, unit: -10_000, amount: -10_000, key: "manual:002" },
    ]);
    expect(sent.map((e) => e.name)).toEqual(["billing/invoice.finalized"]);
    const [audit] = await db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.targetId, invoice.id));
    expect(audit).toMatchObject({ action: "billing.invoice.create", actorUserId: user.id });

    await expect(
      createManualInvoice(db, {
        tenantId: tenant.id,
        lines: [{ description: "Credit", quantity: 1, unitAmountMinor: -5 }],
        actor: testActor(user),
        send,
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "lines" });
    await expect(
      createManualInvoice(db, { tenantId: tenant.id, lines: [], actor: testActor(user), send }),
    ).rejects.toThrow();
  });

  test("void only unpaid drafts and open invoices; write off only open ones; both audited", async () => {
    const user = await createUser(db);
    const actor = testActor(user);
    const { tenant, invoiceId } = await draftFor();
    const voided = await voidInvoice(db, { invoiceId, reason: "Billed by mistake", actor });
    expect(voided).toMatchObject({ status: "void", voidedAt: expect.any(Date) });
    await expect(voidInvoice(db, { invoiceId, reason: "again", actor })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(markUncollectible(db, { invoiceId, reason: "nope", actor })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const paidPart = await createManualInvoice(db, {
      tenantId: tenant.id,
      lines: [{ description: "x", quantity: 1, unitAmountMinor: 1000 }],
      actor,
      send,
    });
    await db.insert(platformPayments).values({
      tenantId: tenant.id,
      invoiceId: paidPart.id,
      provider: "manual",
      providerReference: `ref-${paidPart.id}`,
      status: "succeeded",
      amountMinor: 400,
      currency: "USD",
    });
    await expect(voidInvoice(db, { invoiceId: paidPart.id, reason: "mistake", actor })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    expect(
      await markUncollectible(db, { invoiceId: paidPart.id, reason: "Hotel closed", actor }),
    ).toMatchObject({ status: "uncollectible" });
    await expect(
      voidInvoice(db, { invoiceId: "00000000-0000-4000-8000-000000000000", reason: "x y z", actor }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const actions = (
      await db.select().from(platformAuditStream).where(eq(platformAuditStream.tenantId, tenant.id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["billing.invoice.void", "billing.invoice.uncollectible"]),
    );
  });

  test("void and write-off cancel the invoice's open checkouts; money still arriving is unapplied to a void invoice, settles a written-off one", async () => {
    const user = await createUser(db);
    const actor = testActor(user);
    const tenant = await makeBillableTenant(db, { plan: null, start: JAN, end: FEB });
    const issue = () =>
      createManualInvoice(db, {
        tenantId: tenant.id,
        lines: [{ description: "Setup", quantity: 1, unitAmountMinor: 2500 }],
        actor,
        send,
      });
    const checkoutFor = async (invoiceId: string, status: "open" | "failed" = "open") => {
      const [row] = await db
        .insert(platformCheckoutSessions)
        .values({
          tenantId: tenant.id,
          provider: "test",
          purpose: "invoice",
          invoiceId,
          amountMinor: 2500,
          currency: "USD",
          status,
        })
        .returning();
      if (!row) throw new Error("no checkout");
      return row.id;
    };
    const checkoutStatus = async (id: string) =>
      (
        await db
          .select({ status: platformCheckoutSessions.status })
          .from(platformCheckoutSessions)
          .where(eq(platformCheckoutSessions.id, id))
      )[0]?.status;
    const pay = (checkoutId: string) =>
      completeCheckout(
        db,
        {
          provider: "test",
          providerReference: `test_${checkoutId}`,
          amountMinor: 2500,
          currency: "USD",
          checkoutId,
          receivedAt: utc("2031-03-02T09:00:00Z"),
        },
        { actor },
      );
    const auditOf = async (targetId: string, action: string) =>
      (
        await db
          .select()
          .from(platformAuditStream)
          .where(and(eq(platformAuditStream.targetId, targetId), eq(platformAuditStream.action, action)))
      )[0];

    const voided = await issue();
    const other = await issue();
    const openLink = await checkoutFor(voided.id);
    const failedLink = await checkoutFor(voided.id, "failed");
    const otherLink = await checkoutFor(other.id);

    await voidInvoice(db, { invoiceId: voided.id, reason: "Billed by mistake", actor });
    expect(await checkoutStatus(openLink)).toBe("cancelled");
    expect(await checkoutStatus(failedLink)).toBe("failed");
    expect(await checkoutStatus(otherLink)).toBe("open");
    expect((await auditOf(voided.id, "billing.invoice.void"))?.summary).toMatchObject({
      cancelledCheckoutIds: [openLink],
    });

    // A customer who was already on the payment page pays anyway: the money is recorded…
    const { payment } = await pay(openLink);
    expect(payment).toMatchObject({
      status: "succeeded",
      invoiceId: voided.id,
      amountMinor: 2500,
      metadata: { unapplied: "invoice_void" },
    });
    // …but the void invoice neither turns paid nor counts it as paid.
    expect((await invoicesOf(db, tenant.id)).find((i) => i.id === voided.id)).toMatchObject({
      status: "void",
      amountPaidMinor: 0,
      paidAt: null,
    });
    expect(await checkoutStatus(openLink)).toBe("completed");
    expect((await auditOf(payment.id, "billing.payment.receive"))?.summary).toMatchObject({
      invoiceId: voided.id,
      invoiceStatus: "void",
      unapplied: true,
      note: expect.stringContaining(`Invoice ${voided.number} is void`),
    });
    // The same money arriving again changes nothing; refunding it leaves the invoice void and unpaid.
    expect(await pay(openLink)).toMatchObject({ replayed: true, payment: { id: payment.id } });
    await recordRefund(db, { paymentId: payment.id, amountMinor: 2500, reason: "Invoice was void", actor });
    expect((await invoicesOf(db, tenant.id)).find((i) => i.id === voided.id)).toMatchObject({
      status: "void",
      amountPaidMinor: 0,
    });

    // Writing off cancels the links too; money that still arrives settles the debt.
    await markUncollectible(db, { invoiceId: other.id, reason: "Hotel closed", actor });
    expect(await checkoutStatus(otherLink)).toBe("cancelled");
    await pay(otherLink);
    expect((await invoicesOf(db, tenant.id)).find((i) => i.id === other.id)).toMatchObject({
      status: "paid",
      amountPaidMinor: 2500,
    });
  });

  test("a tenant lists and reads only its own invoices; another tenant's id is NOT_FOUND", async () => {
    const a = await draftFor();
    const b = await draftFor();
    const pageA = await listInvoices(db, { tenantId: a.tenant.id, page: 1, pageSize: 10 });
    expect(pageA.total).toBe(1);
    expect(pageA.rows.map((r) => r.id)).toEqual([a.invoiceId]);
    expect(pageA.rows[0]).toMatchObject({ tenantName: a.tenant.name });

    const detail = await getInvoice(db, { id: a.invoiceId, tenantId: a.tenant.id });
    expect(detail).toMatchObject({
      invoice: { id: a.invoiceId },
      balanceMinor: 4900,
      payments: [],
      refunds: [],
    });
    expect(detail.lines.map((l) => l.sourceKey)).toEqual(["plan"]);
    await expect(getInvoice(db, { id: b.invoiceId, tenantId: a.tenant.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getInvoice(db, { id: "not-a-uuid", tenantId: a.tenant.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // The console (no tenant) reads any invoice.
    expect((await getInvoice(db, { id: b.invoiceId })).invoice.tenantId).toBe(b.tenant.id);
    // Row-level security is the second wall: in A's scope, B's invoice is not there at all.
    const leaked = await withTenant(db, a.tenant.id, (tx) =>
      tx.select().from(platformInvoices).where(eq(platformInvoices.id, b.invoiceId)),
    );
    expect(leaked).toEqual([]);

    const console = await listInvoices(db, { status: "draft", q: b.tenant.name, page: 1, pageSize: 10 });
    expect(console.rows.map((r) => r.id)).toEqual([b.invoiceId]);
    const empty = await listInvoices(db, {
      periodFrom: "2031-01-02",
      periodTo: "2031-12-31",
      page: 1,
      pageSize: 10,
    });
    expect(empty.rows.map((r) => r.id)).not.toContain(a.invoiceId);
    const inJan = await listInvoices(db, {
      tenantId: a.tenant.id,
      periodFrom: "2031-01-01",
      periodTo: "2031-01-01",
      page: 1,
      pageSize: 10,
    });
    expect(inJan.total).toBe(1);
  });

  test("CSV export: header, exact decimals, quoting of awkward names", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 4950 });
    const tenant = await makeBillableTenant(db, { plan, start: JAN, end: FEB, name: 'The "Grand", Lagos' });
    await invoiceTenantPeriod(db, { tenantId: tenant.id, asOf: FEB });
    const csv = await invoicesCsv(db, { tenantId: tenant.id });
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe(
      "number,hotel,kind,status,period_start,period_end,currency,subtotal,tax_rate_percent,tax,total,amount_paid,balance,issued_at,due_date,paid_at,voided_at",
    );
    expect(row).toMatch(
      /^HRT-2031-\d{6},"The ""Grand"", Lagos",cycle,draft,2031-01-01T00:00:00.000Z,2031-02-01T00:00:00.000Z,USD,49.50,0.00,0.00,49.50,0.00,49.50,,,,$/,
    );
    expect(end).toBe("");
  });

  test("the estimate matches the invoice the cycle then makes", async () => {
    const plan = await makePlan(db, {
      monthlyPriceMinor: 10_000,
      includedSms: 100,
      smsOveragePriceMinor: 5,
      currency: "NGN",
    });
    const tenant = await makeBillableTenant(db, {
      plan,
      start: JAN,
      end: FEB,
      country: "NG",
      currency: "NGN",
    });
    await addSmsUsage(db, tenant.id, 130, utc("2031-01-10T00:00:00Z"));
    await db.insert(platformBillingAdjustments).values({
      tenantId: tenant.id,
      kind: "proration_charge",
      description: "Upgrade",
      amountMinor: 2_000,
      currency: "NGN",
    });
    // Usage after "now" is not in the estimate yet.
    await addSmsUsage(db, tenant.id, 50, utc("2031-01-25T00:00:00Z"));
    const mid = await estimateCurrentCharge(db, { tenantId: tenant.id, now: utc("2031-01-20T00:00:00Z") });
    expect(mid).toMatchObject({
      billable: true,
      currency: "NGN",
      sms: { used: 130, included: 100, over: 30 },
      subtotalMinor: 10_000 + 150 + 2_000,
    });

    const end = await estimateCurrentCharge(db, { tenantId: tenant.id, now: utc("2031-02-01T01:00:00Z") });
    expect(end).toMatchObject({
      subtotalMinor: 10_000 + 400 + 2_000,
      taxRateBps: 750,
      taxMinor: 930,
      totalMinor: 13_330,
    });
    await invoiceTenantPeriod(db, { tenantId: tenant.id, asOf: FEB });
    const [invoice] = await invoicesOf(db, tenant.id);
    expect(invoice).toMatchObject({
      subtotalMinor: end?.subtotalMinor,
      taxMinor: end?.taxMinor,
      totalMinor: end?.totalMinor,
    });
    expect(
      await estimateCurrentCharge(db, {
        tenantId: (await makeBillableTenant(db, { plan: null, start: JAN, end: FEB })).id,
        now: FEB,
      }),
    ).toBeNull();
  });
});
