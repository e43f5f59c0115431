import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { bookings, guests, rooms } from "@/db/schema";
import { addDays, nightsBetween, todayIn } from "@/lib/hotel/dates";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Tenant } from "@/lib/tenants/queries";

// The demo hotels' everyday data: rooms, guests and bookings around today, so the front desk, the
// availability grid and the dashboard have something to show. Rows are inserted directly (not
// through the booking services) on purpose: the demo must not emit domain events or send messages.

type RoomSeed = {
  number: string;
  type: string;
  floor: number;
  rateMinor: number;
  capacity: number;
  status?: RoomStatus;
};
type RoomStatus = (typeof rooms.$inferInsert)["status"];
type GuestSeed = { name: string; phone: string; email: string; language: string; notes?: string };
type BookingSeed = {
  guest: number;
  room: string;
  /** Days from today, in the hotel's timezone. */
  from: number;
  to: number;
  status: (typeof bookings.$inferInsert)["status"];
  adults?: number;
  notes?: string;
};
export type DemoHotelData = {
  prefix: string;
  rooms: RoomSeed[];
  guests: GuestSeed[];
  bookings: BookingSeed[];
};

const grandviewRooms: RoomSeed[] = Array.from({ length: 12 }, (_, i) => {
  const n = 101 + i;
  const type = n <= 106 ? "Standard" : n <= 110 ? "Deluxe" : "Suite";
  const rateMinor = type === "Standard" ? 12_900 : type === "Deluxe" ? 18_900 : 32_900;
  const capacity = type === "Suite" ? 4 : type === "Deluxe" ? 3 : 2;
  const status: RoomStatus =
    n === 103 || n === 107 || n === 108
      ? "occupied"
      : n === 105
        ? "cleaning"
        : n === 112
          ? "out_of_service"
          : "available";
  return { number: String(n), type, floor: 1, rateMinor, capacity, status };
});

/** Names the end-to-end tests rely on: Olivia Bennett and James Carter arrive today. */
export const demoGrandview: DemoHotelData = {
  prefix: "GV",
  rooms: grandviewRooms,
  guests: [
    { name: "Olivia Bennett", phone: "+12125550143", email: "olivia.bennett@example.com", language: "en" },
    { name: "James Carter", phone: "+16465550178", email: "james.carter@example.com", language: "en" },
    { name: "Amelia Schmidt", phone: "+4915123456789", email: "amelia.schmidt@example.de", language: "de" },
    { name: "Lucas Moreau", phone: "+33612345678", email: "lucas.moreau@example.fr", language: "fr" },
    { name: "Chidi Okeke", phone: "+2348031234567", email: "chidi.okeke@example.com", language: "en" },
    { name: "Sofía García", phone: "+34612345678", email: "sofia.garcia@example.es", language: "es" },
    {
      name: "Hana Suzuki",
      phone: "+819012345678",
      email: "hana.suzuki@example.jp",
      language: "ja",
      notes: "Prefers a high floor.",
    },
    { name: "Noah Williams", phone: "+14155550132", email: "noah.williams@example.com", language: "en" },
  ],
  bookings: [
    { guest: 0, room: "101", from: 0, to: 2, status: "confirmed", adults: 2 },
    { guest: 1, room: "102", from: 0, to: 3, status: "confirmed", adults: 1 },
    { guest: 2, room: "103", from: -2, to: 1, status: "checked_in", adults: 2 },
    { guest: 3, room: "107", from: -1, to: 2, status: "checked_in", adults: 2 },
    {
      guest: 4,
      room: "108",
      from: -3,
      to: 0,
      status: "checked_in",
      adults: 1,
      notes: "Late check-out requested.",
    },
    { guest: 5, room: "104", from: 2, to: 5, status: "confirmed", adults: 2 },
    { guest: 6, room: "111", from: 5, to: 8, status: "pending", adults: 3 },
    { guest: 7, room: "101", from: 3, to: 6, status: "confirmed", adults: 2 },
    { guest: 7, room: "105", from: -6, to: -1, status: "checked_out", adults: 2 },
    { guest: 1, room: "109", from: 7, to: 9, status: "cancelled", adults: 1 },
  ],
};

