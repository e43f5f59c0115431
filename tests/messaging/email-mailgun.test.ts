import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailgunProvider, verifyMailgunWebhook } from "@/lib/messaging/email/mailgun";
import { type MailgunFake, signMailgunWebhook, startMailgunFake } from "@/tests/fakes/mailgun";

let fake: MailgunFake;
beforeAll(async () => {
  fake = await startMailgunFake();
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
  tags: { tenant: "grandview" },
};

function provider(apiKey = fake.apiKey) {
  return createMailgunProvider({
    apiKey,
    domain: fake.domain,
    from: "mail@hearth.example",
    baseUrl: fake.url,
  });
}

describe("Mailgun provider", () => {
  it("sends the multipart request Mailgun expects and returns its id", async () => {
    const result = await provider().send(message);
    expect(result).toMatchObject({
      ok: true,
      providerMessageId: expect.stringMatching(/^<.+@mg\.hearth\.example>$/),
    });
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0];
    expect(request).toMatchObject({
      method: "POST",
      path: `/v3/${fake.domain}/messages`,
      auth: { username: "api", password: fake.apiKey },
    });
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.form).toEqual({
      from: ["mail@hearth.example"],
      to: ["guest@example.com"],
      subject: ["Your booking"],
      text: ["See you soon"],
      html: ["<p>See you soon</p>"],
      "h:Reply-To": ["desk@grandview.example"],
      "v:tenant": ["grandview"],
      "v:hearth-message-id": ["msg-123"],
    });
  });

  it("maps an invalid address to invalid_recipient", async () => {
    const result = await provider().send({ ...message, to: "not-an-address" });
    expect(result).toMatchObject({ ok: false, kind: "invalid_recipient", retryable: false, status: 400 });
  });

  it("maps a wrong key to auth_failed", async () => {
    expect(await provider("key-wrong").send(message)).toMatchObject({
      ok: false,
      kind: "auth_failed",
      retryable: false,
      status: 401,
    });
  });

  it("maps 429 to a retryable rate_limited", async () => {
    fake.failNext({ status: 429, message: "Too many requests" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rate_limited",
      retryable: true,
      status: 429,
    });
  });

  it("maps 5xx to a retryable server_error", async () => {
    fake.failNext({ status: 502, message: "Bad gateway" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "server_error",
      retryable: true,
      status: 502,
    });
  });

  it("maps other 4xx to rejected", async () => {
    fake.failNext({ status: 400, message: "'from' parameter is missing" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rejected",
      retryable: false,
      status: 400,
    });
  });

  it("maps a network failure to a retryable server_error", async () => {
    const offline = createMailgunProvider({
      apiKey: "key-x",
      domain: "d.example",
      from: "a@b.example",
      baseUrl: "http://127.0.0.1:1",
    });
    expect(await offline.send(message)).toMatchObject({ ok: false, kind: "server_error", retryable: true });
  });

  it("tests the connection by reading the sending domain", async () => {
    expect(await provider().testConnection()).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: expect.stringMatching(new RegExp(`/domains/${fake.domain}$`)),
    });
    expect(await provider("key-wrong").testConnection()).toMatchObject({ ok: false });
  });
});

describe("verifyMailgunWebhook", () => {
  const signingKey = "fake-webhook-signing-key";

  it("accepts a valid signature", () => {
    expect(verifyMailgunWebhook({ signingKey, ...signMailgunWebhook(signingKey) })).toBe(true);
  });

  it("refuses a forged or tampered signature", () => {
    expect(verifyMailgunWebhook({ signingKey, ...signMailgunWebhook("another-key") })).toBe(false);
    const signed = signMailgunWebhook(signingKey);
    expect(verifyMailgunWebhook({ signingKey, ...signed, token: `${signed.token}x` })).toBe(false);
    expect(verifyMailgunWebhook({ signingKey, ...signed, signature: "zz" })).toBe(false);
  });

  it("refuses a stale signature", () => {
    const stale = signMailgunWebhook(signingKey, new Date(Date.now() - 10 * 60_000));
    expect(verifyMailgunWebhook({ signingKey, ...stale })).toBe(false);
  });
});
