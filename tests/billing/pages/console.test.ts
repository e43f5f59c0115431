import { and, eq } from "drizzle-orm";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformAuditStream, platformInvoices, platformPayments, platformTaxRates } from "@/db/schema";
import type { PlatformContext } from "@/lib/auth/context";
import { type PlatformPermission, type PlatformRole, platformCan } from "@/lib/auth/permissions";
import { getInvoice } from "@/lib/billing/invoices/queries";
import type { Invoice } from "@/lib/billing/invoices/settle";
import { getBillingSettings } from "@/lib/billing/settings";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import type { Tenant } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import { billingHotel, manualInvoice } from "./world";

// The console's billing pages and actions with the real services and database. The guard answers
// for a chosen platform role and, like the real one, refuses a role without the permission asked.
const guard = vi.hoisted(() => ({ ctx: null as PlatformContext | null, asked: [] as string[] }));
vi.mock("@/lib/auth/guards", () => ({
  requirePlatformRole: vi.fn(async (permission: PlatformPermission) => {
    guard.asked.push(permission);
    if (!guard.ctx) throw new Error("no session");
    if (!platformCan(guard.ctx.platformRole, permission)) throw new AppError("FORBIDDEN", "Not allowed.");
    return guard.ctx;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }),
  usePathname: () => "/platform/billing",
}));
const sent = vi.hoisted(() => ({ events: [] as unknown[] }));
vi.mock("@/lib/jobs/send-event", () => ({
  sendEvent: vi.fn(async (event: unknown) => {
    sent.events.push(event);
    return { ids: ["evt-1"] };
  }),
}));

const overviewActions = await import("@/app/platform/billing/actions");
const invoiceActions = await import("@/app/platform/billing/invoices/actions");
const settingsActions = await import("@/app/platform/billing/settings/actions");
const { default: OverviewPage } = await import("@/app/platform/billing/page");
const { default: InvoicesPage } = await import("@/app/platform/billing/invoices/page");
const { default: InvoicePage } = await import("@/app/platform/billing/invoices/[id]/page");
const { default: SettingsPage } = await import("@/app/platform/billing/settings/page");

const render = (page: unknown) =>
  renderToStaticMarkup(createElement(NuqsTestingAdapter, null, page as ReactElement));
const search = (params: Record<string, string> = {}) => ({ searchParams: Promise.resolve(params) });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const today = () => new Date().toISOString().slice(0, 10);

