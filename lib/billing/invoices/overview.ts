// The console's billing overview, each figure one set-based query.
//   MRR: every active or past-due tenant's plan price per month (yearly ÷ 12, rounded half up per
//     tenant) plus its active recurring feature add-ons, by currency. Trials pay nothing yet.
//   Outstanding: total − paid over open invoices; overdue: the same, past their due date.
//   Revenue by month: money received (payments that succeeded, including those later refunded) in
//     the month it arrived, minus refunds in the month they were made; the last 12 UTC months.
//   Overage by tenant: SMS beyond the allowance so far in each tenant's current period.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { queryRows } from "@/db/rows";

export type ByCurrency = Record<string, number>;
export type RevenueMonth = { month: string; currency: string; amountMinor: number };
export type OverageRow = {
  tenantId: string;
  tenantName: string;
  currency: string;
  periodStart: string;
  smsUsed: number;
  smsIncluded: number;
  overSegments: number;
  overageMinor: number;
};
export type BillingOverview = {
  mrrMinorByCurrency: ByCurrency;
  outstandingMinorByCurrency: ByCurrency;
  overdueMinorByCurrency: ByCurrency;
  revenueByMonth: RevenueMonth[];
  overageByTenant: OverageRow[];
};

const toMap = (rows: Array<{ currency: string; amount: number | string }>): ByCurrency =>
  Object.fromEntries(rows.map((r) => [r.currency, Number(r.amount)]));

/** "2026-03" for the UTC month `back` months before `now`'s. */
function monthKey(now: Date, back: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

export async function billingOverview(
  db: Queryable,
  opts: { now: Date; overageLimit?: number },
): Promise<BillingOverview> {
  const now = opts.now.toISOString();
  const today = now.slice(0, 10);
  const mrr = await queryRows<{ currency: string; amount: number }>(
    db,
    sql`select t.currency,
               sum(case t.billing_interval when 'yearly' then (p.yearly_price_minor * 2 + 12) / 24
                                           else p.monthly_price_minor end
                   + coalesce((select sum(ap.amount_minor)
                                 from platform_tenant_addons ta
                                 join platform_addons a on a.id = ta.addon_id
                                 join platform_addon_prices ap on ap.addon_id = a.id and ap.currency = t.currency
                                where ta.tenant_id = t.id and ta.active and a.kind = 'feature'
                                  and a.billing = 'recurring'), 0))::bigint as amount
          from platform_tenants t join platform_plans p on p.id = t.plan_id
         where t.status in ('active', 'past_due')
         group by t.currency order by t.currency`,
  );
  const open = await queryRows<{ currency: string; outstanding: number; overdue: number }>(
    db,
    sql`select currency,
               sum(total_minor - amount_paid_minor)::bigint as outstanding,
               coalesce(sum(total_minor - amount_paid_minor) filter (where due_date < ${today}::date), 0)::bigint as overdue
          from platform_invoices where status = 'open'
         group by currency order by currency`,
  );
  const from = `${monthKey(opts.now, 11)}-01`;
  const revenue = await queryRows<{ month: string; currency: string; amount: number }>(
    db,
    sql`with moves as (
          select coalesce(received_at, created_at) as at, currency, amount_minor::bigint as amount
            from platform_payments where status in ('succeeded', 'partially_refunded', 'refunded')
          union all
          select r.created_at, p.currency, -r.amount_minor::bigint
            from platform_refunds r join platform_payments p on p.id = r.payment_id
        )
        select to_char(at at time zone 'UTC', 'YYYY-MM') as month, currency, sum(amount)::bigint as amount
          from moves
         where at >= ${from}::timestamptz and at <= ${now}::timestamptz
         group by 1, 2`,
  );
  const overage = await queryRows<OverageRow & { periodStart: Date | string }>(
    db,
    sql`with used as (
          select t.id, t.name, t.currency, t.current_period_start,
                 p.included_sms * case t.billing_interval when 'yearly' then 12 else 1 end as included,
                 p.sms_overage_price_minor as price,
                 coalesce((select sum(e.quantity) from platform_usage_events e
                            where e.tenant_id = t.id and e.metric = 'sms_segments'
                              and e.occurred_at >= t.current_period_start
                              and e.occurred_at < least(t.current_period_end, ${now}::timestamptz)), 0)::int as used
            from platform_tenants t join platform_plans p on p.id = t.plan_id
           where t.status in ('active', 'past_due') and t.current_period_start is not null
        )
        select id as "tenantId", name as "tenantName", currency, current_period_start as "periodStart",
               used as "smsUsed", included as "smsIncluded", used - included as "overSegments",
               ((used - included) * price)::int as "overageMinor"
          from used where used > included
         order by (used - included) * price desc, name
         limit ${opts.overageLimit ?? 50}`,
  );

  // Every month of the window for every currency seen, zeros included, so charts have no holes.
  const months = Array.from({ length: 12 }, (_, i) => monthKey(opts.now, 11 - i));
  const currencies = [...new Set(revenue.map((r) => r.currency))].sort();
  const amountOf = new Map(revenue.map((r) => [`${r.month}|${r.currency}`, Number(r.amount)]));
  const revenueByMonth = months.flatMap((month) =>
    currencies.map((currency) => ({
      month,
      currency,
      amountMinor: amountOf.get(`${month}|${currency}`) ?? 0,
    })),
  );
  return {
    mrrMinorByCurrency: toMap(mrr),
    outstandingMinorByCurrency: toMap(open.map((r) => ({ currency: r.currency, amount: r.outstanding }))),
    overdueMinorByCurrency: toMap(open.map((r) => ({ currency: r.currency, amount: r.overdue }))),
    revenueByMonth,
    overageByTenant: overage.map((r) => ({ ...r, periodStart: new Date(r.periodStart).toISOString() })),
  };
}
