import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Queryable, Tx } from "@/db/connect";
import { queryRows } from "@/db/rows";

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
  const nested = db instanceof PgTransaction;
  return db.transaction(async (tx) => {
    // Inside an outer transaction this runs in a savepoint, and SET LOCAL outlives a released
    // savepoint: remember the outer scope and put it back, so the caller is not left bound.
    const [outer] = nested
      ? await queryRows<{ tenant: string; role: string }>(
          tx,
          sql`select coalesce(current_setting('app.tenant_id', true), '') as tenant, current_setting('role') as role`,
        )
      : [];
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    await tx.execute(sql`set local role hearth_app`);
    const result = await work(tx);
    if (outer) {
      await tx.execute(sql`select set_config('app.tenant_id', ${outer.tenant}, true)`);
      await tx.execute(
        outer.role === "none" ? sql`set local role none` : sql`set local role ${sql.identifier(outer.role)}`,
      );
    }
    return result;
  });
}
