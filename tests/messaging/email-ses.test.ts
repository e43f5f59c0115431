import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSesProvider } from "@/lib/messaging/email/ses";
import { type SesFake, startSesFake, TEST_SES_SECRET } from "@/tests/fakes/ses";

let fake: SesFake;
beforeAll(async () => {
  fake = await startSesFake();
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

function provider(accessKeyId = fake.accessKeyId) {
  return createSesProvider({
    region: "eu-west-1",
    accessKeyId,
    secretAccessKey: TEST_SES_SECRET,
    from: "mail@hearth.example",
    endpoint: fake.url,
  });
}

describe("SES provider", () => {
  it("sends the signed request SES expects and returns its MessageId", async () => {
    const result = await provider().send(message);
    expect(result).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^0100/) });
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0];
    expect(request).toMatchObject({ method: "POST", path: "/v2/email/outbound-emails" });
    expect(request?.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${fake.accessKeyId}/\\d{8}/eu-west-1/ses/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(request?.amzDate).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request?.body).toEqual({
      FromEmailAddress: "mail@hearth.example",
      Destination: { ToAddresses: ["guest@example.com"] },
      ReplyToAddresses: ["desk@grandview.example"],
      Content: {
        Simple: {
          Subject: { Data: "Your booking", Charset: "UTF-8" },
          Body: {
            Text: { Data: "See you soon", Charset: "UTF-8" },
            Html: { Data: "<p>See you soon</p>", Charset: "UTF-8" },
          },
        },
      },
      EmailTags: [
        { Name: "tenant", Value: "grandview" },
        { Name: "hearth_message_id", Value: "msg-123" },
      ],
    });
  });

  it("maps an invalid address to invalid_recipient", async () => {
    const result = await provider().send({ ...message, to: "not-an-address" });
    expect(result).toMatchObject({
      ok: false,
      kind: "invalid_recipient",
      retryable: false,
      status: 400,
      providerCode: "BadRequestException",
    });
  });

  it("maps unknown credentials to auth_failed", async () => {
    expect(await provider("AKIAWRONG").send(message)).toMatchObject({
      ok: false,
      kind: "auth_failed",
      retryable: false,
    });
  });

  it("maps throttling to a retryable rate_limited", async () => {
    fake.failNext({ status: 429, type: "TooManyRequestsException", message: "Too many requests" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rate_limited",
      retryable: true,
    });
    fake.failNext({ status: 400, type: "Throttling", message: "Maximum sending rate exceeded." });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rate_limited",
      retryable: true,
    });
  });

  it("maps 5xx to a retryable server_error", async () => {
    fake.failNext({ status: 500, type: "InternalFailure", message: "Internal failure" });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "server_error",
      retryable: true,
      status: 500,
    });
  });

  it("maps MessageRejected to rejected", async () => {
    fake.failNext({ status: 400, type: "MessageRejected", message: "Email address is not verified." });
    expect(await provider().send(message)).toMatchObject({
      ok: false,
      kind: "rejected",
      retryable: false,
      status: 400,
      providerCode: "MessageRejected",
      message: "Email address is not verified.",
    });
  });

  it("maps a network failure to a retryable server_error", async () => {
    const offline = createSesProvider({
      region: "eu-west-1",
      accessKeyId: "x",
      secretAccessKey: "y",
      from: "a@b.example",
      endpoint: "http://127.0.0.1:1",
    });
    expect(await offline.send(message)).toMatchObject({ ok: false, kind: "server_error", retryable: true });
  });

  it("tests the connection by reading the account", async () => {
    expect(await provider().testConnection()).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/v2/email/account" });
    expect(await provider("AKIAWRONG").testConnection()).toMatchObject({ ok: false });
  });
});
