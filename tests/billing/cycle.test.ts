import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Db } from "@/db/connect";
import {
  platformAddonPrices,
  platformAddonPurchases,
  platformAddons,
  platformAuditStream,
  platformBillingAdjustments,
  platformInvoices,
  platformTaxRates,
  platformTenantAddons,
  platformTenants,
} from "@/db/schema";
import { invoiceTenantPeriod } from "@/lib/billing/cycle/invoice-period";
import { runBillingCycle, tenantsDueForBilling } from "@/lib/billing/cycle/run";
import type { Plan } from "@/lib/plans/queries";
import type { Tenant } from "@/lib/tenants/queries";
import {
  addSmsUsage,
  invoicesOf,
  linesOf,
  makeBillableTenant,
  makePlan,
  retireBillableTenants,
  tenantRow,
  utc,
} from "@/tests/billing/helpers";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

const JAN = utc("2031-01-01T00:00:00Z");
const FEB = utc("2031-02-01T00:00:00Z");
const AS_OF = utc("2031-02-01T02:00:00Z");

type Case = {
  name: string;
  plan: Parameters<typeof makePlan>[1];
  tenant?: { interval?: "monthly" | "yearly"; end?: Date; country?: string; currency?: string };
  setup?: (db: Db, tenant: Tenant, plan: Plan) => Promise<void>;
  lines: Array<{ kind: string; quantity: number; unit: number; amount: number; key: string | RegExp }>;
  totals: { subtotalMinor: number; taxRateBps: number; taxMinor: number; totalMinor: number };
  nextPeriod: [string, string];
};

async function addAdjustment(
  db: Db,
  tenant: Tenant,
  kind: "proration_credit" | "proration_charge" | "manual",
  amount: number,
) {
  const [row] = await db
    .insert(platformBillingAdjustments)
    .values({ tenantId: tenant.id, kind, description: kind, amountMinor: amount, currency: tenant.currency })
    .returning();
  return row;
}

async function addFeatureAddon(
  db: Db,
  opts: { billing: "recurring" | "one_off"; prices: Record<string, number> },
) {
  const code = `addon-${Math.random().toString(36).slice(2, 8)}`;
  const [addon] = await db
    .insert(platformAddons)
    .values({
      code,
      name: "Channel manager",
      kind: "feature",
      featureFlagKey: "channel_manager",
      billing: opts.billing,
    })
    .returning();
  if (!addon) throw new Error("no addon");
  const prices = Object.entries(opts.prices).map(([currency, amountMinor]) => ({
    addonId: addon.id,
    currency,
    amountMinor,
  }));
  if (prices.length) await db.insert(platformAddonPrices).values(prices);
  return addon;
}

