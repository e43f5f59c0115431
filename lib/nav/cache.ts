import type { NavScope } from "./types";

/**
 * In-process cache of the two reads behind every menu: the platform items of a scope, and one
 * tenant's overrides. Every nav mutation in this process calls `invalidateNavCache` after it commits,
 * so this process sees its own changes at once. Other processes (a second server, a job runner) do
 * not hear about them: entries also expire after `NAV_CACHE_TTL_MS`, so every process converges
 * within that time. Menus are not security boundaries (each page checks access itself), so a
 * minute of staleness elsewhere is acceptable.
 *
 * Entries are kept per database object (a WeakMap), so tests that open several databases in one
 * process never see each other's rows. Invalidation works by stamps: each invalidation takes a new
 * number from a counter, and an entry is used only if its load started after the latest invalidation
 * that covers it; a load that was in flight while a change committed is therefore never reused.
 */
export const NAV_CACHE_TTL_MS = 60_000;

type Slot = { value: Promise<unknown>; startedAt: number; stamp: number };
type DbSlots = { items: Map<NavScope, Slot>; overrides: Map<string, Slot> };
type State = {
  counter: number;
  allAt: number;
  scopeAt: Map<NavScope, number>;
  tenantAt: Map<string, number>;
  byDb: WeakMap<object, DbSlots>;
};

const holder = globalThis as typeof globalThis & { __hearthNavCache?: State };

function state(): State {
  holder.__hearthNavCache ??= {
    counter: 0,
    allAt: 0,
    scopeAt: new Map(),
    tenantAt: new Map(),
    byDb: new WeakMap(),
  };
  return holder.__hearthNavCache;
}

function slotsFor(db: object): DbSlots {
  const s = state();
  let slots = s.byDb.get(db);
  if (!slots) {
    slots = { items: new Map(), overrides: new Map() };
    s.byDb.set(db, slots);
  }
  return slots;
}

async function cached<K, T>(
  map: Map<K, Slot>,
  key: K,
  invalidatedAt: number,
  load: () => Promise<T>,
): Promise<T> {
  const s = state();
  const now = Date.now();
  const hit = map.get(key);
  if (hit && hit.stamp > invalidatedAt && now - hit.startedAt < NAV_CACHE_TTL_MS)
    return hit.value as Promise<T>;
  const slot: Slot = { value: load(), startedAt: now, stamp: ++s.counter };
  map.set(key, slot);
  // A failed read must not be served to the next caller.
  slot.value.catch(() => {
    if (map.get(key) === slot) map.delete(key);
  });
  return slot.value as Promise<T>;
}

export function cachedNavItems<T>(db: object, scope: NavScope, load: () => Promise<T>): Promise<T> {
  const s = state();
  return cached(slotsFor(db).items, scope, Math.max(s.allAt, s.scopeAt.get(scope) ?? 0), load);
}

export function cachedNavOverrides<T>(db: object, tenantId: string, load: () => Promise<T>): Promise<T> {
  const s = state();
  return cached(slotsFor(db).overrides, tenantId, Math.max(s.allAt, s.tenantAt.get(tenantId) ?? 0), load);
}

/**
 * Drops cached reads: a scope's items, a tenant's overrides, or (no argument) everything.
 * Call it after the change has committed, never inside the transaction.
 */
export function invalidateNavCache(target: { scope?: NavScope; tenantId?: string } = {}): void {
  const s = state();
  const stamp = ++s.counter;
  if (!target.scope && !target.tenantId) s.allAt = stamp;
  if (target.scope) s.scopeAt.set(target.scope, stamp);
  if (target.tenantId) s.tenantAt.set(target.tenantId, stamp);
}
