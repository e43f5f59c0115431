// The daily rollup: one INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE, no per-row loop.
// A (tenant, UTC day, metric) group is always recomputed whole from its events, so a rerun sets
// the same values instead of adding again:
//   counters (sms_segments, emails): the sum of the day's events, adjustments included;
//   gauges (active_staff, rooms, storage_mb): the day's highest snapshot plus the day's adjustments.
// With `since`, only the groups that gained an event created at or after `since` are recomputed.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { queryRows } from "@/db/rows";

export type SyncUsageResult = { upserted: number };

export async function syncUsage(db: Queryable, opts: { since?: Date | null } = {}): Promise<SyncUsageResult> {
  const since = opts.since ? opts.since.toISOString() : null;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with upserted as (
      insert into platform_usage as u (tenant_id, day, metric, quantity, updated_at)
      select e.tenant_id,
             (e.occurred_at at time zone 'UTC')::date,
             e.metric,
             case when e.metric in ('sms_segments', 'emails') then sum(e.quantity)
                  else coalesce(max(e.quantity) filter (where not e.is_adjustment), 0)
                     + coalesce(sum(e.quantity) filter (where e.is_adjustment), 0)
             end::int,
             now()
        from platform_usage_events e
       where ${since}::timestamptz is null
          or (e.tenant_id, (e.occurred_at at time zone 'UTC')::date, e.metric) in (
               select c.tenant_id, (c.occurred_at at time zone 'UTC')::date, c.metric
                 from platform_usage_events c
                where c.created_at >= ${since}::timestamptz)
       group by e.tenant_id, (e.occurred_at at time zone 'UTC')::date, e.metric
      on conflict (tenant_id, day, metric) do update
        set quantity = excluded.quantity, updated_at = excluded.updated_at
        where u.quantity is distinct from excluded.quantity
      returning 1
    ) select count(*)::int as n from upserted`,
  );
  return { upserted: rows[0]?.n ?? 0 };
}

/**
 * Where the next incremental sync starts: an hour before the last rollup change, so events that
 * committed while that sync ran are picked up. Null (a full rebuild) before the first sync.
 */
export async function usageSyncWatermark(db: Queryable): Promise<Date | null> {
  const rows = await queryRows<{ last: string | Date | null }>(
    db,
    sql`select max(updated_at) as last from platform_usage`,
  );
  const last = rows[0]?.last;
  if (!last) return null;
  return new Date(new Date(last).getTime() - 3_600_000);
}
