// Per-provider send rate (`throttle_per_second`), in this process: a token bucket per provider id
// that refills continuously and holds at most one second of sends. Each send reserves a token and
// waits for it, so a burst is spread out instead of refused. This bounds one instance only. With
// several instances, Inngest's own flow control is the cross-instance bound: it schedules every
// instance's steps, and a function-level `throttle: { limit, period, key }` (or the notify
// functions' per-hotel `concurrency`) caps how many sends run at once across all of them.

type Bucket = { tokens: number; at: number };

const buckets = new Map<string, Bucket>();

/**
 * Reserves one send on `key` at `now` (ms) and returns how long to wait before sending (0 = now).
 * Pure apart from the bucket map, so tests drive it with explicit times.
 */
export function reserveSendSlot(key: string, perSecond: number, now: number): number {
  const rate = Math.max(perSecond, 1);
  const bucket = buckets.get(key) ?? { tokens: rate, at: now };
  bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
  bucket.at = now;
  // Going below zero is a reservation: the next token (and the ones after) belong to this caller.
  bucket.tokens -= 1;
  buckets.set(key, bucket);
  return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / rate) * 1000);
}

/** Waits for this provider's next send slot. */
export async function takeSendSlot(key: string, perSecond: number): Promise<void> {
  const delay = reserveSendSlot(key, perSecond, Date.now());
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}

/** Forgets every bucket (tests). */
export function resetSendSlots(): void {
  buckets.clear();
}
