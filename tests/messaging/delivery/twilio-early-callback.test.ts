import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { messageDeliveryEvents, messages, platformMessageTemplates } from "@/db/schema";
import { getCreditBalance } from "@/lib/credits/queries";
import { retryMessage } from "@/lib/messaging/retry";
import { sendSms } from "@/lib/messaging/send/send-sms";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  actor,
  addSmsProvider,
  assignProviders,
  createHotel,
  ledgerOf,
  seedMessaging,
} from "../send/helpers";
import {
  type CallbackAnswer,
  type InFlight,
  type InFlightTwilio,
  postCallback,
  startInFlightTwilio,
} from "./twilio-in-flight";

// Twilio can post "sent" or "delivered" before its API has answered our send. These callbacks
// arrive while sendSms is still waiting on Twilio: they must be verified and applied, and the
// send's own write afterwards must not undo them.
describe.each(testDatabaseKinds)("Twilio callbacks that beat the API answer on %s", (kind) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  let inFlight: InFlightTwilio;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedMessaging(database.db);
    await database.db.insert(platformMessageTemplates).values({
      tenantId: null,
      event: "test/early",
      channel: "sms",
      locale: "en",
      body: "Your room is ready",
    });
    twilio = await startTwilioFake();
    inFlight = await startInFlightTwilio(twilio);
  });
  afterAll(async () => {
    await inFlight.close();
    await twilio.close();
    await database.drop();
  });
  const db = () => database.db;
  const reload = async (id: string) => (await db().select().from(messages).where(eq(messages.id, id)))[0];
  const eventsOf = (id: string) =>
    db().select().from(messageDeliveryEvents).where(eq(messageDeliveryEvents.messageId, id));
  /** The only message of a hotel: the row the send is working on. */
  const rowOf = async (tenantId: string) =>
    (await db().select().from(messages).where(eq(messages.tenantId, tenantId)))[0];

  async function hotelOnTwilio(baseUrl: string) {
    const hotel = await createHotel(db(), { credits: 5 });
    const provider = await addSmsProvider(db(), {
      kind: "twilio",
      baseUrl,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
    });
    await assignProviders(db(), hotel.id, "sms", [provider.id]);
    return { hotel, provider };
  }

  const send = (tenantId: string) =>
    sendSms(db(), {
      tenantId,
      event: "test/early",
      to: "+2348031234567",
      locale: "en",
      data: {},
      idempotencyKey: randomUUID(),
    });

  test("'sent' then 'delivered' before Twilio answers: both applied; the send keeps 'delivered'", async () => {
    const { hotel, provider } = await hotelOnTwilio(inFlight.url);
    const answers: CallbackAnswer[] = [];
    const seen: { accepted?: InFlight; rowDuringCall?: Awaited<ReturnType<typeof rowOf>> } = {};
    inFlight.whileInFlight = async (message) => {
      seen.accepted = message;
      seen.rowDuringCall = await rowOf(hotel.id);
      answers.push(await postCallback({ ...message, status: "sent", authToken: twilio.authToken }));
      answers.push(await postCallback({ ...message, status: "delivered", authToken: twilio.authToken }));
    };
    const message = await send(hotel.id);
    inFlight.whileInFlight = null;

    // The provider was on the row, committed, before the call; the SID was not yet known.
    expect(seen.rowDuringCall).toMatchObject({
      status: "queued",
      providerKind: "twilio",
      providerId: provider.id,
      providerMessageId: null,
      credits: 1,
      creditReference: seen.rowDuringCall?.id,
    });
    expect(answers).toEqual([
      { status: 200, outcome: "applied", reason: null },
      { status: 200, outcome: "applied", reason: null },
    ]);
    expect(message).toMatchObject({
      status: "delivered",
      providerId: provider.id,
      providerMessageId: seen.accepted?.sid,
      credits: 1,
      creditReference: message.id,
      attempts: 1,
      error: null,
      failedAt: null,
    });
    expect(message.deliveredAt).toBeInstanceOf(Date);
    expect(message.sentAt).toBeInstanceOf(Date);
    expect(await reload(message.id)).toEqual(message);
    const events = await eventsOf(message.id);
    expect(events.map((e) => [e.status, e.outcome]).sort()).toEqual([
      ["delivered", "applied"],
      ["sent", "applied"],
    ]);
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(4);
  });

  test("an early 'undelivered' refunds the credits once; the send keeps the failure", async () => {
    const { hotel } = await hotelOnTwilio(inFlight.url);
    const answers: CallbackAnswer[] = [];
    inFlight.whileInFlight = async (accepted) => {
      answers.push(
        await postCallback({
          ...accepted,
          status: "undelivered",
          errorCode: "30006",
          authToken: twilio.authToken,
        }),
      );
    };
    const message = await send(hotel.id);
    inFlight.whileInFlight = null;

    expect(answers).toEqual([{ status: 200, outcome: "applied", reason: null }]);

    expect(message).toMatchObject({
      status: "undelivered",
      error: "Twilio error 30006",
      credits: 0,
      creditReference: message.id,
      attempts: 1,
    });
    expect(message.failedAt).toBeInstanceOf(Date);
    const ledger = await ledgerOf(db(), hotel.id);
    expect(ledger.filter((e) => e.reason === "refund")).toEqual([
      expect.objectContaining({ delta: 1, reference: message.id }),
    ]);
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(5);
  });

  test("during a retry, a late callback of the first attempt is refused; the new attempt's applies", async () => {
    const { hotel } = await hotelOnTwilio(inFlight.url);
    const attempts: InFlight[] = [];
    inFlight.whileInFlight = async (accepted) => {
      attempts.push(accepted);
    };
    const sent = await send(hotel.id);
    const [firstAttempt] = attempts;
    if (!firstAttempt) throw new Error("the first send never reached Twilio");
    const undelivered = await postCallback({
      ...firstAttempt,
      status: "undelivered",
      authToken: twilio.authToken,
    });
    expect(undelivered.outcome).toBe("applied");
    expect((await reload(sent.id))?.status).toBe("undelivered");

    const answers: Record<string, CallbackAnswer> = {};
    inFlight.whileInFlight = async (accepted) => {
      attempts.push(accepted);
      // Twilio repeats the first attempt's final status while the retry is still in flight.
      answers.stale = await postCallback({
        ...firstAttempt,
        status: "undelivered",
        authToken: twilio.authToken,
      });
      answers.fresh = await postCallback({ ...accepted, status: "delivered", authToken: twilio.authToken });
    };
    const retried = await retryMessage(db(), { messageId: sent.id, tenantId: hotel.id, actor });
    inFlight.whileInFlight = null;

    expect(firstAttempt.statusCallback).toContain("attempt=1");
    expect(answers.stale).toMatchObject({ status: 409, outcome: "refused" });
    expect(answers.fresh).toEqual({ status: 200, outcome: "applied", reason: null });
    expect(retried).toMatchObject({
      status: "delivered",
      providerMessageId: attempts[1]?.sid,
      attempts: 2,
      credits: 1,
      creditReference: `${sent.id}:retry:2`,
      error: null,
    });
    expect(attempts).toHaveLength(2);
    expect(retried.providerMessageId).not.toBe(firstAttempt.sid);
  });

  test("on failover the row names the next provider before its call; only its token verifies", async () => {
    const hotel = await createHotel(db(), { credits: 5 });
    const other = await startTwilioFake({ authToken: "second-account-token-fedcba9876543210" });
    const otherInFlight = await startInFlightTwilio(other);
    try {
      const down = await addSmsProvider(db(), {
        kind: "twilio",
        baseUrl: twilio.url,
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
      });
      const backup = await addSmsProvider(db(), {
        kind: "twilio",
        baseUrl: otherInFlight.url,
        accountSid: other.accountSid,
        authToken: other.authToken,
      });
      await assignProviders(db(), hotel.id, "sms", [down.id, backup.id]);
      twilio.failNext({ status: 503, code: 20503, message: "Service Unavailable" });
      const answers: Record<string, CallbackAnswer> = {};
      otherInFlight.whileInFlight = async (accepted) => {
        answers.wrongToken = await postCallback({ ...accepted, status: "sent", authToken: twilio.authToken });
        answers.rightToken = await postCallback({ ...accepted, status: "sent", authToken: other.authToken });
      };
      const message = await send(hotel.id);

      expect(answers.wrongToken).toEqual({ status: 403, outcome: "refused", reason: "bad signature" });
      expect(answers.rightToken).toEqual({ status: 200, outcome: "applied", reason: null });
      expect(message).toMatchObject({ status: "sent", providerId: backup.id, credits: 1, attempts: 1 });
    } finally {
      await otherInFlight.close();
      await other.close();
    }
  });
});
