// Helpers the log's query files share.
import { z } from "zod";
import type { Queryable, Tx } from "@/db/connect";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** Runs `work` on the tenant path when a tenant is given, else on the platform connection. */
export function onScope<T>(
  db: Queryable,
  tenantId: string | undefined,
  work: (q: Queryable) => Promise<T>,
): Promise<T> {
  return tenantId ? withTenant(db, tenantId, (tx: Tx) => work(tx)) : work(db);
}

/** `%text%` for ILIKE, with the user's own wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const pagingSchema = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
};
