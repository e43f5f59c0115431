import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { cancelBooking } from "@/lib/hotel/bookings";
import {
  createRoom,
  deleteRoom,
  getRoom,
  listAllRooms,
  listRooms,
  setRoomStatus,
  updateRoom,
} from "@/lib/hotel/rooms";
import { limitUpgradeHint } from "@/lib/plans/limits";
import { getLimitUsage } from "@/lib/plans/usage";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  addBooking,
  addGuest,
  addRoom,
  appError,
  auditActions,
  createHotel,
  insertPlanWithLimits,
  roomInput,
} from "./helpers";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

describe.each(testDatabaseKinds)("rooms on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  test("create, read, update and list rooms, each audited", async () => {
    const db = database.db;
    const hotel = await createHotel(db);
    const room = await createRoom(db, {
      tenantId: hotel.tenant.id,
      input: { number: " 101 ", type: "Double", floor: 1, nightlyRateMinor: 4_500_000, capacity: 2 },
      actor: hotel.actor,
    });
    expect(room).toMatchObject({ number: "101", type: "Double", status: "available", notes: "" });
    expect(await getRoom(db, { tenantId: hotel.tenant.id, roomId: room.id })).toEqual(room);

    const updated = await updateRoom(db, {
      tenantId: hotel.tenant.id,
      roomId: room.id,
      input: {
        number: "101",
        type: "Suite",
        floor: 1,
        nightlyRateMinor: 9_000_000,
        capacity: 4,
        notes: "Sea view",
      },
      actor: hotel.actor,
    });
    expect(updated).toMatchObject({ type: "Suite", capacity: 4, notes: "Sea view" });

    const cleaning = await setRoomStatus(db, {
      tenantId: hotel.tenant.id,
      roomId: room.id,
      status: "cleaning",
      actor: hotel.actor,
    });
    expect(cleaning.status).toBe("cleaning");
    expect(await auditActions(db, hotel.tenant.id, room.id)).toEqual([
      "room.create",
      "room.update",
      "room.status.change",
    ]);
  });

  test("lists sort room numbers naturally, search number and type, filter by status", async () => {
    const db = database.db;
    const hotel = await createHotel(db);
    for (const [number, type] of [
      ["10", "Single"],
      ["2", "Double"],
      ["101", "Suite"],
    ] as const) {
      await addRoom(db, hotel, { number, type });
    }
    const base = { tenantId: hotel.tenant.id, limit: 10, offset: 0, sort: { id: "number", desc: false } };
    const all = await listRooms(db, base);
    expect(all.rows.map((r) => r.number)).toEqual(["2", "10", "101"]);
    expect(all.total).toBe(3);
    expect((await listRooms(db, { ...base, q: "sui" })).rows.map((r) => r.number)).toEqual(["101"]);
    expect(
      (await listRooms(db, { ...base, sort: { id: "nonsense", desc: true } })).rows.map((r) => r.number),
    ).toEqual(["101", "10", "2"]);
    const page = await listRooms(db, { ...base, limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, rows: [{ number: "101" }] });
    expect((await listRooms(db, { ...base, status: "cleaning" })).total).toBe(0);
    expect((await listAllRooms(db, { tenantId: hotel.tenant.id })).map((r) => r.number)).toEqual([
      "2",
      "10",
      "101",
    ]);
  });

  test("a second room with the same number is a CONFLICT on field number", async () => {
    const db = database.db;
    const hotel = await createHotel(db);
    const first = await addRoom(db, hotel, { number: "12A" });
    const dup = await appError(addRoom(db, hotel, { number: "12a" }));
    expect(dup).toMatchObject({ code: "CONFLICT", field: "number", message: "There is already a room 12a." });
    const other = await addRoom(db, hotel, { number: "14" });
    const renamed = await appError(
      updateRoom(db, {
        tenantId: hotel.tenant.id,
        roomId: other.id,
        input: roomInput({ number: "12A" }),
        actor: hotel.actor,
      }),
    );
    expect(renamed).toMatchObject({ code: "CONFLICT", field: "number" });
    // The same number in another hotel is fine.
    const elsewhere = await createHotel(db);
    await expect(addRoom(db, elsewhere, { number: first.number })).resolves.toMatchObject({ number: "12A" });
  });

  test("input is validated: empty number, negative rate, zero capacity", async () => {
    const db = database.db;
    const hotel = await createHotel(db);
    for (const bad of [
      { number: "" },
      { nightlyRateMinor: -1 },
      { capacity: 0 },
      { nightlyRateMinor: 1.5 },
    ]) {
      await expect(addRoom(db, hotel, bad)).rejects.toMatchObject({ name: "ZodError" });
    }
  });

  test("the plan's room limit: the third room of a 2-room plan is refused with the upgrade hint", async () => {
    const db = database.db;
    const small = await insertPlanWithLimits(db, {
      name: "Tiny",
      limits: { rooms: 2 },
      monthlyPriceMinor: 1000,
    });
    await insertPlanWithLimits(db, { name: "Bigger", limits: { rooms: 50 }, monthlyPriceMinor: 5000 });
    const hotel = await createHotel(db, { planId: small.id });
    await addRoom(db, hotel);
    await addRoom(db, hotel);
    const refused = await appError(addRoom(db, hotel));
    expect(refused.code).toBe("LIMIT_REACHED");
    expect(refused.message).toBe(
      "Your Tiny plan allows 2 rooms and you have 2. Upgrade to Bigger for up to 50.",
    );
    expect(limitUpgradeHint(refused)).toMatchObject({ limit: "rooms", current: 2, max: 2 });
    expect(limitUpgradeHint(refused)?.suggestedPlanCode).toMatch(/^bigger-/);
    expect(
      (
        await listRooms(db, {
          tenantId: hotel.tenant.id,
          limit: 10,
          offset: 0,
          sort: { id: "number", desc: false },
        })
      ).total,
    ).toBe(2);
    // Usage bars count rooms through the registered counter.
    const usage = await getLimitUsage(db, hotel.tenant.id);
    expect(usage.find((u) => u.key === "rooms")).toMatchObject({ used: 2, limit: 2, counted: true });
  });

  test("concurrent adds at the limit: exactly one passes", async () => {
    const db = database.db;
    const plan = await insertPlanWithLimits(db, {
      name: "One",
      limits: { rooms: 1 },
      monthlyPriceMinor: 500,
    });
    const hotel = await createHotel(db, { planId: plan.id });
    const results = await Promise.allSettled([addRoom(db, hotel), addRoom(db, hotel)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "LIMIT_REACHED" });
  });

  test("a room that was never booked can be deleted; a booked one (even cancelled) cannot", async () => {
    const db = database.db;
    const hotel = await createHotel(db);
    const spare = await addRoom(db, hotel);
    await deleteRoom(db, { tenantId: hotel.tenant.id, roomId: spare.id, actor: hotel.actor });
    expect(await getRoom(db, { tenantId: hotel.tenant.id, roomId: spare.id })).toBeNull();
    expect(await auditActions(db, hotel.tenant.id, spare.id)).toEqual(["room.create", "room.delete"]);

    const booked = await addRoom(db, hotel, { number: "301" });
    const guest = await addGuest(db, hotel);
    const booking = await addBooking(db, hotel, { room: booked, guest, from: 1, to: 2 });
    await cancelBooking(db, {
      tenantId: hotel.tenant.id,
      bookingId: booking.id,
      reason: "Changed plans",
      actor: hotel.actor,
    });
    const refused = await appError(
      deleteRoom(db, { tenantId: hotel.tenant.id, roomId: booked.id, actor: hotel.actor }),
    );
    expect(refused).toMatchObject({ code: "CONFLICT", field: "roomId" });
    expect(refused.message).toBe(
      "Room 301 has bookings, so it cannot be deleted. Set it out of service instead.",
    );
  });

  test("unknown and malformed ids are NOT_FOUND / null", async () => {
    const db = database.db;
    const hotel = await createHotel(db);
    expect(await getRoom(db, { tenantId: hotel.tenant.id, roomId: "not-a-uuid" })).toBeNull();
    const missing = await appError(
      setRoomStatus(db, {
        tenantId: hotel.tenant.id,
        roomId: "00000000-0000-4000-8000-000000000000",
        status: "available",
        actor: hotel.actor,
      }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND", field: "roomId" });
  });
});
