// The limit counters, registered when this file is loaded (lib/plans/limits.ts imports it, so any
// code that checks or shows limits has them). `staff_seats` is built in. The modules that own the
// other governed tables register theirs in their own folder and add one import line below:
//
//   // lib/rooms/limit-counter.ts
//   import { registerLimitCounter } from "@/lib/plans/limit-registry";
//   registerLimitCounter("rooms", (db, tenantId) => withTenant(db, tenantId, (tx) => countRooms(tx, tenantId)));
//
//   // here
//   import "@/lib/rooms/limit-counter";
//
// Import from limit-registry (not limits.ts) in those files: limits.ts imports this file.
//
// Counters use withTenant. Called inside an open transaction, withTenant runs in a savepoint, and
// its `set local role` / `app.tenant_id` stay in force for the rest of that outer transaction: so
// count inside withTenant for the same tenant (as changeTenantPlan does) or inside a transaction
// that only touches this tenant's rows afterwards.
import { eq } from "drizzle-orm";
import "@/lib/hotel/room-limit-counter";
import { tenantMembers } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { type LimitCounter, registerLimitCounter } from "./limit-registry";

/** Members of the tenant: every member occupies a seat, owners included. */
export const countStaffSeats: LimitCounter = async (db, tenantId) => {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx.select({ id: tenantMembers.id }).from(tenantMembers).where(eq(tenantMembers.tenantId, tenantId)),
  );
  return rows.length;
};

registerLimitCounter("staff_seats", countStaffSeats);
