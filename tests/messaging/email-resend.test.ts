import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResendProvider, verifyResendWebhook } from "@/lib/messaging/email/resend";
import {
  type ResendFake,
  signResendWebhook,
  startResendFake,
  TEST_WEBHOOK_SECRET,
} from "@/tests/fakes/resend";

let fake: ResendFake;
beforeAll(async () => {
  fake = await startResendFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const message = {
  to: "guest@example.com",
  subject: "Your booking",
  text: "See you soon",
  html: "<p>See you soon</p>",
  replyTo: "desk@grandview.example",
  idempotencyKey: "msg-123",
  tags: { hearth_message_id: "msg-123" },
};

function provider(apiKey = fake.apiKey) {
  return createResendProvider({ apiKey, from: "Hearth <mail@hearth.example>", baseUrl: fake.url });
}

describe("Resend provider", () => {
  it("sends the request Resend expects and returns its id", async () => {
    const result = await provider().send(message);
    expect(result).toMatchObject({ ok: true, providerMessageId: expect.any(String) });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toEqual({
      method: "POST",
      path: "/emails",
      authorization: `Bearer ${fake.apiKey}`,
      idempotencyKey: "msg-123",
      body: {
        from: "Hearth <mail@hearth.example>",
        to: ["guest@example.com"],
        subject: "Your booking",
        text: "See you soon",
        html: "<p>See you soon</p>",
        reply_to: "desk@grandview.example",
        tags: [{ name: "hearth_message_id", value: "msg-123" }],
      },
    });
  });

  it("maps an invalid address to invalid_recipient", async () => {
    const result = await provider().send({ ...message, to: "not-an-address" });
    expect(result).toMatchObject({ ok: false, kind: "invalid_recipient", retryable: false, status: 422 });
  });

  it("maps a wrong key to auth_failed", async () => {
    const result = await provider("re_wrong").send(message);
    expect(result).toMatchObject({ ok: false, kind: "auth_failed", retryable: false, status: 403 });
  });

  it("maps 429 to a retryable rate_limited", async () => {
    fake.failNext({ status: 429, name: "rate_limit_exceeded", message: "Too many requests" });
    const result = await provider().send(message);
    expect(result).toMatchObject({
      ok: false,
      kind: "rate_limited",
      retryable: true,
      providerCode: "rate_limit_exceeded",
    });
  });

  it("maps 5xx to a retryable server_error", async () => {
    fake.failNext({ status: 500, name: "internal_server_error", message: "Boom" });
    const result = await provider().send(message);
    expect(result).toMatchObject({ ok: false, kind: "server_error", retryable: true, status: 500 });
  });

  it("maps other 4xx to rejected", async () => {
    fake.failNext({ status: 400, name: "invalid_parameter", message: "Bad from" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rejected",
      retryable: false,
      status: 400,
    });
  });

  it("maps a network failure to a retryable server_error", async () => {
    const offline = createResendProvider({
      apiKey: "re_x",
      from: "a@b.example",
      baseUrl: "http://127.0.0.1:1",
    });
    expect(await offline.send(message)).toMatchObject({ ok: false, kind: "server_error", retryable: true });
  });

  it("tests the connection by listing domains", async () => {
    expect(await provider().testConnection()).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/domains" });
    expect(await provider("re_wrong").testConnection()).toEqual({ ok: false, message: "API key is invalid" });
  });
});

describe("verifyResendWebhook", () => {
  const event = {
    type: "email.delivered",
    created_at: "2026-11-24T10:00:00.000Z",
    data: { email_id: "e-1" },
  };

  it("returns the event for a valid signature", () => {
    const signed = signResendWebhook({ secret: TEST_WEBHOOK_SECRET, event });
    expect(verifyResendWebhook({ secret: TEST_WEBHOOK_SECRET, ...signed })).toEqual(event);
  });

  it("refuses a forged or tampered delivery", () => {
    const otherSecret = `whsec_${Buffer.from("another-secret-entirely-32-bytes").toString("base64")}`;
    const forged = signResendWebhook({ secret: otherSecret, event });
    expect(verifyResendWebhook({ secret: TEST_WEBHOOK_SECRET, ...forged })).toBeNull();
    const signed = signResendWebhook({ secret: TEST_WEBHOOK_SECRET, event });
    const tampered = signed.rawBody.replace("e-1", "e-2");
    expect(
      verifyResendWebhook({ secret: TEST_WEBHOOK_SECRET, headers: signed.headers, rawBody: tampered }),
    ).toBeNull();
    expect(
      verifyResendWebhook({ secret: TEST_WEBHOOK_SECRET, headers: new Headers(), rawBody: signed.rawBody }),
    ).toBeNull();
  });

  it("refuses a stale delivery", () => {
    const stale = signResendWebhook({
      secret: TEST_WEBHOOK_SECRET,
      event,
      at: new Date(Date.now() - 10 * 60_000),
    });
    expect(verifyResendWebhook({ secret: TEST_WEBHOOK_SECRET, ...stale })).toBeNull();
  });
});
