import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { tenantNotificationPreferences } from "@/db/schema";
import {
  notifyBookingConfirmedFn,
  notifyGuestCheckedInFn,
} from "@/inngest/functions/messaging/notify-guests";
import { getCreditBalance } from "@/lib/credits/queries";
import { grantCredits } from "@/lib/credits/service";
import { drainDomainEventDispatch } from "@/lib/events/dispatch";
import { confirmBooking } from "@/lib/hotel/booking-transitions";
import { drainEmbeddedRunner, sendEvent } from "@/lib/jobs/send-event";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addBooking, addGuest, addRoom, createHotel as createOperatingHotel } from "@/tests/hotel/helpers";
import {
  actor,
  bookingPayload,
  createHotel,
  devSinkOf,
  ledgerOf,
  messagesOf,
  seedMessaging,
} from "../send/helpers";

// Embedded mode: no Inngest configured, so sendEvent runs the functions in this process.
for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];
process.env.HEARTH_RUNNER_BACKOFF_MS = "5";

describe.each(testDatabaseKinds)("guest notification worker on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedMessaging(database.db);
  });
  afterEach(async () => {
    await drainDomainEventDispatch();
    await drainEmbeddedRunner();
  });
  afterAll(() => database.drop());
  const db = () => database.db;

  test("the same event delivered twice (same id) sends one SMS and one email", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    const event = {
      id: `evt-${randomUUID()}`,
      name: "hotel/booking.confirmed" as const,
      data: bookingPayload(hotel),
    };
    const engine = new InngestTestEngine({ function: notifyBookingConfirmedFn });
    const first = await engine.execute({ events: [event] });
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({
      event: "hotel/booking.confirmed",
      sent: [
        { channel: "sms", recipient: "+2348031234567", status: "sent" },
        { channel: "email", recipient: "ada@example.test", status: "sent" },
      ],
      skipped: [],
    });
    const again = await new InngestTestEngine({ function: notifyBookingConfirmedFn }).execute({
      events: [event],
    });
    expect(again.error).toBeUndefined();

    const logged = await messagesOf(db(), hotel.id);
    expect(logged.map((m) => m.idempotencyKey).sort()).toEqual([
      `${event.id}:email:ada@example.test`,
      `${event.id}:sms:+2348031234567`,
    ]);
    expect(await devSinkOf(db(), hotel.id)).toHaveLength(2);
    expect((await ledgerOf(db(), hotel.id)).filter((e) => e.reason === "send")).toHaveLength(1);
    const sms = logged.find((m) => m.channel === "sms");
    // The platform's English template, rendered with the hotel's currency and the event's data.
    expect(sms?.body).toContain("your booking GV-000123 is confirmed");
    expect(sms?.body).toMatch(/2 nights/);
  });

  test("a channel the hotel switched off, and a guest without email, are skipped with reasons", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    await db()
      .insert(tenantNotificationPreferences)
      .values({ tenantId: hotel.id, event: "hotel/guest.checked_in", channel: "sms", enabled: false });
    const event = {
      id: `evt-${randomUUID()}`,
      name: "hotel/guest.checked_in" as const,
      data: bookingPayload(hotel, { email: null }),
    };
    const { result, error } = await new InngestTestEngine({ function: notifyGuestCheckedInFn }).execute({
      events: [event],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({
      sent: [],
      skipped: [
        { channel: "sms", reason: "switched off by the hotel" },
        { channel: "email", reason: "the guest has no email address" },
      ],
    });
    expect(await messagesOf(db(), hotel.id)).toHaveLength(0);
    expect((await getCreditBalance(db(), { tenantId: hotel.id })).balance).toBe(10);
  });

  test("embedded mode: sendEvent with an id runs the function once, however often it is sent", async () => {
    const hotel = await createHotel(db(), { credits: 10 });
    const event = {
      id: `evt-${randomUUID()}`,
      name: "hotel/guest.checked_out" as const,
      data: bookingPayload(hotel, { phone: null }, "fr"),
    };
    await sendEvent(event);
    await sendEvent(event);
    await drainEmbeddedRunner();
    const logged = await messagesOf(db(), hotel.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      channel: "email",
      status: "sent",
      locale: "fr",
      event: "hotel/guest.checked_out",
    });
  });

  test("end to end: confirming a booking notifies the guest through the outbox and the worker", async () => {
    const hotel = await createOperatingHotel(db());
    await grantCredits(db(), {
      tenantId: hotel.tenant.id,
      amount: 5,
      reason: "purchase",
      reference: "e2e",
      actor,
    });
    const room = await addRoom(db(), hotel);
    const guest = await addGuest(db(), hotel);
    const booking = await addBooking(db(), hotel, { room, guest, from: 3, to: 5, status: "pending" });
    await confirmBooking(db(), { tenantId: hotel.tenant.id, bookingId: booking.id, actor: hotel.actor });
    await drainDomainEventDispatch();
    await drainEmbeddedRunner();
    const logged = await messagesOf(db(), hotel.tenant.id);
    expect(logged.map((m) => [m.event, m.channel, m.status]).sort()).toEqual([
      ["hotel/booking.confirmed", "email", "sent"],
      ["hotel/booking.confirmed", "sms", "sent"],
    ]);
    expect(logged.find((m) => m.channel === "sms")?.recipient).toBe("+2348031234567");
    expect((await getCreditBalance(db(), { tenantId: hotel.tenant.id })).balance).toBeLessThan(5);
  });
});
