// Hotel A's staff can never reach hotel B's rooms, guests, bookings or requests: every service
// called with A's tenant id and B's object ids answers NOT_FOUND (or null / nothing for reads),
// and B's rows are unchanged afterwards.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { bookings, domainEventOutbox, guests, rooms, serviceRequests } from "@/db/schema";
import { drainDomainEventDispatch } from "@/lib/events/dispatch";
import {
  type Booking,
  cancelBooking,
  checkInBooking,
  checkOutBooking,
  confirmBooking,
  createBooking,
  getAvailabilityGrid,
  getBooking,
  getOccupancy,
  listArrivals,
  listBookings,
  listDepartures,
  listInHouse,
} from "@/lib/hotel/bookings";
import { type Guest, getGuest, listGuests, updateGuest } from "@/lib/hotel/guests";
import {
  deleteRoom,
  getRoom,
  listAllRooms,
  listRooms,
  type Room,
  setRoomStatus,
  updateRoom,
} from "@/lib/hotel/rooms";
import {
  assignServiceRequest,
  createServiceRequest,
  listServiceRequests,
  type ServiceRequest,
  setServiceRequestStatus,
} from "@/lib/hotel/service-requests";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addBooking, addGuest, addRoom, appError, createHotel, type Hotel, roomInput } from "./helpers";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