const cases: Case[] = [
  {
    name: "plan only",
    plan: { monthlyPriceMinor: 4900 },
    lines: [{ kind: "plan", quantity: 1, unit: 4900, amount: 4900, key: "plan" }],
    totals: { subtotalMinor: 4900, taxRateBps: 0, taxMinor: 0, totalMinor: 4900 },
    nextPeriod: ["2031-02-01", "2031-03-01"],
  },
  {
    name: "SMS overage: 200 included, 260 used → 60 × 4",
    plan: { monthlyPriceMinor: 4900, includedSms: 200, smsOveragePriceMinor: 4 },
    setup: async (db, t) => {
      await addSmsUsage(db, t.id, 150, utc("2031-01-05T10:00:00Z"));
      await addSmsUsage(db, t.id, 110, utc("2031-01-31T23:59:59Z"));
      // Outside the period: before it and on the next period's first instant.
      await addSmsUsage(db, t.id, 500, utc("2030-12-31T23:59:59Z"));
      await addSmsUsage(db, t.id, 500, FEB);
    },
    lines: [
      { kind: "plan", quantity: 1, unit: 4900, amount: 4900, key: "plan" },
      { kind: "sms_overage", quantity: 60, unit: 4, amount: 240, key: "sms_overage" },
    ],
    totals: { subtotalMinor: 5140, taxRateBps: 0, taxMinor: 0, totalMinor: 5140 },
    nextPeriod: ["2031-02-01", "2031-03-01"],
  },
  {
    name: "within the allowance: no overage line",
    plan: { monthlyPriceMinor: 4900, includedSms: 200, smsOveragePriceMinor: 4 },
    setup: async (db, t) => addSmsUsage(db, t.id, 200, utc("2031-01-10T00:00:00Z")),
    lines: [{ kind: "plan", quantity: 1, unit: 4900, amount: 4900, key: "plan" }],
    totals: { subtotalMinor: 4900, taxRateBps: 0, taxMinor: 0, totalMinor: 4900 },
    nextPeriod: ["2031-02-01", "2031-03-01"],
  },
  {
    name: "proration adjustments from a mid-period upgrade, and a manual adjustment",
    plan: { monthlyPriceMinor: 9900 },
    setup: async (db, t) => {
      await addAdjustment(db, t, "proration_credit", -2450);
      await addAdjustment(db, t, "proration_charge", 4950);
      await addAdjustment(db, t, "manual", -500);
    },
    lines: [
      { kind: "plan", quantity: 1, unit: 9900, amount: 9900, key: "plan" },
      { kind: "proration", quantity: 1, unit: -2450, amount: -2450, key: /^adjustment:/ },
      { kind: "proration", quantity: 1, unit: 4950, amount: 4950, key: /^adjustment:/ },
      { kind: "adjustment", quantity: 1, unit: -500, amount: -500, key: /^adjustment:/ },
    ],
    totals: { subtotalMinor: 11900, taxRateBps: 0, taxMinor: 0, totalMinor: 11900 },
    nextPeriod: ["2031-02-01", "2031-03-01"],
  },
  {
    name: "credits beyond the charges: invoice at zero, the rest carried forward",
    plan: { monthlyPriceMinor: 1000 },
    setup: async (db, t) => {
      await addAdjustment(db, t, "proration_credit", -3000);
    },
    lines: [
      { kind: "plan", quantity: 1, unit: 1000, amount: 1000, key: "plan" },
      { kind: "proration", quantity: 1, unit: -3000, amount: -3000, key: /^adjustment:/ },
      { kind: "adjustment", quantity: 1, unit: 2000, amount: 2000, key: /^carry:/ },
    ],
    totals: { subtotalMinor: 0, taxRateBps: 0, taxMinor: 0, totalMinor: 0 },
    nextPeriod: ["2031-02-01", "2031-03-01"],
  },
  {
    name: "add-ons: a recurring feature and a purchase on account",
    plan: { monthlyPriceMinor: 4900 },
    setup: async (db, t) => {
      const recurring = await addFeatureAddon(db, {
        billing: "recurring",
        prices: { USD: 1500, NGN: 900000 },
      });
      await db.insert(platformTenantAddons).values({ tenantId: t.id, addonId: recurring.id });
      const inactive = await addFeatureAddon(db, { billing: "recurring", prices: { USD: 700 } });
      await db.insert(platformTenantAddons).values({ tenantId: t.id, addonId: inactive.id, active: false });
      const oneOff = await addFeatureAddon(db, { billing: "one_off", prices: { USD: 2500 } });
      await db.insert(platformAddonPurchases).values([
        {
          tenantId: t.id,
          addonId: oneOff.id,
          amountMinor: 2500,
          currency: "USD",
          status: "fulfilled",
          onAccount: true,
        },
        // Paid at checkout (not on account), and a cancelled order: neither is billed.
        { tenantId: t.id, addonId: oneOff.id, amountMinor: 2500, currency: "USD", status: "fulfilled" },
        {
          tenantId: t.id,
          addonId: oneOff.id,
          amountMinor: 2500,
          currency: "USD",
          status: "cancelled",
          onAccount: true,
        },
      ]);
    },
    lines: [
      { kind: "plan", quantity: 1, unit: 4900, amount: 4900, key: "plan" },
      { kind: "addon", quantity: 1, unit: 1500, amount: 1500, key: /^addon:/ },
      { kind: "addon", quantity: 1, unit: 2500, amount: 2500, key: /^purchase:/ },
    ],
    totals: { subtotalMinor: 8900, taxRateBps: 0, taxMinor: 0, totalMinor: 8900 },
    nextPeriod: ["2031-02-01", "2031-03-01"],
  },
  {
    name: "yearly plan: yearly price, allowance 200 a month × 12, period moves a year",
    plan: { monthlyPriceMinor: 4900, yearlyPriceMinor: 49000, includedSms: 200, smsOveragePriceMinor: 4 },
    tenant: { interval: "yearly", end: utc("2032-01-01T00:00:00Z") },
    setup: async (db, t) => {
      await addSmsUsage(db, t.id, 1300, utc("2031-03-01T00:00:00Z"));
      await addSmsUsage(db, t.id, 1200, utc("2031-11-30T00:00:00Z"));
    },
    lines: [
      { kind: "plan", quantity: 1, unit: 49000, amount: 49000, key: "plan" },
      { kind: "sms_overage", quantity: 100, unit: 4, amount: 400, key: "sms_overage" },
    ],
    totals: { subtotalMinor: 49400, taxRateBps: 0, taxMinor: 0, totalMinor: 49400 },
    nextPeriod: ["2032-01-01", "2033-01-01"],
  },
  {
    name: "tax: Nigeria at 7.5%, rounded half up once on the subtotal",
    plan: { currency: "NGN", monthlyPriceMinor: 1_234_567 },
    tenant: { country: "NG", currency: "NGN" },
    lines: [{ kind: "plan", quantity: 1, unit: 1_234_567, amount: 1_234_567, key: "plan" }],
    totals: { subtotalMinor: 1_234_567, taxRateBps: 750, taxMinor: 92_593, totalMinor: 1_327_160 },
    nextPeriod: ["2031-02-01", "2031-03-01"],
  },
];

