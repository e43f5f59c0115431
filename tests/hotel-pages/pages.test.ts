import { eq } from "drizzle-orm";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { bookings, rooms } from "@/db/schema";
import type { TenantContext } from "@/lib/auth/context";
import { type Booking, checkInBooking } from "@/lib/hotel/bookings";
import { createServiceRequest } from "@/lib/hotel/service-requests";
import { formatMoney } from "@/lib/money";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { addMember, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import {
  addBooking,
  addGuest,
  addRoom,
  createHotel,
  type Hotel,
  insertPlanWithLimits,
} from "@/tests/hotel/helpers";

// The portal's hotel pages as the server renders them, for a chosen member: what each role sees,
// and the accessible names people (and the e2e specs) use to find the controls.
const guard = vi.hoisted(() => ({ tenant: null as TenantContext | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentTenant: vi.fn(async () => {
    if (!guard.tenant) throw new Error("no tenant");
    return guard.tenant.tenant;
  }),
  requireTenantMember: vi.fn(async () => {
    if (!guard.tenant) throw new Error("no session");
    return guard.tenant;
  }),
}));
vi.mock("@/app/t/[slug]/(portal)/rooms/actions", () => ({
  createRoomAction: vi.fn(),
  updateRoomAction: vi.fn(),
  setRoomStatusAction: vi.fn(),
  deleteRoomAction: vi.fn(),
}));
vi.mock("@/app/t/[slug]/(portal)/guests/actions", () => ({
  createGuestAction: vi.fn(),
  updateGuestAction: vi.fn(),
  searchGuestsAction: vi.fn(),
}));
vi.mock("@/app/t/[slug]/(portal)/bookings/actions", () => ({
  createBookingAction: vi.fn(),
  confirmBookingAction: vi.fn(),
  checkInBookingAction: vi.fn(),
  checkOutBookingAction: vi.fn(),
  cancelBookingAction: vi.fn(),
}));
vi.mock("@/app/t/[slug]/(portal)/requests/actions", () => ({
  createServiceRequestAction: vi.fn(),
  setServiceRequestStatusAction: vi.fn(),
  assignServiceRequestAction: vi.fn(),
}));
// The dialogs take the router for "open what I just made"; there is no app router in a static render.
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }),
}));
vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

const render = (page: unknown) =>
  renderToStaticMarkup(createElement(NuqsTestingAdapter, null, page as ReactElement));

