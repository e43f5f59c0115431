import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { cancelBooking, checkInBooking, checkOutBooking } from "@/lib/hotel/bookings";
import {
  assignServiceRequest,
  createServiceRequest,
  listServiceRequests,
  setServiceRequestStatus,
} from "@/lib/hotel/service-requests";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createUser } from "@/tests/helpers/fixtures";
import { addBooking, addGuest, addRoom, appError, auditActions, createHotel, type Hotel } from "./helpers";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

describe.each(testDatabaseKinds)("service requests on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    hotel = await createHotel(database.db);
  });
  afterAll(() => database.drop());

  async function stay(status: "pending" | "confirmed" = "confirmed") {
    const db = database.db;
    const room = await addRoom(db, hotel);
    const guest = await addGuest(db, hotel);
    return addBooking(db, hotel, { room, guest, from: 0, to: 2, status });
  }

  test("a request on a confirmed or checked-in stay is open, listed with its room and guest, audited", async () => {
    const db = database.db;
    const booking = await stay();
    const request = await createServiceRequest(db, {
      tenantId: hotel.tenant.id,
      input: { bookingId: booking.id, kind: "housekeeping", description: " Extra towels " },
      actor: hotel.actor,
    });
    expect(request).toMatchObject({ status: "open", description: "Extra towels", createdBy: hotel.owner.id });
    await checkInBooking(db, { tenantId: hotel.tenant.id, bookingId: booking.id, actor: hotel.actor });
    await createServiceRequest(db, {
      tenantId: hotel.tenant.id,
      input: { bookingId: booking.id, kind: "room_service", description: "Jollof rice" },
      actor: hotel.actor,
    });
    const { rows, total } = await listServiceRequests(db, {
      tenantId: hotel.tenant.id,
      bookingId: booking.id,
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(2);
    expect(rows.map((r) => r.kind)).toEqual(["room_service", "housekeeping"]);
    expect(rows[0]).toMatchObject({
      bookingReference: booking.reference,
      guestName: "Ada Obi",
      assigneeName: null,
    });
    expect(await auditActions(db, hotel.tenant.id, request.id)).toEqual(["service_request.create"]);
  });

  test.each(["pending", "cancelled", "checked_out"] as const)(
    "no requests on a %s booking",
    async (status) => {
      const db = database.db;
      const booking = await stay(status === "pending" ? "pending" : "confirmed");
      const ref = { tenantId: hotel.tenant.id, bookingId: booking.id, actor: hotel.actor };
      if (status === "cancelled") await cancelBooking(db, { ...ref, reason: "x" });
      if (status === "checked_out") {
        await checkInBooking(db, ref);
        await checkOutBooking(db, ref);
      }
      const error = await appError(
        createServiceRequest(db, {
          tenantId: hotel.tenant.id,
          input: { bookingId: booking.id, kind: "other", description: "Anything" },
          actor: hotel.actor,
        }),
      );
      expect(error).toMatchObject({ code: "CONFLICT", field: "bookingId" });
    },
  );

  test("status moves forward only; done records when", async () => {
    const db = database.db;
    const booking = await stay();
    const create = () =>
      createServiceRequest(db, {
        tenantId: hotel.tenant.id,
        input: { bookingId: booking.id, kind: "maintenance", description: "Tap drips" },
        actor: hotel.actor,
      });
    const request = await create();
    const set = (requestId: string, status: "open" | "in_progress" | "done") =>
      setServiceRequestStatus(db, { tenantId: hotel.tenant.id, requestId, status, actor: hotel.actor });
    expect((await set(request.id, "in_progress")).completedAt).toBeNull();
    const done = await set(request.id, "done");
    expect(done.completedAt).toBeInstanceOf(Date);
    for (const back of ["open", "in_progress", "done"] as const) {
      expect(await appError(set(request.id, back))).toMatchObject({ code: "CONFLICT", field: "status" });
    }
    const quick = await create();
    await expect(set(quick.id, "done")).resolves.toMatchObject({ status: "done" });
    const open = await create();
    expect(await appError(set(open.id, "open"))).toMatchObject({ code: "CONFLICT" });
    const onlyOpen = await listServiceRequests(db, {
      tenantId: hotel.tenant.id,
      status: "open",
      limit: 50,
      offset: 0,
    });
    expect(onlyOpen.rows.map((r) => r.id)).toContain(open.id);
    expect(onlyOpen.rows.every((r) => r.status === "open")).toBe(true);
    const active = await listServiceRequests(db, {
      tenantId: hotel.tenant.id,
      status: ["open", "in_progress"],
      limit: 50,
      offset: 0,
    });
    expect(active.rows.map((r) => r.id)).not.toContain(done.id);
  });

  test("assignees must be members of this hotel", async () => {
    const db = database.db;
    const booking = await stay();
    const request = await createServiceRequest(db, {
      tenantId: hotel.tenant.id,
      input: { bookingId: booking.id, kind: "housekeeping", description: "Make up the room" },
      actor: hotel.actor,
    });
    const staff = await createUser(db, { name: "Sade Staff" });
    await addMember(db, hotel.tenant.id, staff.id, "staff");
    const assign = (assigneeUserId: string | null) =>
      assignServiceRequest(db, {
        tenantId: hotel.tenant.id,
        requestId: request.id,
        assigneeUserId,
        actor: hotel.actor,
      });
    expect((await assign(staff.id)).assigneeUserId).toBe(staff.id);
    const [row] = (
      await listServiceRequests(db, { tenantId: hotel.tenant.id, bookingId: booking.id, limit: 5, offset: 0 })
    ).rows;
    expect(row?.assigneeName).toBe("Sade Staff");

    const elsewhere = await createHotel(db);
    const outsider = elsewhere.owner;
    expect(await appError(assign(outsider.id))).toMatchObject({ code: "INVALID", field: "assigneeUserId" });
    expect(await appError(assign("not-a-uuid"))).toMatchObject({ code: "INVALID", field: "assigneeUserId" });
    expect((await assign(null)).assigneeUserId).toBeNull();
    expect(await auditActions(db, hotel.tenant.id, request.id)).toEqual([
      "service_request.create",
      "service_request.assign",
      "service_request.assign",
    ]);
  });
});
