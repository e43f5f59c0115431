// Which invoices are overdue, and by how many days. An invoice is due ON its due date (a UTC
// calendar day) and overdue from the next day: day 1 is the first day after the due date.
import { and, asc, count, eq, lt } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformInvoices } from "@/db/schema";

const DAY_MS = 86_400_000;

/** Today as a `date` column value (UTC). */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from the due date to `now`'s UTC day: 0 on the due date, 1 the day after. */
export function daysOverdue(dueDate: string, now: Date): number {
  return Math.round((Date.parse(utcDay(now)) - Date.parse(dueDate)) / DAY_MS);
}

/** `date` column value `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

const overdueAt = (now: Date) =>
  and(eq(platformInvoices.status, "open"), lt(platformInvoices.dueDate, utcDay(now)));

/** Every open invoice past its due date, oldest due first. */
export async function listOverdueInvoiceIds(db: Queryable, opts: { now: Date }): Promise<string[]> {
  const rows = await db
    .select({ id: platformInvoices.id })
    .from(platformInvoices)
    .where(overdueAt(opts.now))
    .orderBy(asc(platformInvoices.dueDate), asc(platformInvoices.id));
  return rows.map((r) => r.id);
}

/** How many of the tenant's invoices are overdue at `now`. */
export async function countOverdueInvoices(
  db: Queryable,
  opts: { tenantId: string; now: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(platformInvoices)
    .where(and(eq(platformInvoices.tenantId, opts.tenantId), overdueAt(opts.now)));
  return row?.n ?? 0;
}
