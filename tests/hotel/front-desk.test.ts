import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { bookings } from "@/db/schema";
import {
  cancelBooking,
  checkInBooking,
  getAvailabilityGrid,
  getOccupancy,
  listArrivals,
  listDepartures,
  listInHouse,
} from "@/lib/hotel/bookings";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addBooking, addGuest, addRoom, createHotel, type Hotel } from "./helpers";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

describe.each(testDatabaseKinds)("front desk on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;
  // Rooms 1–4; Ada arrives today into 1 (confirmed), Bola is in 2 since yesterday and leaves
  // today, Chidi arrives today into 3 and is already checked in, Dayo's booking of 4 is cancelled,
  // Efe has a pending booking of 4 for the day after tomorrow.
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    hotel = await createHotel(db);
    const [r1, r2, r3, r4] = [
      await addRoom(db, hotel, { number: "1" }),
      await addRoom(db, hotel, { number: "2" }),
      await addRoom(db, hotel, { number: "3" }),
      await addRoom(db, hotel, { number: "4" }),
    ];
    if (!r1 || !r2 || !r3 || !r4) throw new Error("rooms");
    const guest = (name: string) => addGuest(db, hotel, { name });
    const ada = await addBooking(db, hotel, {
      room: r1,
      guest: await guest("Ada"),
      from: 0,
      to: 2,
      status: "confirmed",
    });
    const bola = await guest("Bola");
    // A stay that began yesterday cannot be booked through the service any more: written directly.
    const [inHouse] = await db
      .insert(bookings)
      .values({
        tenantId: hotel.tenant.id,
        reference: "GR-800001",
        guestId: bola.id,
        roomId: r2.id,
        checkIn: hotel.day(-1),
        checkOut: hotel.day(0),
        status: "checked_in",
        totalMinor: 0,
        currency: "NGN",
      })
      .returning();
    const chidi = await addBooking(db, hotel, {
      room: r3,
      guest: await guest("Chidi"),
      from: 0,
      to: 3,
      status: "confirmed",
    });
    await checkInBooking(db, { tenantId: hotel.tenant.id, bookingId: chidi.id, actor: hotel.actor });
    const dayo = await addBooking(db, hotel, { room: r4, guest: await guest("Dayo"), from: 0, to: 1 });
    await cancelBooking(db, {
      tenantId: hotel.tenant.id,
      bookingId: dayo.id,
      reason: "No show",
      actor: hotel.actor,
    });
    const efe = await addBooking(db, hotel, { room: r4, guest: await guest("Efe"), from: 2, to: 4 });
    Object.assign(ids, {
      ada: ada.id,
      bola: inHouse?.id,
      chidi: chidi.id,
      dayo: dayo.id,
      efe: efe.id,
      r1: r1.id,
      r4: r4.id,
    });
  });
  afterAll(() => database.drop());

  test("today's arrivals: to check in and already in, by room; cancelled ones are not coming", async () => {
    const rows = await listArrivals(database.db, { tenantId: hotel.tenant.id, date: hotel.today });
    expect(rows.map((r) => [r.roomNumber, r.guestName, r.status])).toEqual([
      ["1", "Ada", "confirmed"],
      ["3", "Chidi", "checked_in"],
    ]);
  });

  test("today's departures and who is in the house", async () => {
    const departures = await listDepartures(database.db, { tenantId: hotel.tenant.id, date: hotel.today });
    expect(departures.map((r) => r.guestName)).toEqual(["Bola"]);
    const inHouse = await listInHouse(database.db, { tenantId: hotel.tenant.id });
    expect(inHouse.map((r) => [r.roomNumber, r.guestName])).toEqual([
      ["2", "Bola"],
      ["3", "Chidi"],
    ]);
  });

  test("the availability grid: rooms × 14 nights, who holds each night", async () => {
    const grid = await getAvailabilityGrid(database.db, { tenantId: hotel.tenant.id, from: hotel.today });
    expect(grid.dates).toHaveLength(14);
    expect(grid.dates[0]).toBe(hotel.today);
    expect(grid.rows.map((r) => r.room.number)).toEqual(["1", "2", "3", "4"]);
    const row = (n: string) => grid.rows.find((r) => r.room.number === n)?.cells ?? [];
    const holder = (n: string) => row(n).map((c) => c.booking?.guestName ?? null);
    expect(holder("1").slice(0, 3)).toEqual(["Ada", "Ada", null]);
    expect(row("1")[0]).toMatchObject({ isArrival: true, booking: { id: ids.ada, status: "confirmed" } });
    expect(row("1")[1]?.isArrival).toBe(false);
    // Bola leaves this morning: room 2 is free tonight.
    expect(holder("2").slice(0, 2)).toEqual([null, null]);
    expect(holder("3").slice(0, 4)).toEqual(["Chidi", "Chidi", "Chidi", null]);
    // Dayo's cancelled night is free; Efe's pending stay shows.
    expect(holder("4").slice(0, 5)).toEqual([null, null, "Efe", "Efe", null]);
    expect(row("4")[2]?.booking?.status).toBe("pending");
    expect(
      holder("1")
        .slice(3)
        .every((h) => h === null),
    ).toBe(true);
  });

  test("occupancy counts firm stays per night (pending and cancelled do not count)", async () => {
    const yesterday = hotel.day(-1);
    const days = await getOccupancy(database.db, { tenantId: hotel.tenant.id, from: yesterday, days: 5 });
    expect(days.map((d) => [d.date, d.occupied, d.total])).toEqual([
      [yesterday, 1, 4], // Bola
      [hotel.today, 2, 4], // Ada, Chidi
      [hotel.day(1), 2, 4],
      [hotel.day(2), 1, 4], // Chidi; Efe is pending
      [hotel.day(3), 0, 4],
    ]);
    expect(days[1]?.rate).toBe(0.5);
  });

  test("a hotel without rooms has an empty grid and 0 occupancy", async () => {
    const empty = await createHotel(database.db);
    const grid = await getAvailabilityGrid(database.db, {
      tenantId: empty.tenant.id,
      from: empty.today,
      days: 7,
    });
    expect(grid).toMatchObject({ rows: [], dates: expect.any(Array) });
    const occupancy = await getOccupancy(database.db, {
      tenantId: empty.tenant.id,
      from: empty.today,
      days: 2,
    });
    expect(occupancy.map((d) => d.rate)).toEqual([0, 0]);
  });

  test("bad dates are programming errors", async () => {
    await expect(listArrivals(database.db, { tenantId: hotel.tenant.id, date: "today" })).rejects.toThrow(
      RangeError,
    );
    await expect(
      getAvailabilityGrid(database.db, { tenantId: hotel.tenant.id, from: hotel.today, days: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
