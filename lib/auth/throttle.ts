import { and, desc, eq, gt, lt, lte, max } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { authLoginAttempts } from "@/db/schema";

/**
 * Login throttling. Failed attempts are counted per account (the typed email, known or not, so
 * the limiter itself does not reveal which emails exist) and per IP. A few failures slow the next
 * attempts down; many failures lock the account or IP out for a while. The clock is a parameter
 * so tests never wait on wall-clock time.
 */

export type ThrottlePolicy = {
  /** Failures count when they happened within this window. */
  windowMs: number;
  /** From this many failures in the window on, each attempt waits (1 s, 2 s, 4 s … capped). */
  slowAfter: number;
  /** This many failures within one window lock the key out. */
  lockAfter: number;
  /** How long a lock lasts, from the failure that triggered it. */
  lockMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

const MINUTE = 60_000;

export const accountPolicy: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  slowAfter: 3,
  lockAfter: 10,
  lockMs: 15 * MINUTE,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
};

/** Looser than the account policy: a hotel's front desk often shares one public IP between many staff. */
export const ipPolicy: ThrottlePolicy = { ...accountPolicy, slowAfter: 5, lockAfter: 20 };

export type ThrottlePolicies = { account: ThrottlePolicy; ip: ThrottlePolicy };
export const defaultPolicies: ThrottlePolicies = { account: accountPolicy, ip: ipPolicy };

export type ThrottleDecision =
  | { kind: "allow"; delayMs: number }
  | { kind: "locked"; retryAfterMs: number; scope: "account" | "ip" };

/** Stored when the client's IP is unknown; such attempts are only limited per account. */
export const UNKNOWN_IP = "unknown";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type Failures = { at: Date }[];

/** The decision for one key, from its recent failures (newest first). Pure. */
export function decide(
  failures: Failures,
  now: Date,
  policy: ThrottlePolicy,
  scope: "account" | "ip" = "account",
): ThrottleDecision {
  const newest = failures[0];
  const threshold = failures[policy.lockAfter - 1];
  // Locked attempts are refused before the password is checked and never recorded, so the newest
  // failure is the one that reached the threshold and the lock runs from it.
  if (newest && threshold && newest.at.getTime() - threshold.at.getTime() <= policy.windowMs) {
    const retryAfterMs = newest.at.getTime() + policy.lockMs - now.getTime();
    if (retryAfterMs > 0) return { kind: "locked", retryAfterMs, scope };
  }
  const windowStart = now.getTime() - policy.windowMs;
  const recent = failures.filter((f) => f.at.getTime() > windowStart).length;
  if (recent < policy.slowAfter) return { kind: "allow", delayMs: 0 };
  const delayMs = Math.min(policy.baseDelayMs * 2 ** (recent - policy.slowAfter), policy.maxDelayMs);
  return { kind: "allow", delayMs };
}

async function recentFailures(
  db: Queryable,
  key: { email: string } | { ip: string },
  now: Date,
  policy: ThrottlePolicy,
): Promise<Failures> {
  const t = authLoginAttempts;
  let since = new Date(now.getTime() - policy.windowMs - policy.lockMs);
  const keyMatch = "email" in key ? eq(t.email, key.email) : eq(t.ip, key.ip);
  if ("email" in key) {
    // A successful sign-in clears the account's count; an IP's count is not cleared, or an
    // attacker could reset it by signing in to an account of their own between guesses.
    const [last] = await db
      .select({ at: max(t.attemptedAt) })
      .from(t)
      .where(and(keyMatch, eq(t.succeeded, "yes"), lte(t.attemptedAt, now)));
    if (last?.at && last.at > since) since = last.at;
  }
  return db
    .select({ at: t.attemptedAt })
    .from(t)
    .where(and(keyMatch, eq(t.succeeded, "no"), gt(t.attemptedAt, since), lte(t.attemptedAt, now)))
    .orderBy(desc(t.attemptedAt))
    .limit(Math.max(policy.lockAfter, policy.slowAfter + 8));
}

/** Whether a login attempt for `email` from `ip` may proceed now, and after how long a wait. */
export async function checkLoginThrottle(
  db: Queryable,
  input: { email: string; ip: string | null },
  now: Date,
  policies: ThrottlePolicies = defaultPolicies,
): Promise<ThrottleDecision> {
  const email = normalizeEmail(input.email);
  const account = decide(await recentFailures(db, { email }, now, policies.account), now, policies.account);
  const ip =
    input.ip && input.ip !== UNKNOWN_IP
      ? decide(await recentFailures(db, { ip: input.ip }, now, policies.ip), now, policies.ip, "ip")
      : ({ kind: "allow", delayMs: 0 } as const);
  if (account.kind === "locked") return account;
  if (ip.kind === "locked") return ip;
  return { kind: "allow", delayMs: Math.max(account.delayMs, ip.delayMs) };
}

export async function recordLoginAttempt(
  db: Queryable,
  input: { email: string; ip: string | null; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db.insert(authLoginAttempts).values({
    email: normalizeEmail(input.email).slice(0, 320),
    ip: input.ip ?? UNKNOWN_IP,
    succeeded: input.succeeded ? "yes" : "no",
    attemptedAt: now,
  });
}

/** Rows older than any window are useless; a scheduled job may call this to keep the table small. */
export async function pruneLoginAttempts(db: Queryable, now: Date, keepMs = 24 * 60 * MINUTE): Promise<void> {
  await db
    .delete(authLoginAttempts)
    .where(lt(authLoginAttempts.attemptedAt, new Date(now.getTime() - keepMs)));
}

/** The message a locked-out user reads. */
export function lockedMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
  return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
