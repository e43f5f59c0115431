// Domain events: one outbox row per committed transition (none for a refused or rolled-back one),
// delivered once through `sendEvent` with the row's idempotency key as the event id, by the
// after-commit dispatch or, failing that, by the every-minute sweeper.
import { InngestTestEngine } from "@inngest/test";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { bookings, domainEventOutbox } from "@/db/schema";
import { eventSchemas, isEventName } from "@/inngest/events";
import { dispatchDomainEventsFn } from "@/inngest/functions/hotel/dispatch-domain-events";
import { dispatchDomainEvents, drainDomainEventDispatch } from "@/lib/events/dispatch";
import { enqueueDomainEvent } from "@/lib/events/outbox";
import { bookingEventPayload } from "@/lib/hotel/booking-events";
import {
  type Booking,
  cancelBooking,
  checkInBooking,
  checkOutBooking,
  confirmBooking,
  getBooking,
} from "@/lib/hotel/bookings";
import { createServiceRequest } from "@/lib/hotel/service-requests";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  addBooking,
  addGuest,
  addRoom,
  appError,
  createHotel,
  type Hotel,
  outboxRows,
} from "@/tests/hotel/helpers";

type Sent = { name: string; data: Record<string, unknown>; id?: string };
const sender = vi.hoisted(() => ({ sent: [] as Sent[], failures: 0 }));
vi.mock("@/lib/jobs/send-event", () => ({
  sendEvent: vi.fn(async (event: Sent) => {
    if (sender.failures > 0) {
      sender.failures -= 1;
      throw new Error("Inngest is unreachable");
    }
    sender.sent.push(event);
    return { ids: [event.id ?? "generated"] };
  }),
}));

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

