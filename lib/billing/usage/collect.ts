// Turns what the platform already records into usage events, set-based, with keys derived from the
// source so every run can re-read the same window and add nothing twice:
//   - each SMS or email the messaging log marks sent or delivered → `msg:<message id>`
//     (SMS: its segments, at least 1, since carriers bill a sent SMS at least one segment; email: 1).
//     Only the hotel's own messages (`hotel/…` events, and test sends from its template editor)
//     count: the platform's mail to the hotel (welcome, invoices, dunning) is the platform's cost;
//   - once per UTC day a gauge snapshot per live tenant → `<metric>:<tenant>:<YYYY-MM-DD>`:
//     rooms (rows in `rooms`), active_staff (rows in `tenant_members`), storage_mb.
// storage_mb is recorded as 0: nothing measures a tenant's storage yet. When something does, only
// its SELECT below changes; the rollup and the invoices read the metric already.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { queryRows } from "@/db/rows";

/** How far back each run re-reads the message log: covers a usage-sync that did not run for days. */
export const MESSAGE_LOOKBACK_HOURS = 72;

export type CollectUsageResult = { messages: number; gauges: number };

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Inserts the usage events found in the message log and today's gauge snapshots. Safe to rerun. */
export async function collectUsage(
  db: Queryable,
  opts: { now: Date; lookbackHours?: number },
): Promise<CollectUsageResult> {
  const since = new Date(opts.now.getTime() - (opts.lookbackHours ?? MESSAGE_LOOKBACK_HOURS) * 3_600_000);
  const messages = await queryRows<{ n: number }>(
    db,
    sql`with inserted as (
      insert into platform_usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key)
      select m.tenant_id,
             case m.channel when 'sms' then 'sms_segments'::usage_metric else 'emails'::usage_metric end,
             case m.channel when 'sms' then greatest(m.segments, 1) else 1 end,
             coalesce(m.sent_at, m.created_at),
             'msg:' || m.id
        from messages m
       where m.tenant_id is not null
         and (m.event like 'hotel/%' or m.idempotency_key like 'test:%')
         and m.status in ('sent', 'delivered')
         and coalesce(m.sent_at, m.created_at) >= ${since.toISOString()}::timestamptz
         and coalesce(m.sent_at, m.created_at) <= ${opts.now.toISOString()}::timestamptz
      on conflict (idempotency_key) do nothing
      returning 1
    ) select count(*)::int as n from inserted`,
  );
  const day = utcDay(opts.now);
  const gauges = await queryRows<{ n: number }>(
    db,
    sql`with snapshot as (
      select t.id as tenant_id, 'rooms'::usage_metric as metric,
             (select count(*) from rooms r where r.tenant_id = t.id)::int as quantity
        from platform_tenants t where t.status <> 'deleted'
      union all
      select t.id, 'active_staff'::usage_metric,
             (select count(*) from tenant_members m where m.tenant_id = t.id)::int
        from platform_tenants t where t.status <> 'deleted'
      union all
      select t.id, 'storage_mb'::usage_metric, 0
        from platform_tenants t where t.status <> 'deleted'
    ), inserted as (
      insert into platform_usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key)
      select s.tenant_id, s.metric, s.quantity, ${opts.now.toISOString()}::timestamptz,
             s.metric::text || ':' || s.tenant_id || ':' || ${day}
        from snapshot s
      on conflict (idempotency_key) do nothing
      returning 1
    ) select count(*)::int as n from inserted`,
  );
  return { messages: messages[0]?.n ?? 0, gauges: gauges[0]?.n ?? 0 };
}
