// Helpers every hotel service uses: the hotel row, "not found" errors, search and sort.
import { asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenants/queries";
import { isUuid } from "./schemas";

/**
 * The hotel the caller acts for (id from the session's host, never from input). A deleted hotel
 * is no hotel. `lock` takes its row lock, which serializes e.g. counting rooms against the limit.
 */
export async function getHotelOrThrow(
  db: Queryable,
  tenantId: string,
  opts: { lock?: boolean } = {},
): Promise<Tenant> {
  if (!isUuid(tenantId)) throw new AppError("NOT_FOUND", "There is no such hotel.");
  const query = db.select().from(platformTenants).where(eq(platformTenants.id, tenantId)).limit(1);
  const [tenant] = opts.lock ? await query.for("update") : await query;
  if (!tenant || tenant.status === "deleted") throw new AppError("NOT_FOUND", "There is no such hotel.");
  return tenant;
}

/** The one answer for another hotel's id, a deleted row and a malformed id alike. */
export function notFound(what: string, field?: string): AppError {
  return new AppError("NOT_FOUND", `There is no such ${what}.`, field ? { field } : {});
}

/** `%text%` for ILIKE, with the user's own % _ \ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type Sort = { id: string; desc: boolean };

/**
 * ORDER BY for a table's sort state: an unknown column id falls back to `fallback`; `tiebreak`
 * (the id) keeps pages stable.
 */
export function orderFor<K extends string>(
  columns: Record<K, SortKey | readonly SortKey[]>,
  sort: Sort,
  fallback: NoInfer<K>,
  tiebreak: AnyPgColumn,
): SQL[] {
  const key = (Object.hasOwn(columns, sort.id) ? sort.id : fallback) as K;
  const picked = columns[key];
  const keys: readonly SortKey[] = Array.isArray(picked) ? picked : [picked as SortKey];
  return [...keys.map((k) => (sort.desc ? desc(k) : asc(k))), asc(tiebreak)];
}

type SortKey = AnyPgColumn | SQL;

/** Room numbers in the order people expect: 2, 10, 101 (shorter first), then alphabetically. */
export function roomNumberOrder(column: AnyPgColumn): SortKey[] {
  return [sql`length(${column})`, column];
}
