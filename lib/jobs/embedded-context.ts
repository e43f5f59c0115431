import { durationToMs, NonRetriableError } from "inngest";

/** An event as a handler receives it (Inngest's shape: the id and timestamp are always set). */
export type RunnerEvent = { name: string; data: Record<string, unknown>; id: string; ts: number };

export type RunnerLogger = {
  debug: (...args: unknown[]) => void;
  info: (...args: unknown[]) => void;
  warn: (...args: unknown[]) => void;
  error: (...args: unknown[]) => void;
};

type StepId = string | { id: string; name?: string };

/** The step tools the embedded runner implements; any other `step.*` fails the run without retries. */
export type EmbeddedStepTools = {
  run: <T>(id: StepId, fn: (...input: unknown[]) => T | Promise<T>, ...input: unknown[]) => Promise<unknown>;
  sleep: (id: StepId, duration: number | string | object) => Promise<void>;
  sleepUntil: (id: StepId, time: Date | string | number | object) => Promise<void>;
  sendEvent: (id: StepId, payload: unknown) => Promise<{ ids: string[] }>;
};

export type EmbeddedContext = {
  event: RunnerEvent;
  events: RunnerEvent[];
  step: EmbeddedStepTools;
  runId: string;
  /** Zero-based, as in Inngest: 0 on the first attempt. */
  attempt: number;
  maxAttempts: number;
  logger: RunnerLogger;
  /** Only for `onFailure` handlers: the error that exhausted the retries. */
  error?: Error;
};

/** Step results that completed, by step id, kept across the attempts of one run. */
export type StepMemo = Map<string, unknown>;

export type StepDeps = {
  memo: StepMemo;
  /** Sends events from `step.sendEvent` through the app's one `sendEvent`. */
  send: (payload: unknown) => Promise<{ ids: string[] }>;
};

/** setTimeout cannot wait longer than 2^31-1 ms; longer sleeps wait in chunks. */
const maxTimer = 2_147_483_647;

export async function wait(ms: number): Promise<void> {
  let left = Math.max(0, ms);
  do {
    const chunk = Math.min(left, maxTimer);
    await new Promise<void>((resolve) => setTimeout(resolve, chunk));
    left -= chunk;
  } while (left > 0);
}

function untilMs(time: Date | string | number | object): number {
  if (time instanceof Date) return time.getTime();
  if (typeof time === "string") return Date.parse(time);
  if (typeof time === "number") return time;
  // Temporal.Instant and Temporal.ZonedDateTime both expose epochMilliseconds.
  const epoch: unknown = Reflect.get(time, "epochMilliseconds");
  return typeof epoch === "number" ? epoch : Number.NaN;
}

/**
 * Step tools for one attempt. Like Inngest, a step that completed in an earlier attempt returns
 * its recorded result instead of running again, results are JSON round-tripped (what a handler
 * gets back from Inngest), and a repeated id in one attempt becomes `id:1`, `id:2`, ….
 */
export function createStepTools(deps: StepDeps): EmbeddedStepTools {
  const seen = new Map<string, number>();
  function key(id: StepId): string {
    const base = typeof id === "string" ? id : id.id;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}:${n}`;
  }
  async function memoized(id: StepId, fn: () => Promise<unknown>): Promise<unknown> {
    const k = key(id);
    if (deps.memo.has(k)) return deps.memo.get(k);
    const result = await fn();
    const stored = result === undefined ? null : JSON.parse(JSON.stringify(result));
    deps.memo.set(k, stored);
    return stored;
  }

  const tools: EmbeddedStepTools = {
    run: (id, fn, ...input) => memoized(id, async () => fn(...input)),
    sleep: async (id, duration) => {
      await memoized(id, async () => wait(durationToMs(duration, { name: "step.sleep duration" })));
    },
    sleepUntil: async (id, time) => {
      const at = untilMs(time);
      if (Number.isNaN(at))
        throw new NonRetriableError(`step.sleepUntil: cannot read a time from ${String(time)}`);
      await memoized(id, async () => wait(at - Date.now()));
    },
    sendEvent: async (id, payload) => (await memoized(id, () => deps.send(payload))) as { ids: string[] },
  };

  // Steps the runner does not implement (waitForEvent, invoke, ai, fetch, …) fail loudly rather
  // than hang or silently do nothing.
  return new Proxy(tools, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop === "then" || prop in target)
        return Reflect.get(target, prop, receiver);
      return () => {
        throw new NonRetriableError(
          `step.${prop} is not supported by the embedded runner; configure Inngest to use it`,
        );
      };
    },
  });
}

export function createLogger(functionId: string, runId: string): RunnerLogger {
  const prefix = `[jobs] ${functionId} ${runId}`;
  return {
    debug: (...args) => console.debug(prefix, ...args),
    info: (...args) => console.info(prefix, ...args),
    warn: (...args) => console.warn(prefix, ...args),
    error: (...args) => console.error(prefix, ...args),
  };
}
