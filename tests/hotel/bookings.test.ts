import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/db/connect";
import { bookings } from "@/db/schema";
import {
  type Booking,
  type BookingStatus,
  bookingTransitions,
  cancelBooking,
  checkInBooking,
  checkOutBooking,
  confirmBooking,
  createBooking,
  getBooking,
  listBookings,
  referencePrefix,
} from "@/lib/hotel/bookings";
import { formatStay } from "@/lib/hotel/dates";
import { getRoom, setRoomStatus } from "@/lib/hotel/rooms";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addBooking, addGuest, addRoom, appError, auditActions, createHotel, type Hotel } from "./helpers";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

test.each([
  ["Grandview Hotel", "grandview", "GR"],
  ["The Blue Lagoon Resort", "blue-lagoon", "BL"],
  ["Hôtel Élysée", "elysee", "EL"],
  ["東京ホテル", "tokyo-stay", "TO"],
])("reference prefix of %s is %s", (name, slug, prefix) => {
  expect(referencePrefix({ name, slug })).toBe(prefix);
});

type Move = "confirm" | "checkIn" | "checkOut" | "cancel";
const moveTarget: Record<Move, BookingStatus> = {
  confirm: "confirmed",
  checkIn: "checked_in",
  checkOut: "checked_out",
  cancel: "cancelled",
};

function move(db: Db, hotel: Hotel, booking: Booking, m: Move): Promise<Booking> {
  const ref = { tenantId: hotel.tenant.id, bookingId: booking.id, actor: hotel.actor };
  switch (m) {
    case "confirm":
      return confirmBooking(db, ref);
    case "checkIn":
      return checkInBooking(db, ref);
    case "checkOut":
      return checkOutBooking(db, ref);
    case "cancel":
      return cancelBooking(db, { ...ref, reason: "Guest asked" });
  }
}

/** The moves that take a new booking to `status`. */
const pathTo: Record<BookingStatus, Move[]> = {
  pending: [],
  confirmed: ["confirm"],
  checked_in: ["confirm", "checkIn"],
  checked_out: ["confirm", "checkIn", "checkOut"],
  cancelled: ["cancel"],
};

