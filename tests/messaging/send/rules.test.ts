import { beforeEach, describe, expect, test } from "vitest";
import type { SendFailureKind } from "@/lib/messaging/providers/types";
import { deliverWithFailover, shouldFailOver } from "@/lib/messaging/send/deliver";
import { htmlToText } from "@/lib/messaging/send/html-text";
import { reserveSendSlot, resetSendSlots } from "@/lib/messaging/send/throttle";

describe("failover rule", () => {
  test.each<[SendFailureKind, boolean, boolean]>([
    ["server_error", true, true],
    ["rate_limited", true, true],
    ["auth_failed", false, true],
    ["rejected", false, true],
    ["invalid_recipient", false, false],
    ["unknown", false, false],
    ["unknown", true, true],
  ])("%s (retryable %s) fails over: %s", (kind, retryable, expected) => {
    expect(shouldFailOver({ ok: false, kind, retryable, message: "x" })).toBe(expected);
  });

  test("stops at the first provider that takes the message, and reports every failure otherwise", async () => {
    const row = (id: string) => ({
      row: { id, name: id, kind: "dev-sink", throttlePerSecond: 1 },
      sender: null,
    });
    const calls: string[] = [];
    const outcome = await deliverWithFailover([row("a"), row("b"), row("c")], async ({ row: r }) => {
      calls.push(r.id);
      if (r.id === "a") throw new Error("credentials do not open");
      return { ok: true, providerMessageId: `${r.id}-1` };
    });
    expect(calls).toEqual(["a", "b"]);
    expect(outcome).toMatchObject({ ok: true, providerMessageId: "b-1", candidate: { row: { id: "b" } } });
    expect(outcome.tried[0]?.result).toMatchObject({
      ok: false,
      kind: "unknown",
      message: "credentials do not open",
    });

    const none = await deliverWithFailover([], async () => ({ ok: true, providerMessageId: "never" }));
    expect(none).toMatchObject({ ok: false, error: "No provider is configured for this channel." });
  });
});

describe("per-provider throttle (token bucket)", () => {
  beforeEach(() => resetSendSlots());

  test("a burst within the rate goes at once; the rest is spaced at 1/rate", () => {
    const waits = Array.from({ length: 7 }, () => reserveSendSlot("p", 5, 1_000));
    expect(waits).toEqual([0, 0, 0, 0, 0, 200, 400]);
  });

  test("the bucket refills over time and never holds more than a second's worth", () => {
    for (let i = 0; i < 5; i++) reserveSendSlot("p", 5, 0);
    expect(reserveSendSlot("p", 5, 400)).toBe(0); // two tokens back after 400 ms
    expect(reserveSendSlot("p", 5, 400)).toBe(0);
    expect(reserveSendSlot("p", 5, 400)).toBe(200);
    // An hour idle refills to 5, not more.
    const later = Array.from({ length: 6 }, () => reserveSendSlot("q", 5, 3_600_000));
    expect(later.filter((w) => w === 0)).toHaveLength(5);
  });

  test("providers do not share buckets", () => {
    expect(reserveSendSlot("a", 1, 0)).toBe(0);
    expect(reserveSendSlot("a", 1, 0)).toBe(1_000);
    expect(reserveSendSlot("b", 1, 0)).toBe(0);
  });
});

describe("htmlToText", () => {
  test.each([
    ["<p>Hi Ada,</p>\n<p>See you &amp; yours</p>", "Hi Ada,\n\nSee you & yours"],
    ['<p>Portal: <a href="http://x.test/login">http://x.test/login</a></p>', "Portal: http://x.test/login"],
    ['<a href="http://x.test/i/1">View the invoice</a>', "View the invoice (http://x.test/i/1)"],
    ["<ul>\n<li>Room: 204</li>\n<li>Total: &lt;5&gt;</li>\n</ul>", "- Room: 204\n- Total: <5>"],
  ])("%j", (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
