// Who counts each plan limit. A module that owns a governed table registers its counter here
// (see lib/plans/counters.ts for where to hook it in). No imports of other plan files, so any
// module can import this one without an import cycle.
import type { Queryable } from "@/db/connect";
import type { LimitKey } from "./limit-keys";

/** How many of a governed thing the tenant has now. Reads tenant-scoped tables through withTenant. */
export type LimitCounter = (db: Queryable, tenantId: string) => Promise<number>;

const holder = globalThis as typeof globalThis & { __hearthLimitCounters?: Map<LimitKey, LimitCounter> };
// On globalThis: dev hot reloads re-run module bodies, and registrations must survive them.
holder.__hearthLimitCounters ??= new Map();
const counters: Map<LimitKey, LimitCounter> = holder.__hearthLimitCounters;

/** Registers how to count `key` for a tenant. Registering again replaces the counter. */
export function registerLimitCounter(key: LimitKey, counter: LimitCounter): void {
  counters.set(key, counter);
}

export function getLimitCounter(key: LimitKey): LimitCounter | undefined {
  return counters.get(key);
}
