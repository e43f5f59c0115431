/**
 * In-process cache of the flag snapshot (every flag definition and every override, see
 * ./snapshot.ts). Evaluation never touches the database: it reads the snapshot, which is loaded once
 * per process and reloaded when
 *  - this process changes a flag: every mutation in ./service.ts calls `invalidateFlagCache` after
 *    it commits, so the change is seen at once here;
 *  - `FLAG_CACHE_TTL_MS` has passed since the load: other processes (a second server, a job runner)
 *    are not told about changes, so each converges within that time. Flags gate features, not
 *    access (pages still check roles), and the kill switch reaching every process within 30 s is the
 *    trade for evaluations that cost microseconds.
 * A change written behind the services' back (raw SQL, another process) is therefore not seen here
 * until `invalidateFlagCache()` or the TTL.
 *
 * Snapshots are kept per database object (a WeakMap on globalThis, as lib/nav/cache.ts does), so tests
 * that open several databases in one process never see each other's flags, and dev hot reloads keep
 * one cache. An entry is used only if its load started after the latest invalidation: a load that was
 * in flight while a change committed is never reused.
 */
export const FLAG_CACHE_TTL_MS = 30_000;

type Slot<T> = { value: Promise<T>; startedAt: number; stamp: number };
type State = { counter: number; invalidatedAt: number; byDb: WeakMap<object, Slot<unknown>> };

const holder = globalThis as typeof globalThis & { __hearthFlagCache?: State };

function state(): State {
  holder.__hearthFlagCache ??= { counter: 0, invalidatedAt: 0, byDb: new WeakMap() };
  return holder.__hearthFlagCache;
}

/** The cached value for `db`, or a fresh `load()` when there is none, it is stale, or it was invalidated. */
export function cachedFlagSnapshot<T>(db: object, load: () => Promise<T>): Promise<T> {
  const s = state();
  const now = Date.now();
  const hit = s.byDb.get(db) as Slot<T> | undefined;
  if (hit && hit.stamp > s.invalidatedAt && now - hit.startedAt < FLAG_CACHE_TTL_MS) return hit.value;
  const slot: Slot<T> = { value: load(), startedAt: now, stamp: ++s.counter };
  s.byDb.set(db, slot);
  // A failed read must not be served to the next caller.
  slot.value.catch(() => {
    if (s.byDb.get(db) === slot) s.byDb.delete(db);
  });
  return slot.value;
}

/** Drops every cached snapshot. Call it after the change has committed, never inside the transaction. */
export function invalidateFlagCache(): void {
  const s = state();
  s.invalidatedAt = ++s.counter;
}
