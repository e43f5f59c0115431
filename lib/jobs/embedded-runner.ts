import "server-only";
import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import { type InngestFunction, internalEvents, NonRetriableError, RetryAfterError } from "inngest";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import {
  createLogger,
  createStepTools,
  type EmbeddedContext,
  type RunnerEvent,
  type RunnerLogger,
  type StepMemo,
  wait,
} from "./embedded-context";
import { type EmbeddedFunction, matchingTrigger, parseCron, readFunction } from "./embedded-function";
import { describeError, insertJobRun, updateJobRun } from "./job-runs";

/**
 * The in-process stand-in for Inngest when no INNGEST_* variables are set: runs the same
 * functions in this process, with memoized steps and retries, and fires their crons.
 * Nothing survives a restart; see the README's "Background jobs" section for the limits.
 */

export type { RunnerEvent } from "./embedded-context";
export type EmbeddedEventInput = { name: string; data: Record<string, unknown>; id?: string; ts?: number };

type RunnerState = {
  inflight: Set<Promise<void>>;
  /** Event ids seen in the last 24 h, with when each expires; insertion order = expiry order. */
  seenIds: Map<string, number>;
  crons?: { stop: () => void };
};

const holder = globalThis as typeof globalThis & { __hearthJobRunner?: RunnerState };
function state(): RunnerState {
  holder.__hearthJobRunner ??= { inflight: new Set(), seenIds: new Map() };
  return holder.__hearthJobRunner;
}

/** Inngest ignores a second event with the same id for 24 hours. */
const dedupeWindowMs = 24 * 60 * 60 * 1000;
const maxBackoffMs = 10 * 60 * 1000;

function backoffBaseMs(): number {
  return env().HEARTH_RUNNER_BACKOFF_MS;
}

/** First-time-seen check for an event id; prunes expired ids as it goes. */
function firstSighting(id: string, now: number): boolean {
  const seen = state().seenIds;
  for (const [key, expires] of seen) {
    if (expires > now) break;
    seen.delete(key);
  }
  if (seen.has(id)) return false;
  seen.set(id, now + dedupeWindowMs);
  return true;
}

/**
 * Starts a run of every function whose triggers match each event, and returns the event ids
 * without waiting for the runs. An event whose `id` was already sent in the last 24 h starts nothing.
 */
export function dispatchEmbedded(
  functions: readonly InngestFunction.Any[],
  input: EmbeddedEventInput[],
): string[] {
  const runnable = functions.map(readFunction);
  const now = Date.now();
  const ids: string[] = [];
  for (const e of input) {
    const event: RunnerEvent = { name: e.name, data: e.data, id: e.id ?? randomUUID(), ts: e.ts ?? now };
    ids.push(event.id);
    if (e.id !== undefined && !firstSighting(e.id, now)) continue;
    for (const fn of runnable) {
      const trigger = matchingTrigger(fn, event.name);
      if (trigger) startRun(fn, event, trigger.if);
    }
  }
  return ids;
}

/** Waits for every run in flight, including runs those runs start. For tests and shutdown. */
export async function drainEmbeddedRunner(): Promise<void> {
  const { inflight } = state();
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
}

function startRun(fn: EmbeddedFunction, event: RunnerEvent, condition?: string): void {
  const { inflight } = state();
  const run = executeRun(fn, event, condition).finally(() => inflight.delete(run));
  inflight.add(run);
}

async function executeRun(fn: EmbeddedFunction, event: RunnerEvent, condition?: string): Promise<void> {
  const runId = randomUUID();
  const logger = runLogger(fn.id, runId);
  const rowId = await recordSafely(logger, async () => {
    const row = await insertJobRun(await getDb(), {
      functionId: fn.id,
      runId,
      eventName: event.name,
      attempts: 1,
    });
    return row.id;
  });
  const finish = (patch: Parameters<typeof updateJobRun>[2]) =>
    rowId ? recordSafely(logger, async () => updateJobRun(await getDb(), rowId, patch)) : undefined;

  const memo: StepMemo = new Map();
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) await finish({ attempts: attempt + 1 });
    try {
      if (condition) {
        throw new NonRetriableError(
          `trigger condition "${condition}" cannot be evaluated by the embedded runner`,
        );
      }
      await fn.handler(context(fn, event, runId, attempt, memo, logger));
      await finish({ status: "completed", finishedAt: new Date() });
      return;
    } catch (error) {
      const last = isNonRetriable(error) || databaseClosed(error) || attempt + 1 >= fn.maxAttempts;
      if (last) {
        logger.error(`failed after ${attempt + 1} attempt(s):`, error);
        await finish({ status: "failed", error: describeError(error), finishedAt: new Date() });
        await runOnFailure(fn, event, runId, error, logger);
        return;
      }
      const delay = retryDelayMs(error, attempt);
      logger.warn(
        `attempt ${attempt + 1} of ${fn.maxAttempts} failed; retrying in ${delay} ms:`,
        describeError(error),
      );
      await wait(delay);
    }
  }
}

