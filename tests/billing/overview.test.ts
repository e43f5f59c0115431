import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/db/connect";
import { platformInvoices, platformPayments, platformRefunds } from "@/db/schema";
import { billingOverview } from "@/lib/billing/invoices/overview";
import { addSmsUsage, makeBillableTenant, makePlan, utc } from "@/tests/billing/helpers";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

describe.each(testDatabaseKinds)("billing overview on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.drop());

  test("MRR, outstanding, overdue, revenue by month and overage by tenant", async () => {
    const now = utc("2031-06-15T12:00:00Z");
    const start = utc("2031-06-01T00:00:00Z");
    const end = utc("2031-07-01T00:00:00Z");
    const pro = await makePlan(db, {
      monthlyPriceMinor: 4900,
      yearlyPriceMinor: 49_000,
      includedSms: 100,
      smsOveragePriceMinor: 3,
    });
    const naira = await makePlan(db, { currency: "NGN", monthlyPriceMinor: 1_000_000 });
    const monthly = await makeBillableTenant(db, { plan: pro, start, end, name: "Monthly" });
    await makeBillableTenant(db, { plan: pro, start, end, interval: "yearly", status: "past_due" });
    await makeBillableTenant(db, { plan: pro, start, end, status: "trial" });
    await makeBillableTenant(db, { plan: pro, start, end, status: "suspended" });
    const lagos = await makeBillableTenant(db, { plan: naira, start, end, currency: "NGN", country: "NG" });
    await addSmsUsage(db, monthly.id, 150, utc("2031-06-10T00:00:00Z"));
    await addSmsUsage(db, monthly.id, 999, utc("2031-06-20T00:00:00Z")); // after "now"

    const invoice = (
      tenantId: string,
      currency: string,
      total: number,
      paid: number,
      dueDate: string,
      status: "open" | "paid" = "open",
    ) => ({
      tenantId,
      number: `T-${Math.random()}`,
      kind: "manual" as const,
      status,
      periodStart: start,
      periodEnd: start,
      currency,
      subtotalMinor: total,
      totalMinor: total,
      amountPaidMinor: paid,
      finalizeAfter: start,
      dueDate,
    });
    await db.insert(platformInvoices).values([
      invoice(monthly.id, "USD", 5000, 1000, "2031-06-10"), // overdue: 4000
      invoice(monthly.id, "USD", 3000, 0, "2031-06-20"), // outstanding only
      invoice(monthly.id, "USD", 7000, 7000, "2031-06-01", "paid"),
      invoice(lagos.id, "NGN", 500_000, 0, "2031-06-14"),
    ]);
    const payment = (
      amount: number,
      at: string,
      status: "succeeded" | "failed" | "partially_refunded" = "succeeded",
    ) => ({
      tenantId: monthly.id,
      provider: "test" as const,
      providerReference: `p-${Math.random()}`,
      status,
      amountMinor: amount,
      currency: "USD",
      receivedAt: utc(at),
    });
    const [refunded] = await db
      .insert(platformPayments)
      .values([
        payment(2000, "2031-05-03T00:00:00Z", "partially_refunded"),
        payment(1000, "2031-06-01T00:00:00Z"),
        payment(900, "2031-06-02T00:00:00Z", "failed"),
        payment(5000, "2030-01-01T00:00:00Z"), // outside the 12 months
      ])
      .returning();
    await db.insert(platformRefunds).values({
      paymentId: refunded?.id ?? "",
      tenantId: monthly.id,
      amountMinor: 500,
      reference: "rf-1",
      createdAt: utc("2031-06-05T00:00:00Z"),
    });

    const o = await billingOverview(db, { now });
    // 4900 + round(49,000 / 12 = 4,083.33) = 8,983; trial and suspended tenants pay nothing yet.
    expect(o.mrrMinorByCurrency).toEqual({ USD: 8_983, NGN: 1_000_000 });
    expect(o.outstandingMinorByCurrency).toEqual({ USD: 7_000, NGN: 500_000 });
    expect(o.overdueMinorByCurrency).toEqual({ USD: 4_000, NGN: 500_000 });
    expect(o.revenueByMonth).toHaveLength(12);
    expect(o.revenueByMonth[0]).toEqual({ month: "2030-07", currency: "USD", amountMinor: 0 });
    expect(o.revenueByMonth).toContainEqual({ month: "2031-05", currency: "USD", amountMinor: 2000 });
    expect(o.revenueByMonth).toContainEqual({ month: "2031-06", currency: "USD", amountMinor: 1000 - 500 });
    expect(o.overageByTenant).toEqual([
      {
        tenantId: monthly.id,
        tenantName: "Monthly",
        currency: "USD",
        periodStart: start.toISOString(),
        smsUsed: 150,
        smsIncluded: 100,
        overSegments: 50,
        overageMinor: 150,
      },
    ]);
  });
});
