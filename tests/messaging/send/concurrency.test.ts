import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformMessageTemplates } from "@/db/schema";
import { getCreditBalance, reconcileCredits } from "@/lib/credits/queries";
import { sendSms } from "@/lib/messaging/send/send-sms";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  addSmsProvider,
  assignProviders,
  createHotel,
  devSinkOf,
  ledgerOf,
  messagesOf,
  seedMessaging,
} from "./helpers";

// On Postgres the sends really run side by side (a pool of 10 connections): the conditional
// debit is what keeps the count exact. PGlite has one connection, so it runs a smaller burst.
describe.each(testDatabaseKinds)("concurrent sends against a limited balance on %s", (kind) => {
  const balance = kind === "postgres" ? 100 : 20;
  const sends = balance * 2;
  let database: TestDatabase;
  let twilio: TwilioFake;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedMessaging(database.db);
    await database.db
      .insert(platformMessageTemplates)
      .values({ tenantId: null, event: "test/burst", channel: "sms", locale: "en", body: "Hi {{n}}" });
    twilio = await startTwilioFake();
  });
  afterAll(async () => {
    await twilio.close();
    await database.drop();
  });

  const burst = (tenantId: string) =>
    Promise.all(
      Array.from({ length: sends }, (_, n) =>
        sendSms(database.db, {
          tenantId,
          event: "test/burst",
          to: "+2348031234567",
          locale: "en",
          data: { n },
          idempotencyKey: randomUUID(),
        }),
      ),
    );

  test(`${sends} one-segment sends, ${balance} credits: exactly ${balance} sent and debited`, {
    timeout: 120_000,
  }, async () => {
    const hotel = await createHotel(database.db, { credits: balance });
    const results = await burst(hotel.id);
    const sent = results.filter((m) => m.status === "sent");
    const refused = results.filter((m) => m.status === "failed");
    expect(sent).toHaveLength(balance);
    expect(refused).toHaveLength(balance);
    for (const m of refused) expect(m.error).toMatch(/Not enough SMS credits/);
    // Only the sent ones reached the provider (here the dev-sink outbox).
    const outbox = await devSinkOf(database.db, hotel.id);
    expect(outbox).toHaveLength(balance);
    expect(new Set(outbox.map((o) => o.messageId))).toEqual(new Set(sent.map((m) => m.id)));
    const ledger = await ledgerOf(database.db, hotel.id);
    expect(ledger.filter((e) => e.reason === "send")).toHaveLength(balance);
    expect(ledger.filter((e) => e.reason === "refund")).toHaveLength(0);
    expect((await getCreditBalance(database.db, { tenantId: hotel.id })).balance).toBe(0);
    expect(await reconcileCredits(database.db, { tenantId: hotel.id })).toEqual([
      { tenantId: hotel.id, balance: 0, ledgerSum: 0, ok: true },
    ]);
    expect(await messagesOf(database.db, hotel.id)).toHaveLength(sends);
  });

  test("with a provider that fails some sends, each failed one is refunded exactly once", {
    timeout: 120_000,
  }, async () => {
    const hotel = await createHotel(database.db, { credits: balance });
    const provider = await addSmsProvider(database.db, {
      kind: "twilio",
      baseUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
    });
    await assignProviders(database.db, hotel.id, "sms", [provider.id]);
    const failures = balance / 10;
    for (let i = 0; i < failures; i++)
      twilio.failNext({ status: 500, code: 20500, message: "Internal Server Error" });
    twilio.requests.length = 0;

    const results = await burst(hotel.id);
    const sent = results.filter((m) => m.status === "sent");
    const providerFailed = results.filter((m) => m.status === "failed" && /server_error/.test(m.error ?? ""));
    const creditRefused = results.filter(
      (m) => m.status === "failed" && /Not enough SMS credits/.test(m.error ?? ""),
    );
    expect(sent.length + providerFailed.length + creditRefused.length).toBe(sends);
    expect(providerFailed).toHaveLength(failures);
    // A refund frees a credit another send may still take, so at least balance − failures go out.
    expect(sent.length).toBeGreaterThanOrEqual(balance - failures);
    expect(sent.length).toBeLessThanOrEqual(balance);
    // Every debit reached the provider; credit refusals never did.
    expect(twilio.requests).toHaveLength(sent.length + providerFailed.length);

    const ledger = await ledgerOf(database.db, hotel.id);
    const refunds = ledger.filter((e) => e.reason === "refund");
    expect(refunds).toHaveLength(failures);
    expect(new Set(refunds.map((r) => r.reference))).toEqual(new Set(providerFailed.map((m) => m.id)));
    expect(ledger.filter((e) => e.reason === "send")).toHaveLength(sent.length + failures);
    const left = (await getCreditBalance(database.db, { tenantId: hotel.id })).balance;
    expect(left).toBe(balance - sent.length);
    expect(await reconcileCredits(database.db, { tenantId: hotel.id })).toEqual([
      { tenantId: hotel.id, balance: left, ledgerSum: left, ok: true },
    ]);
  });
});
