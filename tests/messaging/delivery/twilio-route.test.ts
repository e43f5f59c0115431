import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/webhooks/twilio/route";
import { useDatabaseForTests } from "@/db/client";
import { messageDeliveryEvents, messages, platformMessageTemplates } from "@/db/schema";
import { getCreditBalance } from "@/lib/credits/queries";
import { sendSms } from "@/lib/messaging/send/send-sms";
import type { MessageRow } from "@/lib/messaging/send/types";
import { signedStatusCallback, startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addSmsProvider, assignProviders, createHotel, ledgerOf, seedMessaging } from "../send/helpers";

type Status = Parameters<typeof signedStatusCallback>[0]["status"];

describe.each(testDatabaseKinds)("Twilio status callbacks through the route on %s", (kind) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedMessaging(database.db);
    await database.db
      .insert(platformMessageTemplates)
      .values({ tenantId: null, event: "test/cb", channel: "sms", locale: "en", body: "Your room is ready" });
    twilio = await startTwilioFake();
  });
  afterAll(async () => {
    await twilio.close();
    await database.drop();
  });
  const db = () => database.db;

  async function sentMessage(): Promise<MessageRow> {
    const hotel = await createHotel(db(), { credits: 5 });
    const provider = await addSmsProvider(db(), {
      kind: "twilio",
      baseUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
    });
    await assignProviders(db(), hotel.id, "sms", [provider.id]);
    const message = await sendSms(db(), {
      tenantId: hotel.id,
      event: "test/cb",
      to: "+2348031234567",
      locale: "en",
      data: {},
      idempotencyKey: randomUUID(),
    });
    expect(message.status).toBe("sent");
    return message;
  }

  /**
   * Posts a callback the way it reaches the app behind a proxy: Twilio signed the public URL
   * (ROOT_DOMAIN), the request arrives at an internal address with the same path and query.
   */
  async function post(
    message: Pick<MessageRow, "id" | "providerMessageId">,
    status: Status,
    opts: { authToken?: string; signature?: string | null; errorCode?: string; query?: string } = {},
  ) {
    const query = opts.query ?? `?messageId=${message.id}`;
    const { params, signature } = signedStatusCallback({
      authToken: opts.authToken ?? twilio.authToken,
      url: `http://localhost:3000/api/webhooks/twilio${query}`,
      messageSid: message.providerMessageId ?? "SMunknown",
      status,
      errorCode: opts.errorCode,
    });
    const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
    const sig = opts.signature === undefined ? signature : opts.signature;
    if (sig !== null) headers.set("x-twilio-signature", sig);
    const res = await POST(
      new Request(`http://10.0.0.7:8080/api/webhooks/twilio${query}`, {
        method: "POST",
        headers,
        body: new URLSearchParams(params).toString(),
      }),
    );
    return { status: res.status, body: (await res.json()) as { outcome: string; reason: string | null } };
  }

  const reload = async (id: string) => (await db().select().from(messages).where(eq(messages.id, id)))[0];
  const eventsOf = (id: string) =>
    db().select().from(messageDeliveryEvents).where(eq(messageDeliveryEvents.messageId, id));

  test("a signed 'delivered' is applied; a late 'sent' does not move it back", async () => {
    const message = await sentMessage();
    expect(await post(message, "delivered")).toEqual({
      status: 200,
      body: { outcome: "applied", reason: null },
    });
    const delivered = await reload(message.id);
    expect(delivered?.status).toBe("delivered");
    expect(delivered?.deliveredAt).toBeInstanceOf(Date);

    const late = await post(message, "sent");
    expect(late).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect((await reload(message.id))?.status).toBe("delivered");
    const interim = await post(message, "sending");
    expect(interim.body.outcome).toBe("ignored");

    const events = await eventsOf(message.id);
    expect(events.map((e) => [e.status, e.outcome]).sort()).toEqual([
      ["delivered", "applied"],
      ["sending", "ignored"],
      ["sent", "ignored"],
    ]);
    expect(events.find((e) => e.status === "delivered")?.providerMessageId).toBe(message.providerMessageId);
  });

  test("a forged or unsigned callback is refused with 403, logged, and changes nothing", async () => {
    const message = await sentMessage();
    const forged = await post(message, "failed", { authToken: "not-the-real-token" });
    expect(forged).toEqual({ status: 403, body: { outcome: "refused", reason: "bad signature" } });
    const unsigned = await post(message, "failed", { signature: null });
    expect(unsigned.status).toBe(403);
    // Signed for a different message id: the URL is part of what Twilio signs.
    const moved = await post(message, "failed", {
      signature: await signFor(message, "failed", randomUUID()),
    });
    expect(moved.status).toBe(403);
    expect(await reload(message.id)).toMatchObject({ status: "sent", credits: 1 });
    const events = await eventsOf(message.id);
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.outcome === "refused")).toBe(true);
  });

  async function signFor(message: MessageRow, status: Status, otherId: string): Promise<string> {
    return signedStatusCallback({
      authToken: twilio.authToken,
      url: `http://localhost:3000/api/webhooks/twilio?messageId=${otherId}`,
      messageSid: message.providerMessageId ?? "",
      status,
    }).signature;
  }

  test("unknown message → 404, no message id → 400; both recorded as refused", async () => {
    const ghost = { id: randomUUID(), providerMessageId: "SM404" };
    const unknown = await post(ghost, "delivered");
    expect(unknown).toEqual({ status: 404, body: { outcome: "refused", reason: "unknown message" } });
    const missing = await post(ghost, "delivered", { query: "" });
    expect(missing.status).toBe(400);
    const refused = await db()
      .select()
      .from(messageDeliveryEvents)
      .where(eq(messageDeliveryEvents.providerMessageId, "SM404"));
    expect(refused.map((e) => [e.outcome, e.messageId])).toEqual([
      ["refused", null],
      ["refused", null],
    ]);
  });

  test("'undelivered' after 'sent' refunds the credits once; a second failure report is ignored", async () => {
    const message = await sentMessage();
    const tenantId = message.tenantId ?? "";
    expect((await getCreditBalance(db(), { tenantId })).balance).toBe(4);
    const res = await post(message, "undelivered", { errorCode: "30006" });
    expect(res.body.outcome).toBe("applied");
    expect(await reload(message.id)).toMatchObject({
      status: "undelivered",
      error: "Twilio error 30006",
      credits: 0,
    });
    expect((await post(message, "failed")).body.outcome).toBe("ignored");
    const refunds = (await ledgerOf(db(), tenantId)).filter((e) => e.reason === "refund");
    expect(refunds).toEqual([expect.objectContaining({ delta: 1, reference: message.id })]);
    expect((await getCreditBalance(db(), { tenantId })).balance).toBe(5);
  });
});
