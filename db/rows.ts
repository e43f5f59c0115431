import type { SQL } from "drizzle-orm";
import type { Queryable } from "./connect";

/** Runs raw SQL and returns its rows; postgres.js and PGlite shape `execute` results differently. */
export async function queryRows<T extends Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