describe.each(testDatabaseKinds)("domain events on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    hotel = await createHotel(database.db, { name: "Grandview Hotel" });
  });
  afterAll(async () => {
    await drainDomainEventDispatch();
    await database.drop();
  });
  beforeEach(async () => {
    await drainDomainEventDispatch();
    sender.sent.length = 0;
    sender.failures = 0;
  });

  async function booking(status: "pending" | "confirmed" = "pending", from = 0): Promise<Booking> {
    const db = database.db;
    const room = await addRoom(db, hotel, { number: `E${Math.random().toString().slice(2, 8)}` });
    const guest = await addGuest(db, hotel, { name: "Ada Obi", preferredLanguage: "fr" });
    return addBooking(db, hotel, { room, guest, from, to: from + 2, status });
  }

  const rowsFor = async (bookingId: string) =>
    (await outboxRows(database.db, hotel.tenant.id)).filter((r) => r.idempotencyKey.endsWith(bookingId));

  test("each committed transition writes exactly one event, sent once with its key as id", async () => {
    const db = database.db;
    const b = await booking();
    expect(await rowsFor(b.id)).toEqual([]);
    const ref = { tenantId: hotel.tenant.id, bookingId: b.id, actor: hotel.actor };
    await confirmBooking(db, ref);
    await checkInBooking(db, ref);
    await checkOutBooking(db, ref);
    const rows = await rowsFor(b.id);
    expect(rows.map((r) => [r.name, r.idempotencyKey]).sort()).toEqual([
      ["hotel/booking.confirmed", `booking.confirmed:${b.id}`],
      ["hotel/guest.checked_in", `guest.checked_in:${b.id}`],
      ["hotel/guest.checked_out", `guest.checked_out:${b.id}`],
    ]);
    expect(rows.every((r) => r.dispatchedAt !== null && r.attempts === 1)).toBe(true);
    expect(sender.sent.map((e) => [e.name, e.id])).toEqual([
      ["hotel/booking.confirmed", `booking.confirmed:${b.id}`],
      ["hotel/guest.checked_in", `guest.checked_in:${b.id}`],
      ["hotel/guest.checked_out", `guest.checked_out:${b.id}`],
    ]);
    // What messaging will render from: valid against the registered Inngest schema.
    const confirmed = sender.sent[0];
    if (!confirmed || !isEventName(confirmed.name)) throw new Error("no event");
    expect(eventSchemas[confirmed.name].parse(confirmed.data)).toMatchObject({
      tenant: {
        id: hotel.tenant.id,
        name: "Grandview Hotel",
        timezone: "Africa/Lagos",
        currency: "NGN",
        locale: "en-NG",
      },
      booking: {
        id: b.id,
        reference: b.reference,
        checkIn: b.checkIn,
        checkOut: b.checkOut,
        nights: 2,
        totalMinor: b.totalMinor,
      },
      guest: { name: "Ada Obi", phone: "+2348031234567", email: "ada@example.test", preferredLanguage: "fr" },
      room: { id: b.roomId },
      locale: "fr",
    });
  });

  test("creating a confirmed booking emits booking.confirmed; pending and cancelled ones emit nothing", async () => {
    const db = database.db;
    const confirmed = await booking("confirmed");
    expect((await rowsFor(confirmed.id)).map((r) => r.name)).toEqual(["hotel/booking.confirmed"]);
    const pending = await booking("pending");
    await cancelBooking(db, {
      tenantId: hotel.tenant.id,
      bookingId: pending.id,
      reason: "x",
      actor: hotel.actor,
    });
    expect(await rowsFor(pending.id)).toEqual([]);
  });

  test("a new service request emits service.requested with the request", async () => {
    const b = await booking("confirmed");
    const request = await createServiceRequest(database.db, {
      tenantId: hotel.tenant.id,
      input: { bookingId: b.id, kind: "room_service", description: "Pepper soup" },
      actor: hotel.actor,
    });
    await drainDomainEventDispatch();
    const event = sender.sent.find((e) => e.name === "hotel/service.requested");
    expect(event).toMatchObject({
      id: `service.requested:${request.id}`,
      data: {
        serviceRequest: { id: request.id, kind: "room_service", description: "Pepper soup" },
        booking: { id: b.id },
      },
    });
  });

  test("refused transitions write and send nothing", async () => {
    const db = database.db;
    const b = await booking("confirmed");
    const ref = { tenantId: hotel.tenant.id, bookingId: b.id, actor: hotel.actor };
    await drainDomainEventDispatch();
    sender.sent.length = 0;
    expect((await appError(confirmBooking(db, ref))).code).toBe("CONFLICT");
    expect((await appError(checkOutBooking(db, ref))).code).toBe("CONFLICT");
    const future = await booking("confirmed", 3);
    await drainDomainEventDispatch();
    sender.sent.length = 0;
    expect((await appError(checkInBooking(db, { ...ref, bookingId: future.id }))).code).toBe("CONFLICT");
    // An overlapping booking created as confirmed is refused: no booking.confirmed for it.
    const before = (await outboxRows(db, hotel.tenant.id)).length;
    const error = await appError(
      addBooking(db, hotel, {
        room: await roomOf(b),
        guest: await addGuest(db, hotel),
        from: 0,
        to: 1,
        status: "confirmed",
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect((await rowsFor(b.id)).map((r) => r.name)).toEqual(["hotel/booking.confirmed"]);
    expect(await rowsFor(future.id)).toHaveLength(1);
    expect((await outboxRows(db, hotel.tenant.id)).length).toBe(before);
    expect(sender.sent).toEqual([]);
  });

  async function roomOf(b: Booking) {
    const detail = await getBooking(database.db, { tenantId: hotel.tenant.id, bookingId: b.id });
    if (!detail) throw new Error("no booking");
    return detail.room;
  }

  test("a rolled-back change leaves no event and sends nothing", async () => {
    const db = database.db;
    const b = await booking();
    // The service inside a caller's transaction that then fails: the confirmation and its event go together.
    await expect(
      db.transaction(async (tx) => {
        await confirmBooking(tx, { tenantId: hotel.tenant.id, bookingId: b.id, actor: hotel.actor });
        throw new Error("the caller's next step failed");
      }),
    ).rejects.toThrow("the caller's next step failed");
    expect(await rowsFor(b.id)).toEqual([]);
    const [row] = await db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, b.id));
    expect(row?.status).toBe("pending");
    expect(sender.sent).toEqual([]);
  });

  test("the same idempotency key is written once", async () => {
    const b = await booking("confirmed");
    const detail = await getBooking(database.db, { tenantId: hotel.tenant.id, bookingId: b.id });
    if (!detail) throw new Error("no booking");
    const again = await withTenant(database.db, hotel.tenant.id, (tx) =>
      enqueueDomainEvent(tx, {
        tenantId: hotel.tenant.id,
        name: "hotel/booking.confirmed",
        payload: bookingEventPayload({
          tenant: hotel.tenant,
          booking: detail,
          guest: detail.guest,
          room: detail.room,
        }),
        idempotencyKey: `booking.confirmed:${b.id}`,
      }),
    );
    expect(again).toBe(false);
    expect(await rowsFor(b.id)).toHaveLength(1);
  });

  test("dispatch sends each row once, however often (and however concurrently) it runs", async () => {
    const db = database.db;
    // Committed inside an outer transaction: the after-commit dispatch is skipped, rows wait.
    const pending = [await booking(), await booking(), await booking()];
    await db.transaction(async (tx) => {
      for (const b of pending)
        await confirmBooking(tx, { tenantId: hotel.tenant.id, bookingId: b.id, actor: hotel.actor });
    });
    await drainDomainEventDispatch();
    expect(sender.sent).toEqual([]);
    const results = await Promise.all([dispatchDomainEvents(db), dispatchDomainEvents(db)]);
    expect(results.reduce((n, r) => n + r.dispatched, 0)).toBe(3);
    expect(await dispatchDomainEvents(db)).toEqual({ dispatched: 0, failed: 0 });
    expect(sender.sent.map((e) => e.id).sort()).toEqual(
      pending.map((b) => `booking.confirmed:${b.id}`).sort(),
    );
  });

  test("a failed send is recorded and retried by the sweeper, which sends it once", async () => {
    sender.failures = 1;
    const b = await booking("confirmed");
    await drainDomainEventDispatch();
    const [failed] = await rowsFor(b.id);
    expect(failed).toMatchObject({
      attempts: 1,
      dispatchedAt: null,
      lastError: "Error: Inngest is unreachable",
    });
    expect(sender.sent).toEqual([]);

    const { result } = await new InngestTestEngine({ function: dispatchDomainEventsFn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    });
    expect(result).toMatchObject({ dispatched: expect.any(Number), failed: 0 });
    const [sent] = await rowsFor(b.id);
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(sent?.dispatchedAt).toBeInstanceOf(Date);
    expect(sender.sent.filter((e) => e.id === `booking.confirmed:${b.id}`)).toHaveLength(1);

    await new InngestTestEngine({ function: dispatchDomainEventsFn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    });
    expect(sender.sent.filter((e) => e.id === `booking.confirmed:${b.id}`)).toHaveLength(1);
  });

  test("the sweeper picks up rows a crash left undispatched", async () => {
    const db = database.db;
    const b = await booking("confirmed");
    await drainDomainEventDispatch();
    // As if the process died between commit and dispatch.
    await db
      .update(domainEventOutbox)
      .set({ dispatchedAt: null, attempts: 0 })
      .where(eq(domainEventOutbox.idempotencyKey, `booking.confirmed:${b.id}`));
    sender.sent.length = 0;
    await new InngestTestEngine({ function: dispatchDomainEventsFn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    });
    expect(sender.sent.map((e) => e.id)).toEqual([`booking.confirmed:${b.id}`]);
    const [undispatched] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(domainEventOutbox)
      .where(sql`${domainEventOutbox.dispatchedAt} is null`);
    expect(undispatched?.n).toBe(0);
  });
});
