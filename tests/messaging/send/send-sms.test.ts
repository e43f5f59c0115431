import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { platformMessageTemplates, platformSmsProviders } from "@/db/schema";
import { getCreditBalance, reconcileCredits } from "@/lib/credits/queries";
import { sendSms } from "@/lib/messaging/send/send-sms";
import { countSmsSegments } from "@/lib/messaging/sms/segments";
import { startTermiiFake, type TermiiFake } from "@/tests/fakes/termii";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addSmsProvider, assignProviders, createHotel, devSinkOf, ledgerOf, seedMessaging } from "./helpers";

// 2 GSM-7 segments (161–306 septets): each send of it costs 2 credits.
const LONG = `{{guest.name}}, ${"your room is ready and breakfast is served from seven. ".repeat(4)}`;

describe.each(testDatabaseKinds)("sendSms on %s", (kind) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  let termii: TermiiFake;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedMessaging(database.db);
    await database.db.insert(platformMessageTemplates).values([
      { tenantId: null, event: "test/fallback", channel: "sms", locale: "en", body: "P-en {{guest.name}}" },
      { tenantId: null, event: "test/fallback", channel: "sms", locale: "fr", body: "P-fr {{guest.name}}" },
      { tenantId: null, event: "test/long", channel: "sms", locale: "en", body: LONG },
    ]);
    twilio = await startTwilioFake();
    termii = await startTermiiFake();
  });
  afterAll(async () => {
    await twilio.close();
    await termii.close();
    await database.drop();
  });
  beforeEach(() => {
    twilio.requests.length = 0;
    termii.requests.length = 0;
  });

  const db = () => database.db;
  const guest = { guest: { name: "Ada" } };
  const twilioRow = (cost = 0) =>
    addSmsProvider(db(), {
      kind: "twilio",
      baseUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      costPerMessageMinor: cost,
    });
  const termiiRow = () =>
    addSmsProvider(db(), { kind: "termii", baseUrl: termii.url, apiKey: termii.apiKey });
  const send = (
    tenantId: string,
    opts: { event?: string; locale?: string; key?: string; to?: string } = {},
  ) =>
    sendSms(db(), {
      tenantId,
      event: opts.event ?? "test/long",
      to: opts.to ?? "+2348031234567",
      locale: opts.locale ?? "en",
      data: guest,
      idempotencyKey: opts.key ?? randomUUID(),
    });

  test("the template chain: tenant+locale, tenant default locale, platform+locale, platform default", async () => {
    const spanish = await createHotel(db(), { locale: "es", credits: 10 });
    const portuguese = await createHotel(db(), { locale: "pt", credits: 10 });
    const own = await db()
      .insert(platformMessageTemplates)
      .values([
        {
          tenantId: spanish.id,
          event: "test/fallback",
          channel: "sms",
          locale: "de",
          body: "T-de {{guest.name}}",
        },
        {
          tenantId: spanish.id,
          event: "test/fallback",
          channel: "sms",
          locale: "es",
          body: "T-es {{guest.name}}",
        },
        { tenantId: portuguese.id, event: "test/fallback", channel: "sms", locale: "de", body: "X-de" },
      ])
      .returning();
    const cases = [
      { tenant: spanish, locale: "de", body: "T-de Ada", templateLocale: "de" },
      { tenant: spanish, locale: "it", body: "T-es Ada", templateLocale: "es" },
      { tenant: portuguese, locale: "fr", body: "P-fr Ada", templateLocale: "fr" },
      { tenant: portuguese, locale: "it", body: "P-en Ada", templateLocale: "en" },
    ];
    for (const c of cases) {
      const message = await send(c.tenant.id, { event: "test/fallback", locale: c.locale });
      expect(message).toMatchObject({
        status: "sent",
        body: c.body,
        locale: c.templateLocale,
        providerKind: "dev-sink",
      });
      const [template] = await db()
        .select()
        .from(platformMessageTemplates)
        .where(eq(platformMessageTemplates.id, message.templateId ?? ""));
      expect(template?.body.slice(0, 4)).toBe(c.body.slice(0, 4));
    }
    expect(own).toHaveLength(3);
    // No assignment: the platform default (dev-sink) took them, into the outbox with our ids.
    const outbox = await devSinkOf(db(), spanish.id);
    expect(outbox.map((o) => o.body).sort()).toEqual(["T-de Ada", "T-es Ada"]);
    expect(outbox.every((o) => o.messageId && o.channel === "sms")).toBe(true);
  });

  test("a send debits exactly its segments and the log row records provider, cost and callback", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    const provider = await twilioRow(3);
    await assignProviders(db(), hotel.id, "sms", [provider.id]);
    const message = await send(hotel.id);
    const segments = countSmsSegments(message.body).segments;
    expect(segments).toBe(2);
    expect(message).toMatchObject({
      status: "sent",
      channel: "sms",
      event: "test/long",
      recipient: "+2348031234567",
      providerKind: "twilio",
      providerId: provider.id,
      providerMessageId: expect.stringMatching(/^SM/),
      segments: 2,
      credits: 2,
      costMinor: 6,
      costCurrency: "USD",
      attempts: 1,
      creditReference: message.id,
      error: null,
    });
    expect(message.sentAt).toBeInstanceOf(Date);
    const ledger = await ledgerOf(db(), hotel.id);
    expect(ledger.filter((e) => e.reason === "send")).toEqual([
      expect.objectContaining({ delta: -2, reference: message.id }),
    ]);
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(8);
    expect(twilio.requests).toHaveLength(1);
    expect(twilio.requests[0]?.form).toMatchObject({
      To: "+2348031234567",
      From: "+15005550006",
      Body: message.body,
      StatusCallback: `http://localhost:3000/api/webhooks/twilio?messageId=${message.id}&attempt=1`,
    });
  });

  test("the same idempotency key twice: one message, one debit, one provider call", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    await assignProviders(db(), hotel.id, "sms", [(await twilioRow()).id]);
    const key = `evt-${randomUUID()}:sms:+2348031234567`;
    const [first, second] = [await send(hotel.id, { key }), await send(hotel.id, { key })];
    expect(second.id).toBe(first.id);
    expect(twilio.requests).toHaveLength(1);
    expect((await ledgerOf(db(), hotel.id)).filter((e) => e.reason === "send")).toHaveLength(1);
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(8);
  });

  test("not enough credits: failed with a clear error, nothing sent, nothing debited", async () => {
    const hotel = await createHotel(db(), { credits: 1 });
    await assignProviders(db(), hotel.id, "sms", [(await twilioRow()).id]);
    const message = await send(hotel.id);
    expect(message).toMatchObject({
      status: "failed",
      credits: 0,
      creditReference: null,
      providerKind: null,
    });
    expect(message.error).toMatch(/Not enough SMS credits: 2 needed, 1 left/);
    expect(twilio.requests).toHaveLength(0);
    expect((await ledgerOf(db(), hotel.id)).filter((e) => e.reason === "send")).toHaveLength(0);
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(1);
  });

  test("failover: Twilio answers 500, Termii takes the message; charged once", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    const first = await twilioRow();
    const second = await termiiRow();
    await assignProviders(db(), hotel.id, "sms", [first.id, second.id]);
    twilio.failNext({ status: 500, code: 20500, message: "Internal Server Error" });
    const message = await send(hotel.id);
    expect(message).toMatchObject({
      status: "sent",
      providerKind: "termii",
      providerId: second.id,
      credits: 2,
    });
    expect(twilio.requests).toHaveLength(1);
    expect(termii.requests).toHaveLength(1);
    const ledger = await ledgerOf(db(), hotel.id);
    expect(ledger.filter((e) => e.reason === "send")).toHaveLength(1);
    expect(ledger.filter((e) => e.reason === "refund")).toHaveLength(0);
  });

  test("an invalid number does not fail over, and the credits come back", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    await assignProviders(db(), hotel.id, "sms", [(await twilioRow()).id, (await termiiRow()).id]);
    twilio.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const message = await send(hotel.id);
    expect(message).toMatchObject({ status: "failed", providerKind: "twilio", credits: 0, attempts: 1 });
    expect(message.error).toMatch(/invalid_recipient/);
    expect(message.failedAt).toBeInstanceOf(Date);
    expect(termii.requests).toHaveLength(0);
    const ledger = await ledgerOf(db(), hotel.id);
    expect(ledger.filter((e) => e.reason === "refund")).toEqual([
      expect.objectContaining({ delta: 2, reference: message.id }),
    ]);
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(10);
  });

  test("every provider fails: failed, each provider tried once, refunded exactly once", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    await assignProviders(db(), hotel.id, "sms", [(await twilioRow()).id, (await termiiRow()).id]);
    twilio.failNext({ status: 503, code: 20503, message: "Service Unavailable" });
    termii.failNext({ status: 502, body: { message: "Bad gateway" } });
    const message = await send(hotel.id);
    expect(message).toMatchObject({ status: "failed", providerKind: "termii", credits: 0 });
    expect(message.error).toMatch(/server_error.*;.*server_error/);
    expect(twilio.requests).toHaveLength(1);
    expect(termii.requests).toHaveLength(1);
    const ledger = await ledgerOf(db(), hotel.id);
    expect(ledger.filter((e) => e.reason === "refund")).toHaveLength(1);
    expect(await reconcileCredits(db(), { tenantId: hotel.id })).toEqual([
      { tenantId: hotel.id, balance: 10, ledgerSum: 10, ok: true },
    ]);
  });

  test("a disabled assignment is skipped; with none left the platform default serves", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    const provider = await twilioRow();
    await assignProviders(db(), hotel.id, "sms", [provider.id]);
    await db()
      .update(platformSmsProviders)
      .set({ enabled: false })
      .where(eq(platformSmsProviders.id, provider.id));
    const message = await send(hotel.id);
    expect(message).toMatchObject({ status: "sent", providerKind: "dev-sink" });
    expect(twilio.requests).toHaveLength(0);
  });

  test("no template for the event: a failed log row says so, and no credits move", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    const message = await send(hotel.id, { event: "test/missing" });
    expect(message).toMatchObject({ status: "failed", body: "", templateId: null, credits: 0 });
    expect(message.error).toMatch(/No active sms template for test\/missing/);
    expect(await ledgerOf(db(), hotel.id)).toHaveLength(1);
  });
});
