import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { FormAlert } from "@/components/hotel/form-alert";
import { readOutcome } from "@/components/hotel/refusal";
import { useDatabaseForTests } from "@/db/client";
import { bookings, rooms } from "@/db/schema";
import type { TenantContext } from "@/lib/auth/context";
import { tenantCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { TenantRole } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import { addGuest, createHotel, type Hotel, insertPlanWithLimits } from "@/tests/hotel/helpers";

// The portal's hotel actions as the forms call them, with the real services and database. The
// guard answers for a chosen member and, like the real one, refuses a role without the permission.
const guard = vi.hoisted(() => ({ ctx: null as TenantContext | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentTenant: vi.fn(async () => {
    if (!guard.ctx) throw new Error("no tenant");
    return guard.ctx.tenant;
  }),
  requireTenantMember: vi.fn(async (_tenant: unknown, permission: Parameters<typeof tenantCan>[1]) => {
    if (!guard.ctx) throw new Error("no session");
    if (!tenantCan(guard.ctx.role, permission)) throw new AppError("FORBIDDEN", "Not allowed.");
    return guard.ctx;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

const roomActions = await import("@/app/t/[slug]/(portal)/rooms/actions");
const guestActions = await import("@/app/t/[slug]/(portal)/guests/actions");
const bookingActions = await import("@/app/t/[slug]/(portal)/bookings/actions");
const requestActions = await import("@/app/t/[slug]/(portal)/requests/actions");

describe.each(testDatabaseKinds)("hotel portal actions on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;
  let other: Hotel;
  let staff: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    const db = database.db;
    const small = await insertPlanWithLimits(db, {
      name: "Small",
      limits: { rooms: 2 },
      monthlyPriceMinor: 100,
    });
    await insertPlanWithLimits(db, { name: "Pro", limits: { rooms: 50 }, monthlyPriceMinor: 900 });
    hotel = await createHotel(db, { planId: small.id });
    other = await createHotel(db);
    staff = await createUser(db, { name: "Sam Staff" });
    await addMember(db, hotel.tenant.id, staff.id, "staff");
  });
  afterAll(() => database.drop());

  const as = (h: Hotel, role: TenantRole, user: TestUser = role === "staff" ? staff : h.owner) => {
    guard.ctx = { user, tenant: h.tenant, role, viaPlatform: false, actor: testActor(user) };
  };
  const room = (number: string, rate = "89.5") => ({ number, type: "Double", floor: 1, capacity: 2, rate });
  const roomRow = async (number: string) =>
    (
      await withTenant(database.db, hotel.tenant.id, (tx) =>
        tx.select().from(rooms).where(eq(rooms.tenantId, hotel.tenant.id)),
      )
    ).find((r) => r.number === number);

  test("the rate is typed as money and stored in minor units of the hotel's currency", async () => {
    as(hotel, "manager");
    const result = await roomActions.createRoomAction(room("201", "89.5"));
    expect(result?.data).toEqual({ ok: true, data: { id: expect.any(String), number: "201" } });
    expect((await roomRow("201"))?.nightlyRateMinor).toBe(8950);
  });

  test.each([
    ["too many decimals", "89.999", /at most 2 decimals/],
    ["not an amount", "eighty", /not an amount/],
  ])("a rate that is %s is refused on the rate field", async (_name, rate, message) => {
    as(hotel, "owner");
    const outcome = readOutcome(await roomActions.createRoomAction(room("299", rate)));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fieldErrors.rate).toMatch(message);
    expect(await roomRow("299")).toBeUndefined();
  });

  test("a duplicate number is refused on the number field", async () => {
    as(hotel, "owner");
    const outcome = readOutcome(await roomActions.createRoomAction(room("201")));
    expect(outcome.ok ? null : outcome.fieldErrors.number).toMatch(/already a room 201/);
  });

  test("staff cannot add, change or delete rooms", async () => {
    as(hotel, "staff");
    const created = await roomActions.createRoomAction(room("202"));
    expect(created?.serverError).toBe("Not allowed.");
    expect(await roomRow("202")).toBeUndefined();
    const existing = await roomRow("201");
    if (!existing) throw new Error("no room 201");
    const status = await roomActions.setRoomStatusAction({ roomId: existing.id, status: "out_of_service" });
    expect(status?.serverError).toBe("Not allowed.");
    expect((await roomRow("201"))?.status).toBe("available");
  });

  test("past the plan's room limit the form gets an upgrade prompt to the plan page", async () => {
    as(hotel, "owner");
    expect((await roomActions.createRoomAction(room("202")))?.data?.ok).toBe(true);
    const outcome = readOutcome(await roomActions.createRoomAction(room("203")));
    if (outcome.ok) throw new Error("the third room was accepted");
    expect(outcome.refusal?.code).toBe("LIMIT_REACHED");
    expect(outcome.message).toMatch(/Upgrade to Pro/);
    expect(outcome.refusal?.details).toMatchObject({ limit: "rooms", current: 2, max: 2 });
    const html = renderToStaticMarkup(
      createElement(FormAlert, { message: outcome.message, refusal: outcome.refusal }),
    );
    expect(html).toContain("Upgrade your plan to add more");
    expect(html).toContain('href="/plan"');
    expect(html).toContain("See plans");
  });

  test("an overlapping booking is refused on the room, naming the booking that holds it", async () => {
    as(hotel, "staff");
    const r = await roomRow("201");
    if (!r) throw new Error("no room 201");
    const ada = await addGuest(database.db, hotel, { name: "Ada Obi" });
    const bola = await addGuest(database.db, hotel, { name: "Bola Ade", phone: "" });
    const stay = { roomId: r.id, checkIn: hotel.day(1), checkOut: hotel.day(4), adults: 1 };
    const first = await bookingActions.createBookingAction({ ...stay, guestId: ada.id });
    if (!first?.data?.ok) throw new Error("first booking refused");
    expect(first.data.data.status).toBe("pending");
    const second = readOutcome(
      await bookingActions.createBookingAction({
        ...stay,
        guestId: bola.id,
        checkIn: hotel.day(2),
        confirm: true,
      }),
    );
    if (second.ok) throw new Error("double booking accepted");
    expect(second.fieldErrors.roomId).toContain("Ada Obi");
    expect(second.fieldErrors.roomId).toContain(first.data.data.reference);
  });

  test("moves the state machine does not allow are refused; allowed ones go through", async () => {
    as(hotel, "staff");
    const r = await roomRow("202");
    const guest = await addGuest(database.db, hotel, { name: "Chidi Eze", phone: "" });
    if (!r) throw new Error("no room 202");
    const made = await bookingActions.createBookingAction({
      guestId: guest.id,
      roomId: r.id,
      checkIn: hotel.today,
      checkOut: hotel.day(1),
      adults: 1,
    });
    if (!made?.data?.ok) throw new Error("booking refused");
    const bookingId = made.data.data.id;
    const early = readOutcome(await bookingActions.checkInBookingAction({ bookingId }));
    expect(early.ok ? null : early.refusal?.code).toBe("CONFLICT");
    expect((await bookingActions.confirmBookingAction({ bookingId }))?.data?.ok).toBe(true);
    const checkedIn = await bookingActions.checkInBookingAction({ bookingId });
    expect(checkedIn?.data).toMatchObject({ ok: true, data: { status: "checked_in" } });
    const noReason = readOutcome(await bookingActions.cancelBookingAction({ bookingId, reason: " " }));
    expect(noReason.ok ? null : noReason.fieldErrors.reason).toMatch(/why/);
  });

  test("another hotel's booking, guest or request is not found from this host", async () => {
    as(hotel, "owner");
    const r = await roomRow("201");
    const guest = await addGuest(database.db, hotel, { name: "Dayo Ojo", phone: "" });
    if (!r) throw new Error("no room");
    const made = await bookingActions.createBookingAction({
      guestId: guest.id,
      roomId: r.id,
      checkIn: hotel.day(10),
      checkOut: hotel.day(11),
      adults: 1,
      confirm: true,
    });
    if (!made?.data?.ok) throw new Error("booking refused");
    const bookingId = made.data.data.id;
    const request = await requestActions.createServiceRequestAction({
      bookingId,
      kind: "maintenance",
      description: "The lamp flickers",
    });
    if (!request?.data?.ok) throw new Error("request refused");

    as(other, "owner");
    const cancel = readOutcome(await bookingActions.cancelBookingAction({ bookingId, reason: "Not ours" }));
    expect(cancel.ok ? null : cancel.refusal?.code).toBe("NOT_FOUND");
    const edit = readOutcome(await guestActions.updateGuestAction({ guestId: guest.id, name: "Hijacked" }));
    expect(edit.ok ? null : edit.refusal?.code).toBe("NOT_FOUND");
    const done = readOutcome(
      await requestActions.setServiceRequestStatusAction({ requestId: request.data.data.id, status: "done" }),
    );
    expect(done.ok ? null : done.refusal?.code).toBe("NOT_FOUND");
    const found = await guestActions.searchGuestsAction({ q: "Dayo" });
    expect(found?.data).toEqual([]);

    const [row] = await withTenant(database.db, hotel.tenant.id, (tx) =>
      tx.select().from(bookings).where(eq(bookings.id, bookingId)),
    );
    expect(row?.status).toBe("confirmed");
  });

  test("requests are assigned to team members only, and move forward", async () => {
    as(hotel, "staff");
    const r = await roomRow("202");
    if (!r) throw new Error("no room");
    const [booking] = await withTenant(database.db, hotel.tenant.id, (tx) =>
      tx.select().from(bookings).where(eq(bookings.roomId, r.id)),
    );
    if (!booking) throw new Error("no booking");
    const made = await requestActions.createServiceRequestAction({
      bookingId: booking.id,
      kind: "housekeeping",
      description: "Extra towels",
    });
    if (!made?.data?.ok) throw new Error("request refused");
    const requestId = made.data.data.id;
    const stranger = readOutcome(
      await requestActions.assignServiceRequestAction({ requestId, assigneeUserId: other.owner.id }),
    );
    expect(stranger.ok ? null : stranger.fieldErrors.assigneeUserId).toMatch(/member of your team/);
    const assigned = await requestActions.assignServiceRequestAction({ requestId, assigneeUserId: staff.id });
    expect(assigned?.data).toMatchObject({ ok: true, data: { assigneeUserId: staff.id } });
    const started = await requestActions.setServiceRequestStatusAction({ requestId, status: "in_progress" });
    expect(started?.data).toMatchObject({ ok: true, data: { status: "in_progress" } });
    const back = readOutcome(
      await requestActions.setServiceRequestStatusAction({ requestId, status: "open" }),
    );
    expect(back.ok ? null : back.refusal?.code).toBe("CONFLICT");
  });

  test("guests: the phone is read in the hotel's country, and a bad one is refused on its field", async () => {
    as(hotel, "staff");
    const created = await guestActions.createGuestAction({ name: "Efe Uko", phone: "0803 555 0101" });
    expect(created?.data).toMatchObject({ ok: true, data: { name: "Efe Uko", phone: "+2348035550101" } });
    const bad = readOutcome(await guestActions.createGuestAction({ name: "Nobody", phone: "12" }));
    expect(bad.ok ? null : bad.fieldErrors.phone).toMatch(/not a valid phone number/);
    const found = await guestActions.searchGuestsAction({ q: "efe" });
    expect(found?.data?.map((g) => g.name)).toEqual(["Efe Uko"]);
  });
});