describe.each(testDatabaseKinds)("console billing on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;
  let agent: TestUser;
  let naira: Tenant;
  let seeded: Invoice;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    admin = await createUser(database.db, { name: "Bea Billing" });
    agent = await createUser(database.db, { name: "Sam Support" });
    naira = await billingHotel(database.db, { name: "Lagos Palms", currency: "NGN", country: "NG" });
    seeded = await manualInvoice(database.db, naira, testActor(admin), [
      { description: "Website", unitAmountMinor: 500_000 },
    ]);
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    sent.events = [];
  });

  const as = (user: TestUser, platformRole: PlatformRole) => {
    guard.ctx = { user, platformRole, actor: testActor(user) };
    guard.asked = [];
  };

  test("a support agent reads every page but gets no write controls, and every write is refused", async () => {
    as(agent, "support_agent");
    const overview = render(await OverviewPage());
    expect(overview).toContain("MRR");
    expect(overview).toContain("Revenue by month");
    expect(overview).not.toContain("Run billing now");
    const list = render(await InvoicesPage(search()));
    expect(list).toContain(seeded.number);
    expect(list).toContain("Lagos Palms");
    expect(list).toContain("Export CSV");
    expect(list).not.toContain("New manual invoice");
    const detail = render(await InvoicePage(idParams(seeded.id)));
    expect(detail).toContain("Website");
    expect(detail).toContain(`/platform/billing/invoices/${seeded.id}/print`);
    expect(detail).not.toContain("Record payment");
    expect(detail).not.toContain("Mark uncollectible");
    const settings = render(await SettingsPage());
    expect(settings).toContain("Billing settings");
    expect(settings).not.toContain("Add tax rate");
    expect(guard.asked.every((p) => p === "billing.read")).toBe(true);

    const ref = { invoiceId: seeded.id, reason: "testing refusal" };
    const results = [
      await overviewActions.runBillingNowAction({}),
      await invoiceActions.createManualInvoiceAction({
        tenantId: naira.id,
        lines: [{ description: "x", quantity: 1, unitPrice: "1" }],
      }),
      await invoiceActions.recordPaymentAction({
        invoiceId: seeded.id,
        amount: "1",
        method: "cash",
        reference: "R",
        receivedOn: today(),
      }),
      await invoiceActions.voidInvoiceAction(ref),
      await invoiceActions.markUncollectibleAction(ref),
      await settingsActions.saveTaxRateAction({
        mode: "create",
        country: "NG",
        label: "VAT",
        ratePercent: "7.5",
      }),
      await settingsActions.updateBillingSettingsAction({
        draftGraceHours: "1",
        paymentTermsDays: "1",
        reminderDays: "1",
        pastDueAfterDays: "1",
        suspendAfterDays: "2",
      }),
    ];
    for (const result of results) expect(result?.serverError).toBe("Not allowed.");
    expect(sent.events).toEqual([]);
    expect((await getInvoice(database.db, { id: seeded.id })).invoice.status).toBe("open");
    expect(await database.db.select().from(platformTaxRates)).toEqual([]);
  });

  test("a manual invoice: prices typed in the hotel's currency become minor units; bad ones come back on their line", async () => {
    as(admin, "billing_admin");
    const refused = await invoiceActions.createManualInvoiceAction({
      tenantId: naira.id,
      lines: [
        { description: "Fine", quantity: "1", unitPrice: "10" },
        { description: "Too precise", quantity: "1", unitPrice: "1.234" },
      ],
    });
    expect(refused?.data).toMatchObject({
      ok: false,
      refusal: { code: "INVALID", field: "lines.1.unitPrice" },
    });
    const invalid = await invoiceActions.createManualInvoiceAction({
      tenantId: naira.id,
      lines: [{ description: "", quantity: "0", unitPrice: "5" }],
    });
    expect(invalid?.validationErrors).toBeDefined();

    const created = await invoiceActions.createManualInvoiceAction({
      tenantId: naira.id,
      lines: [
        { description: "Consulting", quantity: "3", unitPrice: "1500.50" },
        { description: "Goodwill", quantity: "1", unitPrice: "-500" },
      ],
      dueDate: "",
      memo: "Thanks",
    });
    if (!created?.data?.ok) throw new Error(`not created: ${JSON.stringify(created)}`);
    const { invoice, lines } = await getInvoice(database.db, { id: created.data.data.id });
    expect(invoice).toMatchObject({
      currency: "NGN",
      subtotalMinor: 3 * 150_050 - 50_000,
      status: "open",
      memo: "Thanks",
    });
    expect(lines.map((l) => l.unitAmountMinor)).toEqual([150_050, -50_000]);
  });

  test("record a payment, refund part of it, and see both in the invoice's history", async () => {
    as(admin, "billing_admin");
    const invoice = await manualInvoice(database.db, naira, testActor(admin), [
      { description: "Signage", unitAmountMinor: 200_000 },
    ]);
    const tooMuch = await invoiceActions.recordPaymentAction({
      invoiceId: invoice.id,
      amount: "2000.01",
      method: "bank_transfer",
      reference: "TRF-1",
      receivedOn: today(),
    });
    expect(tooMuch?.data).toMatchObject({ ok: false, refusal: { field: "amountMinor" } });
    const paid = await invoiceActions.recordPaymentAction({
      invoiceId: invoice.id,
      amount: "1500",
      method: "bank_transfer",
      reference: "TRF-1",
      receivedOn: today(),
      note: "First half",
    });
    expect(paid?.data).toMatchObject({ ok: true, data: { replayed: false } });
    const [payment] = await database.db
      .select()
      .from(platformPayments)
      .where(eq(platformPayments.invoiceId, invoice.id));
    if (!payment) throw new Error("no payment");
    expect(payment).toMatchObject({ amountMinor: 150_000, provider: "manual", method: "bank_transfer" });

    const refund = await invoiceActions.refundPaymentAction({
      invoiceId: invoice.id,
      paymentId: payment.id,
      amount: "250",
      reason: "Overcharged signage",
    });
    expect(refund?.data).toMatchObject({ ok: true });
    // A payment of another invoice cannot be refunded through this one.
    const elsewhere = await invoiceActions.refundPaymentAction({
      invoiceId: seeded.id,
      paymentId: payment.id,
      amount: "1",
      reason: "wrong invoice",
    });
    expect(elsewhere?.data).toMatchObject({ ok: false, refusal: { code: "NOT_FOUND" } });

    const after = await getInvoice(database.db, { id: invoice.id });
    expect(after.invoice.amountPaidMinor).toBe(150_000 - 25_000);
    const html = render(await InvoicePage(idParams(invoice.id)));
    expect(html).toContain(`Payment of ${formatMoney(150_000, "NGN")}`);
    expect(html).toContain(`Refund of ${formatMoney(25_000, "NGN")}`);
    expect(html).toContain("Overcharged signage");
    expect(html).toContain(admin.email);
    expect(html).toContain("Record payment");
    expect(html).toContain('aria-label="Refund payment TRF-1"');
  });

  test("void and write off need a reason, land in the audit log and show in the history", async () => {
    as(admin, "billing_admin");
    const a = await manualInvoice(database.db, naira, testActor(admin), [
      { description: "A", unitAmountMinor: 1000 },
    ]);
    const b = await manualInvoice(database.db, naira, testActor(admin), [
      { description: "B", unitAmountMinor: 1000 },
    ]);
    const noReason = await invoiceActions.voidInvoiceAction({ invoiceId: a.id, reason: "" });
    expect(noReason?.validationErrors).toBeDefined();
    expect(await invoiceActions.voidInvoiceAction({ invoiceId: a.id, reason: "Sent twice" })).toMatchObject({
      data: { ok: true, data: { status: "void" } },
    });
    expect(await invoiceActions.voidInvoiceAction({ invoiceId: a.id, reason: "Again" })).toMatchObject({
      data: { ok: false, refusal: { code: "CONFLICT" } },
    });
    expect(
      await invoiceActions.markUncollectibleAction({ invoiceId: b.id, reason: "Hotel closed" }),
    ).toMatchObject({
      data: { ok: true, data: { status: "uncollectible" } },
    });
    const html = render(await InvoicePage(idParams(b.id)));
    expect(html).toContain("Written off as uncollectible");
    expect(html).toContain("Hotel closed");
    const [audit] = await database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(eq(platformAuditStream.action, "billing.invoice.void"), eq(platformAuditStream.targetId, a.id)),
      );
    expect(audit).toMatchObject({ actorUserId: admin.id, summary: { reason: "Sent twice" } });
  });

  test("run billing now asks the billing-cycle job to run, audited", async () => {
    as(admin, "billing_admin");
    const result = await overviewActions.runBillingNowAction({});
    expect(result?.data).toEqual({ eventIds: ["evt-1"] });
    expect(sent.events).toEqual([
      { name: "billing/cycle.requested", data: { asOf: null, requestedBy: admin.id } },
    ]);
    const audits = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.action, "billing.cycle.request"));
    expect(audits.map((a) => a.actorUserId)).toEqual([admin.id]);
    const html = render(await OverviewPage());
    expect(html).toContain("Run billing now");
  });

  test("tax rates and billing settings through the settings actions", async () => {
    as(admin, "billing_admin");
    expect(
      await settingsActions.saveTaxRateAction({
        mode: "create",
        country: "ng",
        label: "VAT",
        ratePercent: "7.5",
      }),
    ).toMatchObject({ data: { ok: true, data: { country: "NG" } } });
    expect(
      await settingsActions.saveTaxRateAction({
        mode: "create",
        country: "NG",
        label: "VAT",
        ratePercent: "8",
      }),
    ).toMatchObject({ data: { ok: false, refusal: { code: "CONFLICT", field: "country" } } });
    const badRate = await settingsActions.saveTaxRateAction({
      mode: "update",
      country: "NG",
      label: "VAT",
      ratePercent: "abc",
    });
    expect(badRate?.validationErrors).toBeDefined();
    expect(
      await settingsActions.saveTaxRateAction({
        mode: "update",
        country: "NG",
        label: "VAT",
        ratePercent: "12.5",
      }),
    ).toMatchObject({ data: { ok: true } });
    const [rate] = await database.db
      .select()
      .from(platformTaxRates)
      .where(eq(platformTaxRates.country, "NG"));
    expect(rate?.rateBps).toBe(1250);
    // The next manual invoice for the Nigerian hotel carries the tax.
    const taxed = await manualInvoice(database.db, naira, testActor(admin), [
      { description: "T", unitAmountMinor: 10_000 },
    ]);
    expect(taxed).toMatchObject({ taxRateBps: 1250, taxMinor: 1250, totalMinor: 11_250 });
    const [stored] = await database.db
      .select()
      .from(platformInvoices)
      .where(eq(platformInvoices.id, taxed.id));
    expect(stored?.totalMinor).toBe(11_250);

    const settings = await settingsActions.updateBillingSettingsAction({
      draftGraceHours: "12",
      paymentTermsDays: "30",
      reminderDays: "2, 5",
      pastDueAfterDays: "2",
      suspendAfterDays: "20",
    });
    expect(settings?.data).toMatchObject({ ok: true });
    expect(await getBillingSettings(database.db)).toMatchObject({
      paymentTermsDays: 30,
      reminderDays: [2, 5],
    });
    const page = render(await SettingsPage());
    expect(page).toContain("12.5%");
    expect(page).toContain('aria-label="Delete the tax rate for NG"');
    expect(page).toContain("2, 5");
    expect(await settingsActions.deleteTaxRateAction({ country: "NG" })).toMatchObject({
      data: { ok: true },
    });
    expect(await settingsActions.deleteTaxRateAction({ country: "NG" })).toMatchObject({
      data: { ok: false, refusal: { code: "NOT_FOUND" } },
    });
  });
});
