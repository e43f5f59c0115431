import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { queryRows } from "@/db/rows";

/** "HRT-2026-000123": the year the number is issued in (UTC), then the sequence value, 6 digits at least. */
export function formatInvoiceNumber(year: number, seq: number): string {
  return `HRT-${year}-${String(seq).padStart(6, "0")}`;
}

/**
 * The next invoice number. The sequence never hands out a value twice (not even to concurrent or
 * rolled-back transactions), so numbers are unique; a rolled-back transaction leaves a gap.
 */
export async function nextInvoiceNumber(db: Queryable, at: Date): Promise<string> {
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`select nextval('platform_invoice_number_seq') as n`,
  );
  if (!row) throw new Error("platform_invoice_number_seq returned no value");
  return formatInvoiceNumber(at.getUTCFullYear(), Number(row.n));
}

/** The same number as SQL, for set-based inserts (one sequence value per inserted row). */
export function invoiceNumberSql(at: Date) {
  return sql`'HRT-' || ${String(at.getUTCFullYear())} || '-' || lpad(nextval('platform_invoice_number_seq')::text, 6, '0')`;
}
