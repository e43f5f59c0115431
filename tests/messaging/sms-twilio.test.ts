import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createTwilioProvider, verifyTwilioSignature } from "@/lib/messaging/sms/twilio";
import { signedStatusCallback, startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";

let fake: TwilioFake;
beforeEach(async () => {
  fake = await startTwilioFake();
});
afterEach(async () => {
  await fake.close();
});

function provider(overrides: { authToken?: string; from?: string; messagingServiceSid?: string } = {}) {
  return createTwilioProvider({
    accountSid: fake.accountSid,
    authToken: overrides.authToken ?? fake.authToken,
    from: "from" in overrides ? overrides.from : "+15005550006",
    messagingServiceSid: overrides.messagingServiceSid,
    baseUrl: fake.url,
  });
}

describe("twilio send", () => {
  test("sends the exact form request Twilio expects and returns sid + segments", async () => {
    const result = await provider().send({
      to: "+2348031234567",
      body: "Your booking at Grandview is confirmed.",
      statusCallbackUrl: "https://hearth.example/api/webhooks/twilio",
    });

    expect(result).toMatchObject({ ok: true, segments: 1 });
    expect(result.ok && result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: `/2010-04-01/Accounts/${fake.accountSid}/Messages.json`,
      auth: { username: fake.accountSid, password: fake.authToken },
      form: {
        To: "+2348031234567",
        From: "+15005550006",
        Body: "Your booking at Grandview is confirmed.",
        StatusCallback: "https://hearth.example/api/webhooks/twilio",
      },
    });
    expect(request?.contentType).toContain("application/x-www-form-urlencoded");
  });

  test("uses the messaging service when no sender number is configured", async () => {
    const result = await provider({ from: undefined, messagingServiceSid: `MG${"a".repeat(32)}` }).send({
      to: "+2348031234567",
      body: "x".repeat(161),
    });
    expect(result).toMatchObject({ ok: true, segments: 2 });
    expect(fake.requests[0]?.form).toEqual({
      To: "+2348031234567",
      MessagingServiceSid: `MG${"a".repeat(32)}`,
      Body: "x".repeat(161),
    });
  });

  test.each([
    { status: 400, code: 21211, expected: { kind: "invalid_recipient", retryable: false } },
    { status: 400, code: 21614, expected: { kind: "invalid_recipient", retryable: false } },
    { status: 401, code: 20003, expected: { kind: "auth_failed", retryable: false } },
    { status: 429, code: 20429, expected: { kind: "rate_limited", retryable: true } },
    { status: 503, code: 20500, expected: { kind: "server_error", retryable: true } },
    { status: 400, code: 21610, expected: { kind: "rejected", retryable: false } },
  ])("Twilio error $code (HTTP $status) maps to $expected.kind", async ({ status, code, expected }) => {
    fake.failNext({ status, code, message: `scripted ${code}` });
    const result = await provider().send({ to: "+2348031234567", body: "hi" });
    expect(result).toEqual({
      ok: false,
      ...expected,
      message: `scripted ${code}`,
      providerCode: code,
      status,
    });
  });

  test("wrong credentials are refused by the fake and map to auth_failed", async () => {
    const result = await provider({ authToken: "wrong" }).send({ to: "+2348031234567", body: "hi" });
    expect(result).toMatchObject({ ok: false, kind: "auth_failed", providerCode: 20003, status: 401 });
  });

  test("an unreachable server is a retryable server_error", async () => {
    const client = provider();
    await fake.close();
    fake = await startTwilioFake(); // afterEach closes this one; the client still points at the old port
    const result = await client.send({ to: "+2348031234567", body: "hi" });
    expect(result).toMatchObject({ ok: false, kind: "server_error", retryable: true });
  });
});

describe("twilio testConnection", () => {
  test("fetches the account with the credentials", async () => {
    expect(await provider().testConnection()).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: `/2010-04-01/Accounts/${fake.accountSid}.json`,
      auth: { username: fake.accountSid, password: fake.authToken },
    });
  });

  test("reports a failure with wrong credentials", async () => {
    expect(await provider({ authToken: "wrong" }).testConnection()).toEqual({
      ok: false,
      message: "Authenticate",
    });
  });
});

describe("verifyTwilioSignature", () => {
  const url = "https://grandview.hearth.example/api/webhooks/twilio/status?provider=abc";
  const authToken = "status-callback-token";
  const callback = () =>
    signedStatusCallback({ authToken, url, messageSid: `SM${"1".repeat(32)}`, status: "delivered" });

  test("accepts a callback signed with the auth token", () => {
    const { params, signature } = callback();
    expect(verifyTwilioSignature({ authToken, url, params, signature })).toBe(true);
  });

  test("refuses a forged signature, a tampered field, another token and a missing header", () => {
    const { params, signature } = callback();
    expect(verifyTwilioSignature({ authToken, url, params, signature: "Zm9yZ2Vk" })).toBe(false);
    expect(
      verifyTwilioSignature({ authToken, url, params: { ...params, MessageStatus: "failed" }, signature }),
    ).toBe(false);
    expect(verifyTwilioSignature({ authToken: "other-token", url, params, signature })).toBe(false);
    expect(verifyTwilioSignature({ authToken, url, params, signature: null })).toBe(false);
  });

  test("refuses a signature made for another URL", () => {
    const { params, signature } = callback();
    const otherUrl = "https://evil.example/api/webhooks/twilio/status?provider=abc";
    expect(verifyTwilioSignature({ authToken, url: otherUrl, params, signature })).toBe(false);
    expect(
      verifyTwilioSignature({
        authToken,
        url: url.replace("provider=abc", "provider=xyz"),
        params,
        signature,
      }),
    ).toBe(false);
  });
});