/** Exactly its Starter plan's 20 rooms, so adding one more shows the upgrade prompt. */
export const demoSeaside: DemoHotelData = {
  prefix: "SS",
  rooms: Array.from({ length: 20 }, (_, i) => {
    const floor = i < 10 ? 1 : 2;
    const number = String(floor * 100 + (i % 10) + 1);
    const deluxe = i % 10 >= 7;
    return {
      number,
      type: deluxe ? "Deluxe" : "Standard",
      floor,
      rateMinor: deluxe ? 7_500_000 : 4_500_000,
      capacity: deluxe ? 3 : 2,
    };
  }),
  guests: [],
  bookings: [],
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Inserts a hotel's rooms, guests and bookings once: a hotel that already has rooms is left as it
 * is. "Today" is the hotel's today, in its timezone, as the front desk reads it.
 */
export async function seedDemoHotelData(
  db: Queryable,
  tenant: Pick<Tenant, "id" | "timezone" | "currency">,
  data: DemoHotelData,
  opts: { createdBy: string | null; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  const today = todayIn(tenant.timezone, now);
  await withTenant(db, tenant.id, async (tx) => {
    const [existing] = await tx
      .select({ id: rooms.id })
      .from(rooms)
      .where(eq(rooms.tenantId, tenant.id))
      .limit(1);
    if (existing) return;
    const roomRows = await tx
      .insert(rooms)
      .values(
        data.rooms.map((r) => ({
          tenantId: tenant.id,
          number: r.number,
          type: r.type,
          floor: r.floor,
          nightlyRateMinor: r.rateMinor,
          capacity: r.capacity,
          status: r.status ?? "available",
        })),
      )
      .returning({ id: rooms.id, number: rooms.number, rate: rooms.nightlyRateMinor });
    if (data.guests.length === 0) return;
    const guestRows = await tx
      .insert(guests)
      .values(
        data.guests.map((g) => ({
          tenantId: tenant.id,
          name: g.name,
          phone: g.phone,
          email: g.email,
          preferredLanguage: g.language,
          notes: g.notes ?? "",
        })),
      )
      .returning({ id: guests.id });
    const roomByNumber = new Map(roomRows.map((r) => [r.number, r]));
    const values = data.bookings.map((b, i) => {
      const room = roomByNumber.get(b.room);
      const guest = guestRows[b.guest];
      if (!room || !guest) throw new Error(`demo booking ${i} refers to a missing room or guest`);
      const checkIn = addDays(today, b.from);
      const checkOut = addDays(today, b.to);
      const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
      const live = b.status !== "pending" && b.status !== "cancelled";
      return {
        tenantId: tenant.id,
        reference: `${data.prefix}-${String(i + 1).padStart(6, "0")}`,
        guestId: guest.id,
        roomId: room.id,
        checkIn,
        checkOut,
        status: b.status,
        adults: b.adults ?? 1,
        totalMinor: room.rate * nightsBetween(checkIn, checkOut),
        currency: tenant.currency,
        notes: b.notes ?? "",
        confirmedAt: live ? at(Math.min(b.from, 0) - 7) : null,
        checkedInAt: b.status === "checked_in" || b.status === "checked_out" ? at(b.from) : null,
        checkedOutAt: b.status === "checked_out" ? at(b.to) : null,
        cancelledAt: b.status === "cancelled" ? at(-1) : null,
        cancellationReason: b.status === "cancelled" ? "Change of travel plans." : null,
        createdBy: opts.createdBy,
        createdAt: at(Math.min(b.from, 0) - 8),
      };
    });
    await tx.insert(bookings).values(values).onConflictDoNothing();
  });
}