describe.each(testDatabaseKinds)("bookings on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    hotel = await createHotel(database.db, { name: "Grandview Hotel" });
  });
  afterAll(() => database.drop());

  test("a booking is priced nights × rate in the hotel's currency, with the next reference", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel, { nightlyRateMinor: 4_500_000 });
    const guest = await addGuest(db, hotel);
    const first = await addBooking(db, hotel, { room, guest, from: 0, to: 3 });
    expect(first).toMatchObject({
      status: "pending",
      totalMinor: 13_500_000,
      currency: "NGN",
      checkIn: hotel.today,
      checkOut: hotel.day(3),
      createdBy: hotel.owner.id,
      confirmedAt: null,
    });
    expect(first.reference).toMatch(/^GR-\d{6}$/);
    const second = await addBooking(db, hotel, { room, guest, from: 3, to: 4, status: "confirmed" });
    expect(Number(second.reference.slice(3))).toBe(Number(first.reference.slice(3)) + 1);
    expect(second.confirmedAt).toBeInstanceOf(Date);
    expect(await auditActions(db, hotel.tenant.id, first.id)).toEqual(["booking.create"]);

    const detail = await getBooking(db, { tenantId: hotel.tenant.id, bookingId: first.id });
    expect(detail).toMatchObject({
      id: first.id,
      guest: { id: guest.id, name: "Ada Obi" },
      room: { id: room.id },
    });
  });

  test.each([
    [{ checkOut: "same" }, "checkOut", "Check-out must be after check-in"],
    [{ nights: 61 }, "checkOut", "at most 60 nights"],
    [{ checkIn: "2026-02-30" }, "checkIn", "YYYY-MM-DD"],
  ])("the form is validated: %o", async (change, field, message) => {
    const db = database.db;
    const room = await addRoom(db, hotel);
    const guest = await addGuest(db, hotel);
    const checkIn = "checkIn" in change ? change.checkIn : hotel.day(1);
    const checkOut =
      "checkOut" in change ? checkIn : "nights" in change ? hotel.day(1 + change.nights) : hotel.day(2);
    const error = await createBooking(db, {
      tenantId: hotel.tenant.id,
      actor: hotel.actor,
      input: { guestId: guest.id, roomId: room.id, checkIn, checkOut, adults: 1 },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ZodError" });
    const issue = (error as { issues: Array<{ path: string[]; message: string }> }).issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toContain(message);
  });

  test("rules needing the room and the hotel: capacity, past dates, out of service, unknown guest", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel, { number: "201", capacity: 2 });
    const guest = await addGuest(db, hotel);
    const tooMany = await appError(addBooking(db, hotel, { room, guest, from: 1, to: 2, adults: 3 }));
    expect(tooMany).toMatchObject({ code: "INVALID", field: "adults" });
    expect(tooMany.message).toBe("Room 201 sleeps 2 guests; choose a larger room for 3.");
    const past = await appError(addBooking(db, hotel, { room, guest, from: -1, to: 2 }));
    expect(past).toMatchObject({ code: "INVALID", field: "checkIn" });
    await setRoomStatus(db, {
      tenantId: hotel.tenant.id,
      roomId: room.id,
      status: "out_of_service",
      actor: hotel.actor,
    });
    const closed = await appError(addBooking(db, hotel, { room, guest, from: 1, to: 2 }));
    expect(closed).toMatchObject({ code: "CONFLICT", field: "roomId" });
    const other = await addRoom(db, hotel);
    const ghost = await appError(
      addBooking(db, hotel, {
        room: other,
        guest: { ...guest, id: "00000000-0000-4000-8000-000000000001" },
        from: 1,
        to: 2,
      }),
    );
    expect(ghost).toMatchObject({ code: "NOT_FOUND", field: "guestId" });
  });

  test("an overlapping stay is refused, naming the booking that holds the room", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel, { number: "101" });
    const ada = await addGuest(db, hotel, { name: "Ada Obi" });
    const held = await addBooking(db, hotel, { room, guest: ada, from: 2, to: 5 });
    const bola = await addGuest(db, hotel, { name: "Bola Ade" });
    for (const [from, to] of [
      [2, 5],
      [1, 3],
      [4, 8],
      [3, 4],
      [0, 10],
    ] as const) {
      const error = await appError(addBooking(db, hotel, { room, guest: bola, from, to }));
      expect(error).toMatchObject({ code: "CONFLICT", field: "roomId" });
      expect(error.message).toBe(
        `Room 101 is already booked ${formatStay(hotel.day(2), hotel.day(5))} by Ada Obi (${held.reference}). Choose other dates or another room.`,
      );
    }
    // Nothing was written by the refusals.
    const { total } = await listBookings(db, {
      tenantId: hotel.tenant.id,
      roomId: room.id,
      limit: 50,
      offset: 0,
      sort: { id: "checkIn", desc: false },
    });
    expect(total).toBe(1);
  });

  test("adjacent stays share the changeover day; another room is free on the same nights", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel);
    const guest = await addGuest(db, hotel);
    await addBooking(db, hotel, { room, guest, from: 2, to: 5 });
    await expect(addBooking(db, hotel, { room, guest, from: 5, to: 7 })).resolves.toMatchObject({
      checkIn: hotel.day(5),
    });
    await expect(addBooking(db, hotel, { room, guest, from: 0, to: 2 })).resolves.toMatchObject({
      checkOut: hotel.day(2),
    });
    const other = await addRoom(db, hotel);
    await expect(addBooking(db, hotel, { room: other, guest, from: 2, to: 5 })).resolves.toBeDefined();
  });

  test("a cancelled booking frees its nights", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel);
    const guest = await addGuest(db, hotel);
    const first = await addBooking(db, hotel, { room, guest, from: 1, to: 4, status: "confirmed" });
    await appError(addBooking(db, hotel, { room, guest, from: 2, to: 3 }));
    const cancelled = await cancelBooking(db, {
      tenantId: hotel.tenant.id,
      bookingId: first.id,
      reason: "  Flight cancelled ",
      actor: hotel.actor,
    });
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationReason: "Flight cancelled" });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    await expect(addBooking(db, hotel, { room, guest, from: 2, to: 3 })).resolves.toMatchObject({
      status: "pending",
    });
    await expect(
      cancelBooking(db, { tenantId: hotel.tenant.id, bookingId: first.id, reason: " ", actor: hotel.actor }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });

  test("two concurrent bookings of the same room and nights: exactly one succeeds", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel, { number: "707" });
    const [ada, bola] = [
      await addGuest(db, hotel, { name: "Ada Obi" }),
      await addGuest(db, hotel, { name: "Bola Ade" }),
    ];
    for (let round = 0; round < 3; round += 1) {
      const from = 10 + round * 5;
      const results = await Promise.allSettled([
        addBooking(db, hotel, { room, guest: ada, from, to: from + 3 }),
        addBooking(db, hotel, { room, guest: bola, from: from + 1, to: from + 4 }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const winner = won[0]?.status === "fulfilled" ? won[0].value : null;
      const reason = lost[0]?.status === "rejected" ? lost[0].reason : null;
      expect(reason).toMatchObject({ code: "CONFLICT", field: "roomId" });
      expect(String((reason as Error).message)).toContain(`(${winner?.reference})`);
    }
    const live = await database.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.tenantId, hotel.tenant.id), eq(bookings.roomId, room.id)));
    expect(live).toHaveLength(3);
  });

  test("concurrent bookings of different rooms get distinct references", async () => {
    const db = database.db;
    const guest = await addGuest(db, hotel);
    const roomsList = [await addRoom(db, hotel), await addRoom(db, hotel), await addRoom(db, hotel)];
    const made = await Promise.all(
      roomsList.map((room) => addBooking(db, hotel, { room, guest, from: 1, to: 2 })),
    );
    expect(new Set(made.map((b) => b.reference)).size).toBe(3);
  });

  describe("the state machine", () => {
    const statuses = Object.keys(bookingTransitions) as BookingStatus[];
    const cases = statuses.flatMap((from) =>
      (Object.keys(moveTarget) as Move[]).map((m) => {
        const allowed: readonly BookingStatus[] = bookingTransitions[from];
        return [from, m, allowed.includes(moveTarget[m])] as const;
      }),
    );
    test("legal moves are exactly pending→confirmed|cancelled, confirmed→checked_in|cancelled, checked_in→checked_out", () => {
      expect(cases.filter(([, , ok]) => ok).map(([from, m]) => `${from}→${moveTarget[m]}`)).toEqual([
        "pending→confirmed",
        "pending→cancelled",
        "confirmed→checked_in",
        "confirmed→cancelled",
        "checked_in→checked_out",
      ]);
    });

    test.each(cases)("from %s, %s is %s", async (from, m, ok) => {
      const db = database.db;
      const room = await addRoom(db, hotel);
      const guest = await addGuest(db, hotel);
      let booking = await addBooking(db, hotel, { room, guest, from: 0, to: 2 });
      for (const step of pathTo[from]) booking = await move(db, hotel, booking, step);
      expect(booking.status).toBe(from);
      if (ok) {
        const after = await move(db, hotel, booking, m);
        expect(after.status).toBe(moveTarget[m]);
        return;
      }
      const error = await appError(move(db, hotel, booking, m));
      expect(error).toMatchObject({ code: "CONFLICT", field: "status" });
      const words = (s: string) => s.replace("_", " ");
      expect(error.message).toContain(`is ${words(from)}, so it cannot be ${words(moveTarget[m])}`);
      const [unchanged] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
      expect(unchanged?.status).toBe(from);
    });
  });

  test("check-in makes the room occupied, check-out sends it to cleaning; both audited", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel);
    const guest = await addGuest(db, hotel);
    const booking = await addBooking(db, hotel, { room, guest, from: 0, to: 1, status: "confirmed" });
    const ref = { tenantId: hotel.tenant.id, bookingId: booking.id, actor: hotel.actor };
    const inHouse = await checkInBooking(db, ref);
    expect(inHouse.checkedInAt).toBeInstanceOf(Date);
    expect((await getRoom(db, { tenantId: hotel.tenant.id, roomId: room.id }))?.status).toBe("occupied");
    const gone = await checkOutBooking(db, ref);
    expect(gone.checkedOutAt).toBeInstanceOf(Date);
    expect((await getRoom(db, { tenantId: hotel.tenant.id, roomId: room.id }))?.status).toBe("cleaning");
    expect(await auditActions(db, hotel.tenant.id, booking.id)).toEqual([
      "booking.create",
      "booking.check_in",
      "booking.check_out",
    ]);
    expect(await auditActions(db, hotel.tenant.id, room.id)).toEqual([
      "room.create",
      "room.status.change",
      "room.status.change",
    ]);
  });

  test("check-in waits for the first day and for the previous guest to leave", async () => {
    const db = database.db;
    const room = await addRoom(db, hotel, { number: "808" });
    const guest = await addGuest(db, hotel, { name: "Ada Obi" });
    const future = await addBooking(db, hotel, { room, guest, from: 3, to: 4, status: "confirmed" });
    const early = await appError(
      checkInBooking(db, { tenantId: hotel.tenant.id, bookingId: future.id, actor: hotel.actor }),
    );
    expect(early).toMatchObject({ code: "CONFLICT", field: "checkIn" });

    // Yesterday's guest has not checked out yet (a stay that started in the past, written directly).
    const [stayer] = await db
      .insert(bookings)
      .values({
        tenantId: hotel.tenant.id,
        reference: "GR-900001",
        guestId: guest.id,
        roomId: room.id,
        checkIn: hotel.day(-1),
        checkOut: hotel.day(0),
        status: "checked_in",
        totalMinor: 0,
        currency: "NGN",
      })
      .returning();
    const bola = await addGuest(db, hotel, { name: "Bola Ade" });
    const today = await addBooking(db, hotel, { room, guest: bola, from: 0, to: 1, status: "confirmed" });
    const occupied = await appError(
      checkInBooking(db, { tenantId: hotel.tenant.id, bookingId: today.id, actor: hotel.actor }),
    );
    expect(occupied).toMatchObject({ code: "CONFLICT", field: "roomId" });
    expect(occupied.message).toBe("Room 808 is still occupied by Ada Obi (GR-900001); check them out first.");
    await checkOutBooking(db, { tenantId: hotel.tenant.id, bookingId: stayer?.id ?? "", actor: hotel.actor });
    await expect(
      checkInBooking(db, { tenantId: hotel.tenant.id, bookingId: today.id, actor: hotel.actor }),
    ).resolves.toMatchObject({ status: "checked_in" });
  });

  test("listBookings filters by status, window and search, and sorts", async () => {
    const db = database.db;
    const h = await createHotel(db, { name: "Sea View" });
    const room = await addRoom(db, h, { number: "5" });
    const zoe = await addGuest(db, h, { name: "Zoe Bassey" });
    const amy = await addGuest(db, h, { name: "Amy Cole" });
    const a = await addBooking(db, h, { room, guest: zoe, from: 1, to: 3 });
    const b = await addBooking(db, h, { room, guest: amy, from: 5, to: 6, status: "confirmed" });
    const base = { tenantId: h.tenant.id, limit: 10, offset: 0, sort: { id: "checkIn", desc: false } };
    expect((await listBookings(db, base)).rows.map((r) => r.reference)).toEqual([a.reference, b.reference]);
    expect((await listBookings(db, { ...base, status: "confirmed" })).rows.map((r) => r.id)).toEqual([b.id]);
    expect(
      (await listBookings(db, { ...base, from: h.day(3), to: h.day(10) })).rows.map((r) => r.id),
    ).toEqual([b.id]);
    expect((await listBookings(db, { ...base, to: h.day(1) })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listBookings(db, { ...base, q: "zoe" })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listBookings(db, { ...base, q: b.reference })).rows.map((r) => r.id)).toEqual([b.id]);
    const byGuest = await listBookings(db, { ...base, sort: { id: "guestName", desc: false } });
    expect(byGuest.rows.map((r) => r.guestName)).toEqual(["Amy Cole", "Zoe Bassey"]);
    expect(byGuest.rows[0]).toMatchObject({
      roomNumber: "5",
      roomType: "Double",
      guestPhone: "+2348031234567",
    });
    expect(await listBookings(db, { ...base, guestId: "nope" })).toEqual({ rows: [], total: 0 });
  });
});
