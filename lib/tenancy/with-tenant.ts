import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";

/**
 * The one data access path for tenant-scoped tables. Opens a transaction bound to `tenantId`:
 * `app.tenant_id` is set for the transaction only and the role drops to `hearth_app`, so
 * row-level security applies even where the connection is a superuser (PGlite, local Postgres).
 * Queries inside still filter by tenant id themselves: RLS is the second wall, not the first.
 */
export async function withTenant<T>(
  db: Queryable,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    await tx.execute(sql`set local role hearth_app`);
    return work(tx);
  });
}