describe.each(testDatabaseKinds)("billing cycle on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await db.insert(platformTaxRates).values({ country: "NG", label: "VAT", rateBps: 750 });
  });
  beforeEach(() => retireBillableTenants(db));
  afterAll(() => database.drop());

  test.each(cases)("worked example: $name", async (c) => {
    const plan = await makePlan(db, c.plan);
    const tenant = await makeBillableTenant(db, {
      plan,
      start: JAN,
      end: c.tenant?.end ?? FEB,
      interval: c.tenant?.interval,
      country: c.tenant?.country,
      currency: c.tenant?.currency,
    });
    await c.setup?.(db, tenant, plan);
    const asOf = new Date((c.tenant?.end ?? FEB).getTime() + 2 * 3_600_000);

    const result = await invoiceTenantPeriod(db, { tenantId: tenant.id, asOf });
    expect(result).toMatchObject({ outcome: "invoiced", totalMinor: c.totals.totalMinor });

    const [invoice, ...others] = await invoicesOf(db, tenant.id);
    expect(others).toHaveLength(0);
    expect(invoice).toMatchObject({
      kind: "cycle",
      status: "draft",
      currency: tenant.currency,
      periodStart: JAN,
      periodEnd: c.tenant?.end ?? FEB,
      ...c.totals,
      // period end + the default 24 h draft grace
      finalizeAfter: new Date((c.tenant?.end ?? FEB).getTime() + 24 * 3_600_000),
      number: expect.stringMatching(new RegExp(`^HRT-${asOf.getUTCFullYear()}-\\d{6}$`)),
    });
    const lines = await linesOf(db, invoice?.id ?? "");
    expect(lines).toHaveLength(c.lines.length);
    for (const expected of c.lines) {
      expect(lines).toContainEqual({
        ...expected,
        key: typeof expected.key === "string" ? expected.key : expect.stringMatching(expected.key),
      });
    }
    const after = await tenantRow(db, tenant.id);
    expect([
      after.currentPeriodStart?.toISOString().slice(0, 10),
      after.currentPeriodEnd?.toISOString().slice(0, 10),
    ]).toEqual(c.nextPeriod);

    // What the invoice bills is stamped: the next invoice does not bill it again.
    const pending = await db
      .select()
      .from(platformBillingAdjustments)
      .where(eq(platformBillingAdjustments.tenantId, tenant.id));
    for (const adj of pending) {
      if (adj.description.startsWith("Credit carried forward")) {
        expect(adj).toMatchObject({ invoiceId: null, invoicedAt: null, amountMinor: -2000, kind: "manual" });
      } else {
        expect(adj).toMatchObject({ invoiceId: invoice?.id, invoicedAt: expect.any(Date) });
      }
    }
    const purchases = await db
      .select()
      .from(platformAddonPurchases)
      .where(eq(platformAddonPurchases.tenantId, tenant.id));
    for (const p of purchases)
      expect(p.invoiceId).toBe(p.onAccount && p.status !== "cancelled" ? invoice?.id : null);

    const [audit] = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "billing.invoice.create"),
          eq(platformAuditStream.targetId, invoice?.id ?? ""),
        ),
      );
    expect(audit).toMatchObject({ actorKind: "system", actorLabel: "billing-cycle", tenantId: tenant.id });
  });

  test("the carried-forward credit lands on the next invoice", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 1000 });
    const tenant = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    await addAdjustment(db, tenant, "proration_credit", -2500);
    await invoiceTenantPeriod(db, { tenantId: tenant.id, asOf: AS_OF });
    const second = await invoiceTenantPeriod(db, { tenantId: tenant.id, asOf: utc("2031-03-01T00:00:00Z") });
    expect(second).toMatchObject({ outcome: "invoiced", totalMinor: 0 });
    const third = await invoiceTenantPeriod(db, { tenantId: tenant.id, asOf: utc("2031-04-01T00:00:00Z") });
    // 1000 − 2500 → carry 1500; 1000 − 1500 → carry 500; 1000 − 500 = 500.
    expect(third).toMatchObject({ outcome: "invoiced", totalMinor: 500 });
    expect((await invoicesOf(db, tenant.id)).map((i) => i.totalMinor)).toEqual([0, 0, 500]);
  });

  test("only active and past-due tenants with a plan whose period has ended are due", async () => {
    const plan = await makePlan(db);
    const due = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    const pastDue = await makeBillableTenant(db, { plan, start: JAN, end: FEB, status: "past_due" });
    await makeBillableTenant(db, { plan, start: JAN, end: FEB, status: "trial" });
    await makeBillableTenant(db, { plan, start: JAN, end: FEB, status: "suspended" });
    await makeBillableTenant(db, { plan: null, start: JAN, end: FEB });
    await makeBillableTenant(db, { plan, start: FEB, end: utc("2031-03-01T00:00:00Z") });
    expect((await tenantsDueForBilling(db, { asOf: AS_OF })).sort()).toEqual([due.id, pastDue.id].sort());
    expect(
      await invoiceTenantPeriod(db, {
        tenantId: (await makeBillableTenant(db, { plan, start: FEB, end: utc("2031-03-01T00:00:00Z") })).id,
        asOf: AS_OF,
      }),
    ).toEqual({
      outcome: "not_due",
    });
  });

  test("exactly once: running the cycle twice bills each tenant once and advances its period once", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 2000 });
    const tenants = await Promise.all(
      [1, 2, 3].map(() => makeBillableTenant(db, { plan, start: JAN, end: FEB })),
    );
    expect(await runBillingCycle(db, { asOf: AS_OF })).toMatchObject({ invoiced: 3, skipped: 0, failed: 0 });
    expect(await runBillingCycle(db, { asOf: AS_OF })).toMatchObject({ invoiced: 0, skipped: 0, failed: 0 });
    for (const t of tenants) {
      expect(await invoicesOf(db, t.id)).toHaveLength(1);
      expect((await tenantRow(db, t.id)).currentPeriodEnd).toEqual(utc("2031-03-01T00:00:00Z"));
    }

    // The database is the backstop: even if the period were put back by hand, the same period
    // yields the existing invoice, no second one and no second advance.
    const [first] = tenants;
    if (!first) throw new Error("no tenant");
    await db
      .update(platformTenants)
      .set({ currentPeriodStart: JAN, currentPeriodEnd: FEB })
      .where(eq(platformTenants.id, first.id));
    const [existing] = await invoicesOf(db, first.id);
    expect(await invoiceTenantPeriod(db, { tenantId: first.id, asOf: AS_OF })).toEqual({
      outcome: "existing",
      invoiceId: existing?.id,
      number: existing?.number,
    });
    expect(await invoicesOf(db, first.id)).toHaveLength(1);
    expect(await linesOf(db, existing?.id ?? "")).toHaveLength(1);
    expect((await tenantRow(db, first.id)).currentPeriodEnd).toEqual(FEB);
    await retireBillableTenants(db);
  });

  test("a crash midway, then a rerun: every tenant has exactly one invoice, numbers unique", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 3000 });
    const tenants = await Promise.all(
      [1, 2, 3, 4, 5].map(() => makeBillableTenant(db, { plan, start: JAN, end: FEB })),
    );
    let billed = 0;
    const crash = async () => {
      billed++;
      if (billed === 2) throw new Error("process killed");
    };
    await expect(runBillingCycle(db, { asOf: AS_OF, afterTenant: crash })).rejects.toThrow("process killed");
    const ids = tenants.map((t) => t.id);
    const afterCrash = await db
      .select()
      .from(platformInvoices)
      .where(inArray(platformInvoices.tenantId, ids));
    expect(afterCrash).toHaveLength(2);

    expect(await runBillingCycle(db, { asOf: AS_OF })).toMatchObject({ invoiced: 3, failed: 0 });
    const all = await db.select().from(platformInvoices).where(inArray(platformInvoices.tenantId, ids));
    expect(all).toHaveLength(5);
    expect(new Set(all.map((i) => i.tenantId)).size).toBe(5);
    expect(new Set(all.map((i) => i.number)).size).toBe(5);
    for (const t of tenants) expect((await tenantRow(db, t.id)).currentPeriodStart).toEqual(FEB);
  });

  test("one tenant failing does not stop the others, and leaves nothing half-written", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 3000 });
    const good = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    const bad = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    const alsoGood = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    // A recurring add-on with no price in the tenant's currency: its lines cannot be built.
    const addon = await addFeatureAddon(db, { billing: "recurring", prices: { EUR: 1000 } });
    await db.insert(platformTenantAddons).values({ tenantId: bad.id, addonId: addon.id });
    const adjustment = await addAdjustment(db, bad, "manual", 700);

    const result = await runBillingCycle(db, { asOf: AS_OF });
    expect(result).toMatchObject({
      invoiced: 2,
      failed: 1,
      failures: [{ tenantId: bad.id, error: expect.stringContaining("no price in USD") }],
    });
    expect(await invoicesOf(db, good.id)).toHaveLength(1);
    expect(await invoicesOf(db, alsoGood.id)).toHaveLength(1);
    expect(await invoicesOf(db, bad.id)).toHaveLength(0);
    expect((await tenantRow(db, bad.id)).currentPeriodStart).toEqual(JAN);
    const [adj] = await db
      .select()
      .from(platformBillingAdjustments)
      .where(eq(platformBillingAdjustments.id, adjustment?.id ?? ""));
    expect(adj?.invoicedAt).toBeNull();

    // Fixed (a USD price), the next run bills it.
    await db.insert(platformAddonPrices).values({ addonId: addon.id, currency: "USD", amountMinor: 1000 });
    expect(await runBillingCycle(db, { asOf: AS_OF })).toMatchObject({ invoiced: 1, failed: 0 });
    const [invoice] = await invoicesOf(db, bad.id);
    expect(invoice?.totalMinor).toBe(3000 + 1000 + 700);
  });

  test("two runs at once still bill each tenant once", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 1500 });
    const tenants = await Promise.all(
      Array.from({ length: 8 }, () => makeBillableTenant(db, { plan, start: JAN, end: FEB })),
    );
    const [a, b] = await Promise.all([
      runBillingCycle(db, { asOf: AS_OF }),
      runBillingCycle(db, { asOf: AS_OF }),
    ]);
    expect((a?.invoiced ?? 0) + (b?.invoiced ?? 0)).toBe(8);
    expect((a?.failed ?? 0) + (b?.failed ?? 0)).toBe(0);
    const all = await db
      .select()
      .from(platformInvoices)
      .where(
        inArray(
          platformInvoices.tenantId,
          tenants.map((t) => t.id),
        ),
      );
    expect(all).toHaveLength(8);
    for (const t of tenants)
      expect((await tenantRow(db, t.id)).currentPeriodEnd).toEqual(utc("2031-03-01T00:00:00Z"));
  });
});
