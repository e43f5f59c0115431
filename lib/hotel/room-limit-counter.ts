// Counts the hotel's rooms for the plan's `rooms` limit (loaded by lib/plans/counters.ts).
// Imports limit-registry, not limits.ts: limits.ts imports the counters.
import { count, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { rooms } from "@/db/schema";
import { type LimitCounter, registerLimitCounter } from "@/lib/plans/limit-registry";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** Every room counts, out of service ones included: the limit is on rooms the hotel manages. */
export const countRooms: LimitCounter = async (db: Queryable, tenantId: string) => {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx.select({ n: count() }).from(rooms).where(eq(rooms.tenantId, tenantId)),
  );
  return row?.n ?? 0;
};

registerLimitCounter("rooms", countRooms);
