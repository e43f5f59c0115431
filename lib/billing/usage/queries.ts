import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { queryRows } from "@/db/rows";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { counterMetrics, type UsageMetric } from "./schemas";

/**
 * SMS segments in [start, end), straight from the events (adjustments included), so the billing
 * cycle bills the exact period (periods need not start at midnight) whether or not the daily
 * rollup has caught up.
 */
export async function smsSegmentsInPeriod(
  db: Queryable,
  opts: { tenantId: string; start: Date; end: Date },
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(quantity), 0)::int as n from platform_usage_events
         where tenant_id = ${opts.tenantId} and metric = 'sms_segments'
           and occurred_at >= ${opts.start.toISOString()}::timestamptz
           and occurred_at < ${opts.end.toISOString()}::timestamptz`,
  );
  return rows[0]?.n ?? 0;
}

export type UsageSummary = Record<UsageMetric, number>;

/**
 * A tenant's usage over the UTC days [from, to] from the daily rollup: counters summed, gauges at
 * their highest. Read through the tenant's scope, so it is safe on the tenant's own pages.
 */
export async function summarizeUsage(
  db: Queryable,
  opts: { tenantId: string; from: string; to: string },
): Promise<UsageSummary> {
  const rows = await withTenant(db, opts.tenantId, (tx) =>
    queryRows<{ metric: UsageMetric; total: number; peak: number }>(
      tx,
      sql`select metric, coalesce(sum(quantity), 0)::int as total, coalesce(max(quantity), 0)::int as peak
            from platform_usage
           where tenant_id = ${opts.tenantId} and day between ${opts.from}::date and ${opts.to}::date
           group by metric`,
    ),
  );
  const out: UsageSummary = { sms_segments: 0, emails: 0, active_staff: 0, rooms: 0, storage_mb: 0 };
  const counters: readonly UsageMetric[] = counterMetrics;
  for (const r of rows) out[r.metric] = counters.includes(r.metric) ? r.total : r.peak;
  return out;
}
