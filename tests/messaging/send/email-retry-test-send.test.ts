import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { devSinkMessages, messages, platformAuditStream, platformMessageTemplates } from "@/db/schema";
import { getCreditBalance } from "@/lib/credits/queries";
import { AppError } from "@/lib/errors";
import { retryMessage } from "@/lib/messaging/retry";
import { sendEmail } from "@/lib/messaging/send/send-email";
import { sendSms } from "@/lib/messaging/send/send-sms";
import { sendTestMessage } from "@/lib/messaging/send/test-send";
import { type ResendFake, startResendFake } from "@/tests/fakes/resend";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  actor,
  addResendProvider,
  addSmsProvider,
  assignProviders,
  createHotel,
  ledgerOf,
  seedMessaging,
} from "./helpers";

describe.each(testDatabaseKinds)("sendEmail, retryMessage and sendTestMessage on %s", (kind) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  let resend: ResendFake;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedMessaging(database.db);
    await database.db
      .insert(platformMessageTemplates)
      .values({ tenantId: null, event: "test/short", channel: "sms", locale: "en", body: "Hello {{name}}" });
    twilio = await startTwilioFake();
    resend = await startResendFake();
  });
  afterAll(async () => {
    await twilio.close();
    await resend.close();
    await database.drop();
  });
  beforeEach(() => {
    twilio.requests.length = 0;
    resend.requests.length = 0;
  });
  const db = () => database.db;
  const welcomeData = {
    tenant: { name: "Grandview <Hotel> & Spa", slug: "grandview" },
    recipient: { name: "Grace", email: "grace@example.test" },
    portalUrl: "http://grandview.localhost:3000/login",
    trialEndsAt: null,
  };

  test("platform mail (no tenant) renders the template and lands in the dev-sink outbox", async () => {
    const message = await sendEmail(db(), {
      tenantId: null,
      event: "tenant.welcome",
      to: "grace@example.test",
      locale: "en",
      data: welcomeData,
      idempotencyKey: `welcome-${randomUUID()}`,
    });
    expect(message).toMatchObject({
      status: "sent",
      tenantId: null,
      channel: "email",
      providerKind: "dev-sink",
      subject: "Welcome to Hearth, Grandview <Hotel> & Spa",
      credits: 0,
    });
    // HTML escapes the hotel's name; the text part reads it back as typed.
    expect(message.html).toContain("Grandview &lt;Hotel&gt; &amp; Spa is ready");
    expect(message.body).toContain("Grandview <Hotel> & Spa is ready");
    expect(message.body).not.toMatch(/trial/i);
    const [stored] = await db()
      .select()
      .from(devSinkMessages)
      .where(eq(devSinkMessages.messageId, message.id));
    expect(stored).toMatchObject({
      tenantId: null,
      channel: "email",
      to: "grace@example.test",
      html: message.html,
    });
  });

  test("through Resend: the provider gets an idempotency key and our message id as a tag", async () => {
    const hotel = await createHotel(db());
    const provider = await addResendProvider(db(), { baseUrl: resend.url, apiKey: resend.apiKey });
    await assignProviders(db(), hotel.id, "email", [provider.id]);
    const message = await sendEmail(db(), {
      tenantId: hotel.id,
      event: "tenant.welcome",
      to: "grace@example.test",
      locale: "fr",
      data: welcomeData,
      idempotencyKey: randomUUID(),
    });
    expect(message).toMatchObject({ status: "sent", providerKind: "resend", locale: "fr", costMinor: 1 });
    expect(message.subject).toBe("Bienvenue sur Hearth, Grandview <Hotel> & Spa");
    expect(resend.requests).toHaveLength(1);
    expect(resend.requests[0]).toMatchObject({
      idempotencyKey: `${message.id}:1`,
      body: { tags: [{ name: "messageId", value: message.id }], from: "Grandview <stay@grandview.example>" },
    });
  });

  async function failedSms(tenantId: string) {
    const provider = await addSmsProvider(db(), {
      kind: "twilio",
      baseUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
    });
    await assignProviders(db(), tenantId, "sms", [provider.id]);
    twilio.failNext({ status: 500, code: 20500, message: "Internal Server Error" });
    const message = await sendSms(db(), {
      tenantId,
      event: "test/short",
      to: "+2348031234567",
      locale: "en",
      data: { name: "Ada" },
      idempotencyKey: randomUUID(),
    });
    expect(message.status).toBe("failed");
    return message;
  }

  test("retry: same row, attempts + 1, a fresh debit under a new reference, audited", async () => {
    const hotel = await createHotel(db(), { credits: 5 });
    const failed = await failedSms(hotel.id);
    const retried = await retryMessage(db(), { messageId: failed.id, tenantId: hotel.id, actor });
    expect(retried).toMatchObject({
      id: failed.id,
      status: "sent",
      attempts: 2,
      credits: 1,
      error: null,
      creditReference: `${failed.id}:retry:2`,
    });
    const ledger = await ledgerOf(db(), hotel.id);
    expect(
      ledger.filter((e) => e.reason !== "purchase").map((e) => [e.reason, e.delta, e.reference]),
    ).toEqual(
      expect.arrayContaining([
        ["send", -1, failed.id],
        ["refund", 1, failed.id],
        ["send", -1, `${failed.id}:retry:2`],
      ]),
    );
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(4);
    const audit = await db()
      .select()
      .from(platformAuditStream)
      .where(
        and(eq(platformAuditStream.action, "message.retry"), eq(platformAuditStream.targetId, failed.id)),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tenantId: hotel.id, actorLabel: "vitest" });
  });

  test("retry refuses a message that did not fail, and another hotel's message (as not found)", async () => {
    const hotel = await createHotel(db(), { credits: 5 });
    const other = await createHotel(db(), { credits: 5 });
    const failed = await failedSms(hotel.id);
    const refusal = await retryMessage(db(), { messageId: failed.id, tenantId: other.id, actor }).catch(
      (e) => e,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "NOT_FOUND" });
    const [unchanged] = await db().select().from(messages).where(eq(messages.id, failed.id));
    expect(unchanged).toMatchObject({ status: "failed", attempts: 1 });
    expect((await getCreditBalance(db(), { tenantId: other.id })).balance).toBe(5);

    const sent = await retryMessage(db(), { messageId: failed.id, tenantId: hotel.id, actor });
    await expect(retryMessage(db(), { messageId: sent.id, tenantId: hotel.id, actor })).rejects.toMatchObject(
      {
        code: "CONFLICT",
      },
    );
  });

  test("test send: an SMS from the editor is charged to the hotel; an email needs a subject", async () => {
    const hotel = await createHotel(db(), { credits: 5 });
    const message = await sendTestMessage(db(), {
      tenantId: hotel.id,
      channel: "sms",
      to: "+2348031234567",
      body: "Grandview: test of your booking template",
      event: "hotel/booking.confirmed",
      locale: "en",
      actor,
    });
    expect(message).toMatchObject({
      status: "sent",
      event: "hotel/booking.confirmed",
      credits: 1,
      providerKind: "dev-sink",
      idempotencyKey: expect.stringMatching(/^test:/),
    });
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(4);
    const audit = await db()
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "message.test_send"),
          eq(platformAuditStream.targetId, message.id),
        ),
      );
    expect(audit).toHaveLength(1);

    await expect(
      sendTestMessage(db(), {
        tenantId: null,
        channel: "email",
        to: "owner@example.test",
        body: "<p>Hi</p>",
        event: "tenant.welcome",
        locale: "en",
        actor,
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "subject" });
    const email = await sendTestMessage(db(), {
      tenantId: null,
      channel: "email",
      to: "owner@example.test",
      subject: "Test: welcome",
      body: "<p>Hi <strong>there</strong></p>",
      event: "tenant.welcome",
      locale: "en",
      actor,
    });
    expect(email).toMatchObject({
      status: "sent",
      body: "Hi there",
      html: "<p>Hi <strong>there</strong></p>",
    });
  });
});
