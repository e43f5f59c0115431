import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformAuditStream, platformTenants } from "@/db/schema";

export const auditFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  tenantId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  actorKind: z.enum(["user", "api_key", "system"]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditSortable = ["occurredAt", "action", "actorLabel"] as const;
export type AuditSort = { id: (typeof auditSortable)[number]; desc: boolean };

export type AuditRow = {
  id: number;
  occurredAt: Date;
  actorKind: string;
  actorLabel: string;
  tenantId: string | null;
  tenantName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
};

function whereOf(f: AuditFilter): SQL | undefined {
  const a = platformAuditStream;
  const conditions: SQL[] = [];
  if (f.tenantId) conditions.push(eq(a.tenantId, f.tenantId));
  if (f.action) conditions.push(ilike(a.action, `${escapeLike(f.action)}%`));
  if (f.actorKind) conditions.push(eq(a.actorKind, f.actorKind));
  if (f.from) conditions.push(gte(a.occurredAt, f.from));
  if (f.to) conditions.push(lt(a.occurredAt, f.to));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const match = or(
      ilike(a.actorLabel, like),
      ilike(a.action, like),
      ilike(a.targetId, like),
      ilike(a.targetType, like),
    );
    if (match) conditions.push(match);
  }
  return conditions.length ? and(...conditions) : undefined;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const columns = {
  id: platformAuditStream.id,
  occurredAt: platformAuditStream.occurredAt,
  actorKind: platformAuditStream.actorKind,
  actorLabel: platformAuditStream.actorLabel,
  tenantId: platformAuditStream.tenantId,
  tenantName: platformTenants.name,
  action: platformAuditStream.action,
  targetType: platformAuditStream.targetType,
  targetId: platformAuditStream.targetId,
  summary: platformAuditStream.summary,
  ip: platformAuditStream.ip,
};

/** One page of the audit stream, newest first by default, with the total for pagination. */
export async function listAuditEvents(
  db: Queryable,
  opts: { filter: AuditFilter; sort: AuditSort; limit: number; offset: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = whereOf(opts.filter);
  const sortColumn = platformAuditStream[opts.sort.id];
  const order = opts.sort.desc ? desc(sortColumn) : asc(sortColumn);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(columns)
      .from(platformAuditStream)
      .leftJoin(platformTenants, eq(platformTenants.id, platformAuditStream.tenantId))
      .where(where)
      .orderBy(order, desc(platformAuditStream.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(platformAuditStream).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

/** Audit rows in id order, in batches, for exports that must not load everything at once. */
export async function* iterateAuditEvents(
  db: Queryable,
  filter: AuditFilter,
  batchSize = 500,
): AsyncGenerator<AuditRow[]> {
  let afterId = 0;
  for (;;) {
    const where = and(whereOf(filter), sql`${platformAuditStream.id} > ${afterId}`);
    const rows = await db
      .select(columns)
      .from(platformAuditStream)
      .leftJoin(platformTenants, eq(platformTenants.id, platformAuditStream.tenantId))
      .where(where)
      .orderBy(asc(platformAuditStream.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return;
    afterId = last.id;
  }
}

/** Audit events per UTC day over the last `days` days, zero-filled, for the console chart. */
export async function auditVolumeByDay(
  db: Queryable,
  days: number,
): Promise<Array<{ day: string; events: number }>> {
  const since = new Date(Date.now() - (days - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const day = sql<string>`to_char(${platformAuditStream.occurredAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, events: count() })
    .from(platformAuditStream)
    .where(gte(platformAuditStream.occurredAt, since))
    .groupBy(day);
  const byDay = new Map(rows.map((r) => [r.day, r.events]));
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    return { day: d, events: byDay.get(d) ?? 0 };
  });
}