describe("hotel pages", () => {
  let database: TestDatabase;
  let hotel: Hotel;
  let staff: TestUser;
  let ada: Booking;
  let bola: Booking;
  let chidi: Booking;
  const rate = 89_000_00;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useDatabaseForTests(database);
    const db = database.db;
    const plan = await insertPlanWithLimits(db, {
      name: "Starter",
      limits: { rooms: 3 },
      monthlyPriceMinor: 100,
    });
    hotel = await createHotel(db, { planId: plan.id });
    staff = await createUser(db, { name: "Sam Staff" });
    await addMember(db, hotel.tenant.id, staff.id, "staff");
    const r101 = await addRoom(db, hotel, { number: "101", nightlyRateMinor: rate });
    const r102 = await addRoom(db, hotel, { number: "102" });
    const r103 = await addRoom(db, hotel, { number: "103", type: "Suite" });
    // Ada arrives today (confirmed); Bola has been in 102 for two nights and leaves today; Chidi's
    // booking for today is still pending, and 103 is being cleaned.
    ada = await addBooking(db, hotel, {
      room: r101,
      guest: await addGuest(db, hotel, { name: "Ada Obi" }),
      from: 0,
      to: 3,
      status: "confirmed",
    });
    bola = await addBooking(db, hotel, {
      room: r102,
      guest: await addGuest(db, hotel, { name: "Bola Ade", phone: "", email: "" }),
      from: 0,
      to: 2,
      status: "confirmed",
    });
    await checkInBooking(db, { tenantId: hotel.tenant.id, bookingId: bola.id, actor: hotel.actor });
    // A stay that began before today cannot be made through the service any more: moved directly.
    await withTenant(db, hotel.tenant.id, (tx) =>
      tx
        .update(bookings)
        .set({ checkIn: hotel.day(-2), checkOut: hotel.today })
        .where(eq(bookings.id, bola.id)),
    );
    chidi = await addBooking(db, hotel, {
      room: r103,
      guest: await addGuest(db, hotel, { name: "Chidi Eze", phone: "" }),
      from: 0,
      to: 1,
    });
    await withTenant(db, hotel.tenant.id, (tx) =>
      tx.update(rooms).set({ status: "cleaning" }).where(eq(rooms.id, r103.id)),
    );
    await createServiceRequest(db, {
      tenantId: hotel.tenant.id,
      input: { bookingId: ada.id, kind: "housekeeping", description: "Extra towels" },
      actor: hotel.actor,
    });
  });
  afterAll(() => database.drop());

  const as = (role: TenantContext["role"]) => {
    const user = role === "staff" ? staff : hotel.owner;
    guard.tenant = { user, tenant: hotel.tenant, role, viaPlatform: false, actor: testActor(user) };
  };
  const search = (params: Record<string, string> = {}) => ({ searchParams: Promise.resolve(params) });

  test("front desk: each arrival and departure has a button named after the guest", async () => {
    as("staff");
    const { default: FrontDeskPage } = await import("@/app/t/[slug]/(portal)/front-desk/page");
    const html = render(await FrontDeskPage());
    expect(html).toContain('aria-label="Check in Ada Obi"');
    expect(html).toContain('aria-label="Check out Bola Ade"');
    // A pending booking is confirmed before anyone can check it in.
    expect(html).toContain('aria-label="Confirm booking for Chidi Eze"');
    expect(html).not.toContain('aria-label="Check in Chidi Eze"');
    expect(html).toContain("Room being cleaned");
    // Each list is a landmark named after its heading ("In-house guests" is what the e2e looks for).
    expect(html).toContain('aria-labelledby="front-desk-in-house"');
    expect(html).toContain('id="front-desk-in-house">In-house guests<');
    expect(html).toContain("New booking");
    // The grid: today's column marked, each stay a link named with room, guest and reference.
    expect(html).toContain('aria-current="date"');
    expect(html).toContain(`aria-label="Room 101: Ada Obi · ${ada.reference} · Confirmed`);
    expect(html).toContain(`aria-label="Room 103: Chidi Eze · ${chidi.reference} · Pending`);
    expect(html).toContain(`href="/bookings/${ada.id}"`);
  });

  test("rooms, staff: the list with rates in the hotel's currency, and no write controls", async () => {
    as("staff");
    const { default: RoomsPage } = await import("@/app/t/[slug]/(portal)/rooms/page");
    const html = render(await RoomsPage(search()));
    expect(html).toContain("101");
    expect(html).toContain(formatMoney(rate, hotel.tenant.currency, hotel.tenant.locale));
    expect(html).toContain("Cleaning");
    expect(html).toContain("an owner or manager changes them");
    expect(html).not.toContain("Add room");
    expect(html).not.toContain('aria-label="Edit room 101"');
    expect(html).not.toContain("Status of room");
    expect(html).not.toContain("More actions for room");
  });

  test("rooms, owner: add, edit, delete and a status menu per room; usage against the plan", async () => {
    as("owner");
    const { default: RoomsPage } = await import("@/app/t/[slug]/(portal)/rooms/page");
    const html = render(await RoomsPage(search()));
    expect(html).toContain("Add room");
    expect(html).toContain('aria-label="Edit room 101"');
    expect(html).toContain('aria-label="More actions for room 102"');
    expect(html).toContain('aria-label="Status of room 103: Cleaning. Change"');
    expect(html).toContain("3 of 3 rooms on your plan");
    expect(html).not.toContain("an owner or manager changes them");
  });

  test("rooms: the status filter and search come from the URL", async () => {
    as("owner");
    const { default: RoomsPage } = await import("@/app/t/[slug]/(portal)/rooms/page");
    const cleaning = render(await RoomsPage(search({ status: "cleaning" })));
    expect(cleaning).toContain('aria-label="Edit room 103"');
    expect(cleaning).not.toContain('aria-label="Edit room 101"');
    const suites = render(await RoomsPage(search({ q: "suite" })));
    expect(suites).toContain('aria-label="Edit room 103"');
    expect(suites).not.toContain('aria-label="Edit room 102"');
  });

  test("bookings: search and status filter; everyone may book", async () => {
    as("staff");
    const { default: BookingsPage } = await import("@/app/t/[slug]/(portal)/bookings/page");
    const all = render(await BookingsPage(search()));
    for (const b of [ada, bola, chidi]) expect(all).toContain(b.reference);
    expect(all).toContain("New booking");
    expect(all).toContain("Stays from");
    const pending = render(await BookingsPage(search({ status: "pending" })));
    expect(pending).toContain(chidi.reference);
    expect(pending).not.toContain(ada.reference);
    const found = render(await BookingsPage(search({ q: "bola" })));
    expect(found).toContain(bola.reference);
    expect(found).not.toContain(chidi.reference);
    // Stays with a night from tomorrow on: Bola (leaving today) is not one of them.
    const later = render(await BookingsPage(search({ from: hotel.day(1) })));
    expect(later).toContain(ada.reference);
    expect(later).not.toContain(bola.reference);
  });

  test("booking page: only the moves its status allows, and its service requests", async () => {
    as("staff");
    const { default: BookingPage } = await import("@/app/t/[slug]/(portal)/bookings/[id]/page");
    const confirmed = render(await BookingPage({ params: Promise.resolve({ id: ada.id }) }));
    expect(confirmed).toContain(`Booking ${ada.reference}`);
    expect(confirmed).toContain('aria-label="Check in Ada Obi"');
    expect(confirmed).toContain(`aria-label="Cancel booking ${ada.reference}"`);
    expect(confirmed).not.toContain('aria-label="Confirm booking for Ada Obi"');
    expect(confirmed).not.toContain('aria-label="Check out Ada Obi"');
    expect(confirmed).toContain("Extra towels");
    expect(confirmed).toContain('aria-label="Start housekeeping request: Extra towels"');
    expect(confirmed).toContain("New request");
    expect(confirmed).toContain(formatMoney(3 * rate, hotel.tenant.currency, hotel.tenant.locale));

    const inHouse = render(await BookingPage({ params: Promise.resolve({ id: bola.id }) }));
    expect(inHouse).toContain('aria-label="Check out Bola Ade"');
    expect(inHouse).not.toContain("Cancel booking");
    expect(inHouse).not.toContain('aria-label="Check in Bola Ade"');
  });

  test("guests: phones in international form, an edit button per guest, and a guest's stays", async () => {
    as("staff");
    const { default: GuestsPage } = await import("@/app/t/[slug]/(portal)/guests/page");
    const html = render(await GuestsPage(search()));
    expect(html).toContain("+234 803 123 4567");
    expect(html).toContain('aria-label="Edit Ada Obi"');
    expect(html).toContain("Add guest");
    const found = render(await GuestsPage(search({ q: "chidi" })));
    expect(found).toContain("Chidi Eze");
    expect(found).not.toContain("Ada Obi");

    const { default: GuestPage } = await import("@/app/t/[slug]/(portal)/guests/[id]/page");
    const guest = render(
      await GuestPage({ params: Promise.resolve({ id: ada.guestId }), searchParams: Promise.resolve({}) }),
    );
    expect(guest).toContain("Ada Obi");
    expect(guest).toContain(ada.reference);
    expect(guest).not.toContain(bola.reference);
    expect(guest).toContain("Edit guest");
  });

  test("service requests: status steps and an assignee select named after the request", async () => {
    as("staff");
    const { default: RequestsPage } = await import("@/app/t/[slug]/(portal)/requests/page");
    const html = render(await RequestsPage(search()));
    expect(html).toContain("Extra towels");
    expect(html).toContain('aria-label="Assignee for housekeeping request for room 101"');
    expect(html).toContain('aria-label="Start housekeeping request for room 101"');
    expect(html).toContain("Sam Staff");
    expect(html).toContain("1 open or in progress.");
    const done = render(await RequestsPage(search({ status: "done" })));
    expect(done).not.toContain("Extra towels");
  });

  test("dashboard: occupancy, today's movements, open requests and activity", async () => {
    as("owner");
    const { default: DashboardPage } = await import("@/app/t/[slug]/(portal)/page");
    const html = render(await DashboardPage());
    expect(html).toContain("Welcome back, Olu");
    // Tonight only Ada's confirmed stay holds a room: Bola leaves today and Chidi is pending.
    expect(html).toContain("Occupancy tonight");
    expect(html).toContain("33%");
    expect(html).toContain("1 of 3 rooms");
    expect(html).toContain("2 to check in");
    expect(html).toContain("1 to check out");
    expect(html).toContain("Open requests");
    expect(html).toMatch(/Checked in [A-Z0-9]{2}-\d{6} \(room 102\)/);
  });
});
