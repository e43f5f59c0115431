import { eq } from "drizzle-orm";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformCheckoutSessions, platformTenants } from "@/db/schema";
import type { TenantContext } from "@/lib/auth/context";
import { type TenantPermission, tenantCan } from "@/lib/auth/permissions";
import { getInvoice } from "@/lib/billing/invoices/queries";
import type { Invoice } from "@/lib/billing/invoices/settle";
import { recordManualPayment } from "@/lib/billing/payments";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import type { Tenant } from "@/lib/tenants/queries";
import { addSmsUsage, makePlan } from "@/tests/billing/helpers";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import { billingHotel, manualInvoice } from "./world";

// The portal's billing pages and "Pay now" as the server renders and runs them, for a member of
// hotel A. The guard answers for the chosen member and, like the real one, refuses a role without
// the permission; everything behind it (RLS, queries, checkout) is real.
const guard = vi.hoisted(() => ({ ctx: null as TenantContext | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentTenant: vi.fn(async () => {
    if (!guard.ctx) throw new Error("no tenant");
    return guard.ctx.tenant;
  }),
  requireTenantMember: vi.fn(async (_tenant: Tenant, permission: TenantPermission) => {
    if (!guard.ctx) throw new Error("no session");
    if (!tenantCan(guard.ctx.role, permission)) throw new AppError("FORBIDDEN", "Not allowed.");
    return guard.ctx;
  }),
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }),
}));
vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

const { default: BillingPage } = await import("@/app/t/[slug]/(portal)/billing/page");
const { default: PaymentsPage } = await import("@/app/t/[slug]/(portal)/billing/payments/page");
const { default: PrintPage } = await import("@/app/t/[slug]/(portal)/billing/invoices/[id]/print/page");
const { payInvoiceAction } = await import("@/app/t/[slug]/(portal)/billing/actions");
const { listTenantPayments } = await import("@/lib/billing/payments/tenant-payments");

const render = (page: unknown) =>
  renderToStaticMarkup(createElement(NuqsTestingAdapter, null, page as ReactElement));
const search = (params: Record<string, string> = {}) => ({ searchParams: Promise.resolve(params) });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const digestOf = (e: unknown) => String((e as { digest?: unknown } | null)?.digest ?? "");

