import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createTermiiProvider } from "@/lib/messaging/sms/termii";
import { startTermiiFake, type TermiiFake } from "@/tests/fakes/termii";

let fake: TermiiFake;
beforeEach(async () => {
  fake = await startTermiiFake();
});
afterEach(async () => {
  await fake.close();
});

function provider(overrides: { apiKey?: string; channel?: "generic" | "dnd" } = {}) {
  return createTermiiProvider({
    apiKey: overrides.apiKey ?? fake.apiKey,
    senderId: "Grandview",
    baseUrl: fake.url,
    channel: overrides.channel,
  });
}

describe("termii send", () => {
  test("posts the exact JSON Termii expects (dnd route by default) and returns the message id", async () => {
    const result = await provider().send({ to: "+2348031234567", body: "Booking confirmed." });

    expect(result).toMatchObject({ ok: true, providerMessageId: "3017000000000001" });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/api/sms/send" });
    expect(fake.requests[0]?.contentType).toContain("application/json");
    expect(fake.requests[0]?.json).toEqual({
      api_key: fake.apiKey,
      to: "2348031234567",
      from: "Grandview",
      sms: "Booking confirmed.",
      type: "plain",
      channel: "dnd",
    });
  });

  test("honours the generic channel, a per-message sender and a base URL with a trailing slash", async () => {
    const client = createTermiiProvider({
      apiKey: fake.apiKey,
      senderId: "Grandview",
      baseUrl: `${fake.url}/`,
      channel: "generic",
    });
    const result = await client.send({ to: "+2348031234567", body: "hi", from: "Hearth" });
    expect(result.ok).toBe(true);
    expect(fake.requests[0]?.json).toMatchObject({ channel: "generic", from: "Hearth" });
  });

  test.each([
    { status: 401, message: "Unauthorized", expected: { kind: "auth_failed", retryable: false } },
    { status: 403, message: "Forbidden", expected: { kind: "auth_failed", retryable: false } },
    { status: 429, message: "Too many requests", expected: { kind: "rate_limited", retryable: true } },
    {
      status: 400,
      message: "Invalid phone number",
      expected: { kind: "invalid_recipient", retryable: false },
    },
    {
      status: 400,
      message: "Number is on the blocked list",
      expected: { kind: "invalid_recipient", retryable: false },
    },
    { status: 400, message: "Sender id not approved", expected: { kind: "rejected", retryable: false } },
    { status: 500, message: "Internal error", expected: { kind: "server_error", retryable: true } },
    { status: 502, message: "Bad gateway", expected: { kind: "server_error", retryable: true } },
  ])("HTTP $status '$message' maps to $expected.kind", async ({ status, message, expected }) => {
    fake.failNext({ status, body: { message } });
    const result = await provider().send({ to: "+2348031234567", body: "hi" });
    expect(result).toEqual({ ok: false, ...expected, message, status });
  });

  test("the fake's own checks: wrong key → auth_failed, malformed number → invalid_recipient", async () => {
    expect(await provider({ apiKey: "wrong" }).send({ to: "+2348031234567", body: "hi" })).toMatchObject({
      ok: false,
      kind: "auth_failed",
      status: 401,
    });
    expect(await provider().send({ to: "+23480", body: "hi" })).toMatchObject({
      ok: false,
      kind: "invalid_recipient",
      status: 400,
    });
  });

  test("a non-JSON error body still yields a message", async () => {
    fake.failNext({ status: 503, body: "upstream down" });
    expect(await provider().send({ to: "+2348031234567", body: "hi" })).toMatchObject({
      ok: false,
      kind: "server_error",
      message: "upstream down",
    });
  });

  test("an unreachable server is a retryable server_error", async () => {
    const client = provider();
    await fake.close();
    fake = await startTermiiFake();
    expect(await client.send({ to: "+2348031234567", body: "hi" })).toMatchObject({
      ok: false,
      kind: "server_error",
      retryable: true,
    });
  });
});

describe("termii testConnection", () => {
  test("reads the balance with the api key in the query", async () => {
    expect(await provider().testConnection()).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: "/api/get-balance",
      query: { api_key: fake.apiKey },
    });
  });

  test("reports the provider's message for a wrong key", async () => {
    expect(await provider({ apiKey: "wrong" }).testConnection()).toEqual({
      ok: false,
      message: "Invalid API key",
    });
  });

  test("reports an unreachable server", async () => {
    const client = provider();
    await fake.close();
    fake = await startTermiiFake();
    expect(await client.testConnection()).toMatchObject({ ok: false });
  });
});
