import { cron, RetryAfterError } from "inngest";
import { describe, expect, test } from "vitest";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { matchingTrigger, parseCron, readFunction } from "./embedded-function";
import { retryDelayMs } from "./embedded-runner";

describe("parseCron", () => {
  test.each([
    ["*/5 * * * *", { pattern: "*/5 * * * *" }],
    ["TZ=Africa/Lagos 0 2 * * *", { pattern: "0 2 * * *", timezone: "Africa/Lagos" }],
    ["CRON_TZ=Europe/London 30 9 * * 1-5", { pattern: "30 9 * * 1-5", timezone: "Europe/London" }],
    ["  TZ=UTC   * * * * * *  ", { pattern: "* * * * * *", timezone: "UTC" }],
  ])("%j", (expression, expected) => {
    expect(parseCron(expression)).toEqual(expected);
  });
});

describe("readFunction and matchingTrigger", () => {
  const fn = readFunction(
    inngest.createFunction(
      {
        id: "test-triggers",
        triggers: [events["platform/nav.changed"], { event: "billing/*" }, cron("0 * * * *")],
        retries: 1,
      },
      async () => "done",
    ),
  );

  test("reads id, triggers and attempts from the public options", () => {
    expect(fn.id).toBe("test-triggers");
    expect(fn.maxAttempts).toBe(2);
    expect(fn.triggers).toEqual([
      { event: "platform/nav.changed" },
      { event: "billing/*" },
      { cron: "0 * * * *" },
    ]);
    expect(typeof fn.handler).toBe("function");
  });

  test.each([
    ["platform/nav.changed", "platform/nav.changed"],
    ["billing/invoice.finalized", "billing/*"],
    ["platform/nav.changed.extra", undefined],
    ["jobs/heartbeat.requested", undefined],
  ])("%s fires %s", (eventName, expected) => {
    expect(matchingTrigger(fn, eventName)?.event).toBe(expected);
  });

  test("defaults to Inngest's 4 retries", () => {
    const plain = readFunction(
      inngest.createFunction({ id: "test-plain", triggers: [cron("* * * * *")] }, async () => {}),
    );
    expect(plain.maxAttempts).toBe(5);
  });
});

describe("retryDelayMs", () => {
  test.each([
    [0, 100],
    [1, 200],
    [3, 800],
    [30, 600_000],
  ])("attempt %i with a 100 ms base waits %i ms (capped at 10 min)", (attempt, expected) => {
    expect(retryDelayMs(new Error("x"), attempt, 100)).toBe(expected);
  });

  test("a RetryAfterError's time wins over the backoff", () => {
    expect(retryDelayMs(new RetryAfterError("slow down", 30_000), 0, 100)).toBe(30_000);
    const at = new Date(Date.now() + 60_000);
    const delay = retryDelayMs(new RetryAfterError("later", at), 0, 100);
    expect(delay).toBeGreaterThan(55_000);
    expect(delay).toBeLessThanOrEqual(60_000);
  });
});