describe.each(testDatabaseKinds)("portal billing pages on %s", (kind) => {
  let database: TestDatabase;
  let hotelA: Tenant;
  let hotelB: Tenant;
  let owner: TestUser;
  let staff: TestUser;
  let openA: Invoice;
  let paidA: Invoice;
  let openB: Invoice;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    const db = database.db;
    owner = await createUser(db, { name: "Ada Owner" });
    staff = await createUser(db, { name: "Sam Staff" });
    const actor = testActor(owner);
    // Hotel A: on a plan with 100 SMS included at 5 cents beyond, 150 sent this period.
    const plan = await makePlan(db, {
      name: "Pro",
      monthlyPriceMinor: 4900,
      includedSms: 100,
      smsOveragePriceMinor: 5,
    });
    hotelA = await billingHotel(db, { name: "Grandview", timezone: "Africa/Lagos" });
    const start = new Date(Date.now() - 5 * 86_400_000);
    const end = new Date(Date.now() + 25 * 86_400_000);
    const [withPlan] = await db
      .update(platformTenants)
      .set({ planId: plan.id, currentPeriodStart: start, currentPeriodEnd: end })
      .where(eq(platformTenants.id, hotelA.id))
      .returning();
    if (!withPlan) throw new Error("hotel A vanished");
    hotelA = withPlan;
    await addSmsUsage(db, hotelA.id, 150, new Date(start.getTime() + 3_600_000));
    await addMember(db, hotelA.id, owner.id, "owner");
    await addMember(db, hotelA.id, staff.id, "staff");
    hotelB = await billingHotel(db, { name: "Rival Lodge" });

    openA = await manualInvoice(db, hotelA, actor, [{ description: "Onboarding", unitAmountMinor: 25_000 }]);
    paidA = await manualInvoice(db, hotelA, actor, [{ description: "Training", unitAmountMinor: 10_000 }]);
    await recordManualPayment(db, {
      invoiceId: paidA.id,
      amountMinor: 10_000,
      method: "bank_transfer",
      reference: "BANK-A-1",
      receivedAt: new Date(),
      actor,
    });
    openB = await manualInvoice(db, hotelB, actor, [{ description: "Rival setup", unitAmountMinor: 99_000 }]);
    await recordManualPayment(db, {
      invoiceId: openB.id,
      amountMinor: 1_000,
      method: "cash",
      reference: "CASH-B-1",
      receivedAt: new Date(),
      actor,
    });
  });
  afterAll(() => database.drop());

  const as = (user: TestUser, role: TenantContext["role"], tenant = hotelA) => {
    guard.ctx = { user, tenant, role, viaPlatform: false, actor: testActor(user) };
  };

  test("the owner sees the hotel's plan, usage, estimate, invoices with Pay now, and payments; none of hotel B's", async () => {
    as(owner, "owner");
    const html = render(await BillingPage(search()));
    expect(html).toContain("Pro");
    expect(html).toContain("150 of 100 included");
    expect(html).toContain("50 beyond the allowance");
    // The estimate: the plan for the next period plus 50 SMS over at 5 cents.
    expect(html).toContain(formatMoney(4900 + 250, "USD"));
    expect(html).toContain(openA.number);
    expect(html).toContain(paidA.number);
    expect(html).toContain(`aria-label="Pay invoice ${openA.number}"`);
    expect(html).not.toContain(`aria-label="Pay invoice ${paidA.number}"`);
    expect(html).toContain(`href="/billing/invoices/${openA.id}/print"`);
    expect(html).toContain(`Invoice ${paidA.number}`);
    expect(html).not.toContain(openB.number);
    expect(html).not.toContain("Rival");
  });

  test("the status filter comes from the URL, and a checkout's return shows its banner", async () => {
    as(owner, "owner");
    const paidOnly = render(await BillingPage(search({ status: "paid", payment: "succeeded" })));
    expect(paidOnly).toContain(paidA.number);
    expect(paidOnly).not.toContain(`aria-label="Pay invoice ${openA.number}"`);
    expect(paidOnly).toContain("your payment was received");
  });

  test("staff cannot open billing", async () => {
    as(staff, "staff");
    await expect(BillingPage(search())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(PrintPage(idParams(openA.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the printable invoice opens for the hotel's own invoice only: another hotel's is NOT_FOUND", async () => {
    as(owner, "owner");
    const html = renderToStaticMarkup((await PrintPage(idParams(openA.id))) as ReactElement);
    expect(html).toContain(`aria-label="Invoice ${openA.number}"`);
    expect(html).toContain("Grandview");
    expect(html).toContain("Onboarding");
    expect(html).toContain("How to pay");
    expect(html).toContain(`${hotelA.slug}.`);
    expect(html).toContain("@media print");

    for (const id of [openB.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const refused = await PrintPage(idParams(id)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(digestOf(refused)).toContain("404");
    }
    await expect(getInvoice(database.db, { id: openB.id, tenantId: hotelA.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("payments are listed in the hotel's own scope", async () => {
    const a = await listTenantPayments(database.db, { tenantId: hotelA.id, limit: 10, offset: 0 });
    expect(a.total).toBe(1);
    expect(a.rows).toEqual([
      expect.objectContaining({ invoiceNumber: paidA.number, amountMinor: 10_000, status: "succeeded" }),
    ]);
    const b = await listTenantPayments(database.db, { tenantId: hotelB.id, limit: 10, offset: 0 });
    expect(b.rows.map((r) => r.invoiceNumber)).toEqual([openB.number]);

    as(owner, "owner");
    const html = render(await PaymentsPage(search()));
    expect(html).toContain(`Invoice ${paidA.number}`);
    expect(html).not.toContain(openB.number);
  });

  test("Pay now: another hotel's invoice is refused and opens nothing; the hotel's own goes to checkout", async () => {
    as(owner, "owner");
    const refused = await payInvoiceAction({ invoiceId: openB.id });
    expect(refused?.data).toMatchObject({ ok: false, refusal: { code: "NOT_FOUND" } });
    const paid = await payInvoiceAction({ invoiceId: paidA.id });
    expect(paid?.data).toMatchObject({ ok: false, refusal: { code: "CONFLICT" } });
    expect(
      await database.db
        .select()
        .from(platformCheckoutSessions)
        .where(eq(platformCheckoutSessions.tenantId, hotelB.id)),
    ).toEqual([]);

    const redirected = await payInvoiceAction({ invoiceId: openA.id }).then(
      () => null,
      (e: unknown) => e,
    );
    const [checkout] = await database.db
      .select()
      .from(platformCheckoutSessions)
      .where(eq(platformCheckoutSessions.invoiceId, openA.id));
    expect(checkout).toMatchObject({
      tenantId: hotelA.id,
      purpose: "invoice",
      amountMinor: 25_000,
      status: "open",
    });
    expect(digestOf(redirected)).toContain("NEXT_REDIRECT");
    expect(digestOf(redirected)).toContain(checkout?.id ?? "missing");

    as(staff, "staff");
    const staffTry = await payInvoiceAction({ invoiceId: openA.id });
    expect(staffTry?.serverError).toBe("Not allowed.");
  });
});
