import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { platformIdempotencyKeys } from "@/db/schema";
import { maskSecrets } from "@/lib/audit/record";
import { HttpError } from "./http-error";

// Idempotency-Key for REST creates (the Stripe convention): the first request with a key runs and
// its answer is stored; a retry with the same key and the same body gets that answer again with
// `Idempotent-Replayed: true`; the same key with a different body is refused with 422. Keys are
// scoped by route and by caller, and live for 24 hours.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A request that has held its key this long without an answer crashed; the next retry takes over. */
const STALE_IN_PROGRESS_MS = 60_000;
/** A twin arriving while the first request still runs waits for its answer this long, then gets 409. */
const IN_PROGRESS_WAIT_MS = 5_000;
const POLL_MS = 50;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * A fingerprint of a request body: SHA-256 of its canonical JSON (keys sorted). Secret-looking
 * fields (passwords…) are masked first, so no fast hash of a password is ever stored; two bodies
 * that differ only in a password therefore count as the same request.
 */
export function requestFingerprint(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(maskSecrets(value))))
    .digest("hex");
}

/** The request's Idempotency-Key, or null when it sent none. */
export function readIdempotencyKey(req: Request): string | null {
  const key = req.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new HttpError(400, "INVALID", "Idempotency-Key must be 1 to 255 visible ASCII characters.", {
      field: IDEMPOTENCY_HEADER,
    });
  }
  return key;
}

export type IdempotentRequest = {
  /** The operation, e.g. `POST /api/platform/tenants`. */
  scope: string;
  /** Who is calling: keys of different callers never collide. */
  principal: string;
  key: string;
  /** `requestFingerprint` of the (already validated) body. */
  fingerprint: string;
  /** Runs at most once per key; its answer is stored unless it is a server error. */
  run: () => Promise<Response>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replay(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "application/json", [REPLAYED_HEADER]: "true" },
  });
}

/** Runs `run` once per (scope, principal, key) and replays its stored answer to retries. */
export async function withIdempotency(db: Db, req: IdempotentRequest): Promise<Response> {
  const t = platformIdempotencyKeys;
  const match = and(eq(t.scope, req.scope), eq(t.principal, req.principal), eq(t.key, req.key));
  const started = Date.now();
  for (;;) {
    // Committed at once (no transaction), so a concurrent twin sees the claim and waits for the answer.
    const [claimed] = await db
      .insert(t)
      .values({ scope: req.scope, principal: req.principal, key: req.key, requestHash: req.fingerprint })
      .onConflictDoNothing()
      .returning({ id: t.id });
    if (claimed) return runClaimed(db, claimed.id, req.run);

    const [row] = await db.select().from(t).where(match);
    if (!row) continue; // released between our insert and select
    const age = Date.now() - row.createdAt.getTime();
    if (age > KEY_TTL_MS) {
      await db.delete(t).where(eq(t.id, row.id));
      continue;
    }
    if (row.requestHash !== req.fingerprint) {
      throw new HttpError(
        422,
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used with a different request body.",
        { field: IDEMPOTENCY_HEADER },
      );
    }
    if (row.responseStatus !== null) return replay(Number(row.responseStatus), row.responseBody ?? "");
    if (age > STALE_IN_PROGRESS_MS) {
      await db.delete(t).where(and(eq(t.id, row.id), isNull(t.responseStatus)));
      continue;
    }
    if (Date.now() - started > IN_PROGRESS_WAIT_MS) {
      throw new HttpError(
        409,
        "IDEMPOTENCY_IN_PROGRESS",
        "A request with this Idempotency-Key is still being processed. Retry in a moment.",
        { field: IDEMPOTENCY_HEADER },
      );
    }
    await sleep(POLL_MS);
  }
}

async function runClaimed(db: Db, id: string, run: () => Promise<Response>): Promise<Response> {
  const t = platformIdempotencyKeys;
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    // Nothing to replay: release the key so that a retry runs again.
    await db.delete(t).where(eq(t.id, id));
    throw error;
  }
  if (response.status >= 500) {
    await db.delete(t).where(eq(t.id, id));
    return response;
  }
  const body = await response.clone().text();
  await db
    .update(t)
    .set({ responseStatus: String(response.status), responseBody: body })
    .where(eq(t.id, id));
  return response;
}
