// A hotel to test against: a tenant with a country, currency and timezone, an owner, and
// shortcuts that create rooms, guests and bookings through the services (so they are audited and
// scoped like the real thing). Dates are relative to the hotel's today.
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { domainEventOutbox, platformAuditStream, platformPlans, platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { drainDomainEventDispatch } from "@/lib/events/dispatch";
import { type Booking, createBooking } from "@/lib/hotel/bookings";
import { addDays, todayIn } from "@/lib/hotel/dates";
import { createGuest, type Guest } from "@/lib/hotel/guests";
import { createRoom, type Room } from "@/lib/hotel/rooms";
import type { GuestInput, RoomInput } from "@/lib/hotel/schemas";
import type { Tenant } from "@/lib/tenants/queries";
import { addMember, createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

const suffix = () => randomBytes(3).toString("hex");

export type Hotel = {
  tenant: Tenant;
  owner: TestUser;
  actor: Actor;
  today: string;
  day: (n: number) => string;
};

export async function createHotel(
  db: Queryable,
  opts: {
    name?: string;
    planId?: string | null;
    country?: string;
    currency?: string;
    timezone?: string;
  } = {},
): Promise<Hotel> {
  const created = await createTenant(db, {
    name: opts.name ?? `Grandview ${suffix()}`,
    planId: opts.planId ?? null,
  });
  const [tenant] = await db
    .update(platformTenants)
    .set({
      country: opts.country ?? "NG",
      currency: opts.currency ?? "NGN",
      timezone: opts.timezone ?? "Africa/Lagos",
      locale: "en-NG",
    })
    .where(eq(platformTenants.id, created.id))
    .returning();
  if (!tenant) throw new Error("createHotel: no tenant");
  const owner = await createUser(db, { name: "Olu Owner" });
  await addMember(db, tenant.id, owner.id, "owner");
  const today = todayIn(tenant.timezone);
  return { tenant, owner, actor: testActor(owner), today, day: (n) => addDays(today, n) };
}

export async function insertPlanWithLimits(
  db: Queryable,
  values: { name: string; limits: Record<string, number>; monthlyPriceMinor: number; currency?: string },
) {
  const code = `${values.name.toLowerCase()}-${suffix()}`;
  const [plan] = await db
    .insert(platformPlans)
    .values({ code, currency: "NGN", isPublic: true, isActive: true, ...values })
    .returning();
  if (!plan) throw new Error("insertPlanWithLimits: no plan");
  return plan;
}

// Generated numbers start high, so tests can name small ones ("101") without a clash.
let roomCounter = 10_000;

export function roomInput(overrides: Partial<RoomInput> = {}): RoomInput {
  roomCounter += 1;
  return {
    number: String(roomCounter),
    type: "Double",
    floor: 1,
    nightlyRateMinor: 45_000_00,
    capacity: 2,
    ...overrides,
  };
}

export async function addRoom(
  db: Queryable,
  hotel: Hotel,
  overrides: Partial<RoomInput> = {},
): Promise<Room> {
  return createRoom(db, { tenantId: hotel.tenant.id, input: roomInput(overrides), actor: hotel.actor });
}

export async function addGuest(
  db: Queryable,
  hotel: Hotel,
  overrides: Partial<GuestInput> = {},
): Promise<Guest> {
  return createGuest(db, {
    tenantId: hotel.tenant.id,
    input: { name: "Ada Obi", phone: "0803 123 4567", email: "ada@example.test", ...overrides },
    actor: hotel.actor,
  });
}

/** A booking from `day(from)` to `day(to)` (days after the hotel's today). */
export async function addBooking(
  db: Queryable,
  hotel: Hotel,
  opts: {
    room: Room;
    guest: Guest;
    from: number;
    to: number;
    status?: "pending" | "confirmed";
    adults?: number;
  },
): Promise<Booking> {
  return createBooking(db, {
    tenantId: hotel.tenant.id,
    actor: hotel.actor,
    status: opts.status,
    input: {
      roomId: opts.room.id,
      guestId: opts.guest.id,
      checkIn: hotel.day(opts.from),
      checkOut: hotel.day(opts.to),
      adults: opts.adults ?? 1,
    },
  });
}

/** The AppError a promise rejects with (fails the test on success or any other error). */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

export async function auditActions(db: Queryable, tenantId: string, targetId: string): Promise<string[]> {
  const rows = await db
    .select({ action: platformAuditStream.action })
    .from(platformAuditStream)
    .where(and(eq(platformAuditStream.tenantId, tenantId), eq(platformAuditStream.targetId, targetId)))
    .orderBy(platformAuditStream.id);
  return rows.map((r) => r.action);
}

/** The hotel's outbox rows, newest first (read on the platform path, as the dispatcher does). */
export async function outboxRows(db: Queryable, tenantId: string) {
  await drainDomainEventDispatch();
  return db
    .select()
    .from(domainEventOutbox)
    .where(eq(domainEventOutbox.tenantId, tenantId))
    .orderBy(desc(domainEventOutbox.createdAt));
}
