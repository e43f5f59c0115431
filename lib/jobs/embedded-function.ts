import type { InngestFunction } from "inngest";
import { z } from "zod";
import type { EmbeddedContext } from "./embedded-context";

/** What the embedded runner needs from an Inngest function, read once per dispatch. */
export type EmbeddedFunction = {
  id: string;
  triggers: Trigger[];
  /** Attempts in all: Inngest's `retries` (default 4) plus the first. */
  maxAttempts: number;
  handler: EmbeddedHandler;
  onFailure?: EmbeddedHandler;
};

export type EmbeddedHandler = (ctx: EmbeddedContext) => unknown;

const triggerSchema = z.union([
  z.object({ cron: z.string().min(1) }),
  // Event triggers are `{ event }` objects or `EventType` instances, which also carry `event`.
  z.object({ event: z.string().min(1), if: z.string().optional() }),
]);
export type Trigger = z.infer<typeof triggerSchema>;

const optionsSchema = z.object({
  triggers: z.array(triggerSchema).default([]),
  retries: z.number().int().min(0).max(20).optional(),
  onFailure: z.custom<EmbeddedHandler>((v) => typeof v === "function").optional(),
});

/** Inngest's default: 4 retries, so 5 attempts. */
const defaultRetries = 4;

export function readFunction(fn: InngestFunction.Any): EmbeddedFunction {
  const opts = optionsSchema.parse(fn.opts);
  return {
    id: fn.id(),
    triggers: opts.triggers,
    maxAttempts: (opts.retries ?? defaultRetries) + 1,
    handler: readHandler(fn),
    onFailure: opts.onFailure,
  };
}

/**
 * The SDK keeps a function's handler in the private field `fn` and offers no accessor (its own
 * execution engine reads it internally). This is the one place the runner reaches into it.
 */
function readHandler(fn: InngestFunction.Any): EmbeddedHandler {
  const handler: unknown = Reflect.get(fn, "fn");
  if (typeof handler !== "function") {
    throw new Error(
      `Inngest function "${fn.id()}" has no handler the embedded runner can read (SDK changed?)`,
    );
  }
  return handler as EmbeddedHandler;
}

/** The event trigger of `fn` that `eventName` fires, if any; `domain/*` wildcards match by prefix. */
export function matchingTrigger(
  fn: EmbeddedFunction,
  eventName: string,
): { event: string; if?: string } | undefined {
  for (const trigger of fn.triggers) {
    if (!("event" in trigger) || trigger.event === undefined) continue;
    const name = trigger.event;
    const matches = name.endsWith("*") ? eventName.startsWith(name.slice(0, -1)) : name === eventName;
    if (matches) return { event: name, if: trigger.if };
  }
  return undefined;
}

/** Splits Inngest's `TZ=Area/City <pattern>` (or `CRON_TZ=`) prefix off a cron string. */
export function parseCron(expression: string): { pattern: string; timezone?: string } {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(expression.trim());
  if (!match?.[1] || !match[2]) return { pattern: expression.trim() };
  return { pattern: match[2].trim(), timezone: match[1] };
}