function context(
  fn: EmbeddedFunction,
  event: RunnerEvent,
  runId: string,
  attempt: number,
  memo: StepMemo,
  logger: EmbeddedContext["logger"],
): EmbeddedContext {
  const step = createStepTools({ memo, send: sendFromStep });
  return { event, events: [event], step, runId, attempt, maxAttempts: fn.maxAttempts, logger };
}

/** `step.sendEvent` goes through the app's one `sendEvent` (imported lazily: it imports this module). */
async function sendFromStep(payload: unknown): Promise<{ ids: string[] }> {
  const { sendUncheckedEvent } = await import("./send-event");
  return sendUncheckedEvent(payload);
}

/** Like Inngest, `onFailure` gets one attempt with a `inngest/function.failed` event. */
async function runOnFailure(
  fn: EmbeddedFunction,
  original: RunnerEvent,
  runId: string,
  error: unknown,
  logger: EmbeddedContext["logger"],
): Promise<void> {
  if (!fn.onFailure) return;
  const err = error instanceof Error ? error : new Error(String(error));
  const event: RunnerEvent = {
    name: internalEvents.FunctionFailed,
    data: {
      function_id: fn.id,
      run_id: runId,
      error: { name: err.name, message: err.message, stack: err.stack },
      event: original,
    },
    id: randomUUID(),
    ts: Date.now(),
  };
  try {
    const step = createStepTools({ memo: new Map(), send: sendFromStep });
    await fn.onFailure({
      event,
      events: [event],
      step,
      runId,
      attempt: 0,
      maxAttempts: 1,
      logger,
      error: err,
    });
  } catch (failureError) {
    logger.error("onFailure handler failed:", failureError);
  }
}

const quiet: RunnerLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * Whether runs log to the console: always outside tests; under vitest only with
 * HEARTH_DEBUG_JOBS=1, since suites leave runs retrying against databases they already dropped.
 * Read per run (not from env()): the flags are test switches, not app configuration.
 */
export function jobLogsEnabled(vars: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (vars.HEARTH_DEBUG_JOBS === "1") return true;
  return vars.NODE_ENV !== "test" && !vars.VITEST;
}

function runLogger(functionId: string, runId: string): RunnerLogger {
  return jobLogsEnabled() ? createLogger(functionId, runId) : quiet;
}

/**
 * True when the error (or one it wraps, as drizzle does) comes from a database client closed for
 * good: PGlite after close(), postgres.js after end(). No retry could succeed. A dropped or
 * refused connection does not count: a restarting server comes back, so those still retry.
 */
export function databaseClosed(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 5; depth++, e = e.cause) {
    if (e.message === "PGlite is closed" || Reflect.get(e, "code") === "CONNECTION_ENDED") return true;
  }
  return false;
}

// Checked by name too: a second copy of the SDK in the bundle would break `instanceof`.
function isNonRetriable(error: unknown): boolean {
  return error instanceof NonRetriableError || (error instanceof Error && error.name === "NonRetriableError");
}

/** Exponential backoff from a base (doubling per attempt, capped); a RetryAfterError's own time wins. */
export function retryDelayMs(error: unknown, attempt: number, baseMs: number = backoffBaseMs()): number {
  if (error instanceof RetryAfterError) {
    // The SDK stores whole seconds as a string, or an ISO date.
    const after = /^\d+$/.test(error.retryAfter)
      ? Number(error.retryAfter) * 1000
      : Date.parse(error.retryAfter) - Date.now();
    if (Number.isFinite(after)) return Math.min(Math.max(after, 0), maxBackoffMs);
  }
  return Math.min(baseMs * 2 ** attempt, maxBackoffMs);
}

/** Job bookkeeping must never break the job: a failed write is logged and the run goes on. */
async function recordSafely<T>(
  logger: EmbeddedContext["logger"],
  write: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    logger.error("could not record the run in platform_job_runs:", error);
    return undefined;
  }
}

/**
 * Fires cron-triggered functions on their schedules (croner; a `TZ=Area/City` prefix sets the
 * zone) with Inngest's `inngest/scheduled.timer` event. Idempotent: a second call while crons
 * run returns the same stop function. Only the function that owns a cron runs when it fires.
 */
export function startEmbeddedCrons(functions: readonly InngestFunction.Any[]): () => void {
  const s = state();
  if (s.crons) return s.crons.stop;
  const jobs: Cron[] = [];
  for (const fn of functions.map(readFunction)) {
    for (const trigger of fn.triggers) {
      if (!("cron" in trigger) || trigger.cron === undefined) continue;
      const expression = trigger.cron;
      const { pattern, timezone } = parseCron(expression);
      const fire = () => {
        const event: RunnerEvent = {
          name: internalEvents.ScheduledTimer,
          data: { cron: expression },
          id: randomUUID(),
          ts: Date.now(),
        };
        startRun(fn, event);
      };
      // unref: a pending cron timer alone should not keep a script or test process alive.
      jobs.push(new Cron(pattern, { timezone, unref: true, catch: true }, fire));
    }
  }
  const stop = () => {
    for (const job of jobs) job.stop();
    if (s.crons?.stop === stop) s.crons = undefined;
  };
  s.crons = { stop };
  return stop;
}
