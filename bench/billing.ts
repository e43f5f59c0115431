// bench/billing: time to invoice 10,000 tenants with runBillingCycle (one transaction per tenant:
// lock, invoice, lines, totals, advance the period, audit) beside ONE set-based SQL statement that
// computes the same totals (plan + SMS overage + tax per tenant) in the same run. Asserts that
// every tenant's invoice total equals the statement's, then prints both times and the ratio.
// Run: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --conditions=react-server --import tsx bench/billing.ts
// (without TEST_DATABASE_URL it runs on PGlite in memory, much slower). See bench/README.md.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { queryRows } from "@/db/rows";
import { platformPlans, platformTaxRates } from "@/db/schema";
import { runBillingCycle } from "@/lib/billing/cycle/run";
import { createTestDatabase } from "@/tests/helpers/db";

const TENANTS = Number(process.env.BENCH_TENANTS ?? 10_000);
const PERIOD_START = "2031-01-01T00:00:00Z";
const PERIOD_END = "2031-02-01T00:00:00Z";
const AS_OF = new Date("2031-02-01T02:00:00Z");

/** 5 plans (with allowances and overage prices), 10,000 tenants (1 in 4 Nigerian at 7.5% VAT, 1 in 5 yearly), SMS usage. */
async function seed(db: Db): Promise<void> {
  await db.insert(platformTaxRates).values({ country: "NG", label: "VAT", rateBps: 750 });
  await db.insert(platformPlans).values(
    [
      ["starter", 1900, 19_000, 100, 5],
      ["pro", 4900, 49_000, 500, 4],
      ["business", 9900, 99_000, 2000, 3],
      ["enterprise", 29_900, 299_000, 10_000, 2],
      ["free", 0, 0, 50, 6],
    ].map(([code, monthly, yearly, sms, over]) => ({
      code: String(code),
      name: String(code),
      currency: "USD",
      monthlyPriceMinor: Number(monthly),
      yearlyPriceMinor: Number(yearly),
      includedSms: Number(sms),
      smsOveragePriceMinor: Number(over),
    })),
  );
  // Deterministic data, generated in the database: tenant i gets plan i % 5, and usage that puts
  // about half of them over their allowance.
  await db.execute(sql`
    insert into platform_tenants (slug, name, status, plan_id, country, currency, billing_interval,
                                  current_period_start, current_period_end)
    select 'bench-' || i, 'Bench ' || i, 'active',
           (select id from platform_plans order by code offset (i % 5) limit 1),
           case when i % 4 = 0 then 'NG' else 'US' end, 'USD',
           case when i % 5 = 0 then 'yearly' else 'monthly' end::billing_interval,
           ${PERIOD_START}::timestamptz,
           case when i % 5 = 0 then ${PERIOD_START}::timestamptz + interval '1 year' else ${PERIOD_END}::timestamptz end
      from generate_series(1, ${TENANTS}) as i`);
  // Yearly tenants' periods end a year later: move their start back a year so every tenant is due.
  await db.execute(sql`
    update platform_tenants set current_period_start = current_period_start - interval '1 year',
                                current_period_end = current_period_end - interval '1 year'
     where billing_interval = 'yearly'`);
  await db.execute(sql`
    insert into platform_usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key)
    select t.id, 'sms_segments', ((hashtext(t.slug || k) & 1023) + k * 37) % 1500,
           t.current_period_start + (k || ' days')::interval, 'bench:' || t.id || ':' || k
      from platform_tenants t, generate_series(1, 3) as k`);
}

/** The same totals as the billing cycle, for every due tenant, in one statement. */
const setBasedTotals = sql`
  with due as (
    select t.id, t.country, t.current_period_start as s, t.current_period_end as e, t.billing_interval,
           case t.billing_interval when 'yearly' then p.yearly_price_minor else p.monthly_price_minor end as price,
           p.included_sms * case t.billing_interval when 'yearly' then 12 else 1 end as included,
           p.sms_overage_price_minor as over_price
      from platform_tenants t join platform_plans p on p.id = t.plan_id
     where t.status in ('active', 'past_due') and t.current_period_end <= ${AS_OF.toISOString()}::timestamptz
  ), used as (
    select d.id, coalesce(sum(e.quantity), 0) as used
      from due d left join platform_usage_events e
        on e.tenant_id = d.id and e.metric = 'sms_segments' and e.occurred_at >= d.s and e.occurred_at < d.e
     group by d.id
  ), priced as (
    select d.id, d.price + greatest(u.used - d.included, 0) * d.over_price as subtotal,
           coalesce(r.rate_bps, 0) as bps
      from due d join used u on u.id = d.id left join platform_tax_rates r on r.country = d.country
  )
  select id, (subtotal + (subtotal * bps * 2 + 10000) / 20000)::bigint as total from priced`;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const kind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
  const database = await createTestDatabase(kind);
  try {
    const db = database.db;
    const seedStart = performance.now();
    await seed(db);
    const seeded = performance.now() - seedStart;

    // The statement reads; run it first (the cycle moves the periods on), twice, keep the faster.
    let expected: Array<{ id: string; total: string | number }> = [];
    let setMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      expected = await queryRows(db, setBasedTotals);
      setMs = Math.min(setMs, performance.now() - start);
    }

    const cycleStart = performance.now();
    const result = await runBillingCycle(db, { asOf: AS_OF });
    const cycleMs = performance.now() - cycleStart;

    const actual = await queryRows<{ tenant_id: string; total_minor: number }>(
      db,
      sql`select tenant_id, total_minor from platform_invoices where kind = 'cycle'`,
    );
    const byTenant = new Map(actual.map((r) => [r.tenant_id, Number(r.total_minor)]));
    const mismatches = expected.filter((r) => byTenant.get(r.id) !== Number(r.total));
    if (
      result.invoiced !== TENANTS ||
      expected.length !== TENANTS ||
      actual.length !== TENANTS ||
      mismatches.length
    ) {
      throw new Error(
        `totals differ: invoiced ${result.invoiced}, expected ${expected.length}, invoices ${actual.length}, ` +
          `mismatches ${mismatches.length} (first: ${JSON.stringify(mismatches[0])})`,
      );
    }
    const sum = expected.reduce((s, r) => s + Number(r.total), 0);
    console.log(
      `bench/billing — ${kind}, ${fmt(TENANTS)} tenants (5 plans, 1 in 5 yearly, 1 in 4 taxed at 7.5%), ` +
        `${fmt(TENANTS * 3)} usage events (seeded in ${fmt(seeded)} ms); Node ${process.version}`,
    );
    console.log(`totals match for all ${fmt(TENANTS)} tenants (sum ${fmt(sum)} minor units)`);
    console.log("");
    console.log(`${"measurement".padEnd(44)}${"ms".padStart(10)}${"tenants/s".padStart(12)}`);
    for (const [name, ms] of [
      ["runBillingCycle (one transaction per tenant)", cycleMs],
      ["baseline: one set-based SELECT of the totals", setMs],
    ] as const) {
      console.log(
        `${name.padEnd(44)}${ms.toFixed(0).padStart(10)}${fmt((TENANTS / ms) * 1000).padStart(12)}`,
      );
    }
    console.log("");
    console.log(`ratio runBillingCycle / set-based statement: ${(cycleMs / setMs).toFixed(0)}×`);
  } finally {
    await database.drop();
  }
}

await main();