describe.each(testDatabaseKinds)("cross-tenant isolation on %s", (kind) => {
  let database: TestDatabase;
  let a: Hotel;
  let b: Hotel;
  let bRoom: Room;
  let bGuest: Guest;
  let bBooking: Booking;
  let bInHouse: Booking;
  let bRequest: ServiceRequest;
  let aRoom: Room;
  let aGuest: Guest;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    a = await createHotel(db, { name: "Alpha Hotel" });
    b = await createHotel(db, { name: "Bravo Hotel" });
    aRoom = await addRoom(db, a);
    aGuest = await addGuest(db, a);
    bRoom = await addRoom(db, b, { number: "1" });
    bGuest = await addGuest(db, b, { name: "Bea Bravo" });
    bBooking = await addBooking(db, b, { room: bRoom, guest: bGuest, from: 0, to: 2 });
    const bRoom2 = await addRoom(db, b, { number: "2" });
    bInHouse = await addBooking(db, b, { room: bRoom2, guest: bGuest, from: 0, to: 3, status: "confirmed" });
    await checkInBooking(db, { tenantId: b.tenant.id, bookingId: bInHouse.id, actor: b.actor });
    bRequest = await createServiceRequest(db, {
      tenantId: b.tenant.id,
      input: { bookingId: bInHouse.id, kind: "housekeeping", description: "Towels" },
      actor: b.actor,
    });
  });
  afterAll(() => database.drop());

  const snapshot = async () => {
    const db = database.db;
    await drainDomainEventDispatch();
    return {
      rooms: await db.select().from(rooms).where(eq(rooms.tenantId, b.tenant.id)),
      guests: await db.select().from(guests).where(eq(guests.tenantId, b.tenant.id)),
      bookings: await db.select().from(bookings).where(eq(bookings.tenantId, b.tenant.id)),
      requests: await db.select().from(serviceRequests).where(eq(serviceRequests.tenantId, b.tenant.id)),
      outbox: await db.select().from(domainEventOutbox).where(eq(domainEventOutbox.tenantId, b.tenant.id)),
    };
  };

  test("every mutation with A's tenant and B's ids is NOT_FOUND, and B is unchanged", async () => {
    const db = database.db;
    const before = await snapshot();
    const asA = { tenantId: a.tenant.id, actor: a.actor };
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ["updateRoom", () => updateRoom(db, { ...asA, roomId: bRoom.id, input: roomInput() })],
      ["setRoomStatus", () => setRoomStatus(db, { ...asA, roomId: bRoom.id, status: "out_of_service" })],
      ["deleteRoom", () => deleteRoom(db, { ...asA, roomId: bRoom.id })],
      ["updateGuest", () => updateGuest(db, { ...asA, guestId: bGuest.id, input: { name: "Hijacked" } })],
      [
        "createBooking (B's room)",
        () =>
          createBooking(db, {
            ...asA,
            input: { guestId: aGuest.id, roomId: bRoom.id, checkIn: a.day(5), checkOut: a.day(6), adults: 1 },
          }),
      ],
      [
        "createBooking (B's guest)",
        () =>
          createBooking(db, {
            ...asA,
            input: { guestId: bGuest.id, roomId: aRoom.id, checkIn: a.day(5), checkOut: a.day(6), adults: 1 },
          }),
      ],
      ["confirmBooking", () => confirmBooking(db, { ...asA, bookingId: bBooking.id })],
      ["cancelBooking", () => cancelBooking(db, { ...asA, bookingId: bBooking.id, reason: "x" })],
      ["checkInBooking", () => checkInBooking(db, { ...asA, bookingId: bBooking.id })],
      ["checkOutBooking", () => checkOutBooking(db, { ...asA, bookingId: bInHouse.id })],
      [
        "createServiceRequest",
        () =>
          createServiceRequest(db, {
            ...asA,
            input: { bookingId: bInHouse.id, kind: "other", description: "x" },
          }),
      ],
      [
        "setServiceRequestStatus",
        () => setServiceRequestStatus(db, { ...asA, requestId: bRequest.id, status: "done" }),
      ],
      [
        "assignServiceRequest",
        () => assignServiceRequest(db, { ...asA, requestId: bRequest.id, assigneeUserId: null }),
      ],
    ];
    for (const [name, attempt] of attempts) {
      const error = await appError(attempt());
      expect({ name, code: error.code }).toEqual({ name, code: "NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
  });

  test("reads with A's tenant never return B's rows", async () => {
    const db = database.db;
    const tenantId = a.tenant.id;
    const page = { limit: 100, offset: 0 };
    expect(await getRoom(db, { tenantId, roomId: bRoom.id })).toBeNull();
    expect(await getGuest(db, { tenantId, guestId: bGuest.id })).toBeNull();
    expect(await getBooking(db, { tenantId, bookingId: bBooking.id })).toBeNull();

    const roomIds = (
      await listRooms(db, { tenantId, ...page, sort: { id: "number", desc: false } })
    ).rows.map((r) => r.id);
    expect(roomIds).toEqual([aRoom.id]);
    expect((await listAllRooms(db, { tenantId })).map((r) => r.id)).toEqual([aRoom.id]);
    expect(
      (await listGuests(db, { tenantId, q: "Bea", ...page, sort: { id: "name", desc: false } })).total,
    ).toBe(0);
    const sort = { id: "checkIn", desc: false };
    expect((await listBookings(db, { tenantId, ...page, sort })).total).toBe(0);
    expect((await listBookings(db, { tenantId, guestId: bGuest.id, ...page, sort })).total).toBe(0);
    expect((await listBookings(db, { tenantId, roomId: bRoom.id, ...page, sort })).total).toBe(0);
    expect(await listArrivals(db, { tenantId, date: a.today })).toEqual([]);
    expect(await listDepartures(db, { tenantId, date: a.day(3) })).toEqual([]);
    expect(await listInHouse(db, { tenantId })).toEqual([]);
    expect((await listServiceRequests(db, { tenantId, ...page })).total).toBe(0);
    expect((await listServiceRequests(db, { tenantId, bookingId: bInHouse.id, ...page })).total).toBe(0);
    const grid = await getAvailabilityGrid(db, { tenantId, from: a.today });
    expect(grid.rows.map((r) => r.room.id)).toEqual([aRoom.id]);
    expect(grid.rows.flatMap((r) => r.cells).every((c) => c.booking === null)).toBe(true);
    const occupancy = await getOccupancy(db, { tenantId, from: a.today, days: 3 });
    expect(occupancy.map((d) => [d.occupied, d.total])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  test("row-level security is the second wall: A's transaction cannot see B's rows even unfiltered", async () => {
    const seen = await withTenant(database.db, a.tenant.id, async (tx) => ({
      rooms: await tx.select({ id: rooms.id }).from(rooms),
      guests: await tx.select({ id: guests.id }).from(guests),
      bookings: await tx.select({ id: bookings.id }).from(bookings),
      requests: await tx.select({ id: serviceRequests.id }).from(serviceRequests),
      outbox: await tx.select({ id: domainEventOutbox.id }).from(domainEventOutbox),
    }));
    expect(seen.rooms.map((r) => r.id)).toEqual([aRoom.id]);
    expect(seen.guests.map((g) => g.id)).toEqual([aGuest.id]);
    expect(seen.bookings).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(seen.outbox).toEqual([]);
  });
});
