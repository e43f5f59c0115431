import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSendGridProvider } from "@/lib/messaging/email/sendgrid";
import { type SendGridFake, startSendGridFake } from "@/tests/fakes/sendgrid";

let fake: SendGridFake;
beforeAll(async () => {
  fake = await startSendGridFake();
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
  return createSendGridProvider({ apiKey, from: "mail@hearth.example", baseUrl: fake.url });
}

describe("SendGrid provider", () => {
  it("sends the request SendGrid expects and returns the X-Message-Id", async () => {
    const result = await provider().send(message);
    expect(result).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/.+/) });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: "/v3/mail/send",
      authorization: `Bearer ${fake.apiKey}`,
    });
    expect(fake.requests[0]?.body).toMatchObject({
      personalizations: [{ to: [{ email: "guest@example.com" }] }],
      from: { email: "mail@hearth.example" },
      reply_to: { email: "desk@grandview.example" },
      subject: "Your booking",
      content: [
        { type: "text/plain", value: "See you soon" },
        { type: "text/html", value: "<p>See you soon</p>" },
      ],
      custom_args: { hearth_message_id: "msg-123", hearth_idempotency_key: "msg-123" },
    });
  });

  it("keeps each provider's key to itself (no shared SDK singleton)", async () => {
    const wrong = provider("SG.wrong");
    const right = provider();
    expect(await wrong.send(message)).toMatchObject({ ok: false, kind: "auth_failed" });
    expect(await right.send(message)).toMatchObject({ ok: true });
    expect(fake.requests.map((request) => request.authorization)).toEqual([
      "Bearer SG.wrong",
      `Bearer ${fake.apiKey}`,
    ]);
  });

  it("maps an invalid address to invalid_recipient", async () => {
    const result = await provider().send({ ...message, to: "not-an-address" });
    expect(result).toMatchObject({ ok: false, kind: "invalid_recipient", retryable: false, status: 400 });
  });

  it("maps a wrong key to auth_failed", async () => {
    const result = await provider("SG.wrong").send(message);
    expect(result).toMatchObject({ ok: false, kind: "auth_failed", retryable: false, status: 401 });
  });

  it("maps 429 to a retryable rate_limited", async () => {
    fake.failNext({ status: 429, message: "too many requests" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rate_limited",
      retryable: true,
      status: 429,
    });
  });

  it("maps 5xx to a retryable server_error", async () => {
    fake.failNext({ status: 503, message: "unavailable" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "server_error",
      retryable: true,
      status: 503,
    });
  });

  it("maps other 4xx to rejected", async () => {
    fake.failNext({
      status: 403,
      message: "The from address does not match a verified Sender Identity",
      field: "from",
    });
    // SendGrid answers an unverified sender with 403, which reads as an auth problem for failover.
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "auth_failed",
      providerCode: "from",
    });
    fake.failNext({ status: 413, message: "Payload too large", field: null });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rejected",
      retryable: false,
      status: 413,
    });
  });

  it("maps a network failure to a retryable server_error", async () => {
    const offline = createSendGridProvider({
      apiKey: "SG.x",
      from: "a@b.example",
      baseUrl: "http://127.0.0.1:1",
    });
    expect(await offline.send(message)).toMatchObject({ ok: false, kind: "server_error", retryable: true });
  });

  it("tests the connection by reading the key's scopes", async () => {
    expect(await provider().testConnection()).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/v3/scopes" });
    expect(await provider("SG.wrong").testConnection()).toMatchObject({ ok: false });
  });
});
