import { and, count, eq } from "drizzle-orm";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bookings, domainEventOutbox, guests, platformTenants, rooms } from "@/db/schema";
import { getCreditBalance, reconcileCredits } from "@/lib/credits/queries";
import { todayIn } from "@/lib/hotel/dates";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { seedDemo } from "./demo";

describe.each(testDatabaseKinds)("demo seed on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db);
    // A second start must change nothing.
    await seedDemo(database.db);
  });
  afterAll(() => database.drop());

  const tenantBySlug = async (slug: string) => {
    const [t] = await database.db.select().from(platformTenants).where(eq(platformTenants.slug, slug));
    if (!t) throw new Error(`no ${slug}`);
    return t;
  };

  test("grandview: 12 rooms, 8 guests with valid E.164 phones, bookings around the hotel's today", async () => {
    const t = await tenantBySlug("grandview");
    const today = todayIn(t.timezone);
    await withTenant(database.db, t.id, async (tx) => {
      const [roomCount] = await tx.select({ n: count() }).from(rooms).where(eq(rooms.tenantId, t.id));
      expect(roomCount?.n).toBe(12);
      const guestRows = await tx.select().from(guests).where(eq(guests.tenantId, t.id));
      expect(guestRows).toHaveLength(8);
      for (const g of guestRows) expect(g.phone && isValidPhoneNumber(g.phone)).toBe(true);
      const rows = await tx
        .select({
          reference: bookings.reference,
          status: bookings.status,
          checkIn: bookings.checkIn,
          checkOut: bookings.checkOut,
          guest: guests.name,
        })
        .from(bookings)
        .innerJoin(guests, eq(guests.id, bookings.guestId))
        .where(eq(bookings.tenantId, t.id));
      expect(rows[0]?.reference).toMatch(/^GV-\d{6}$/);
      const arrivals = rows
        .filter((b) => b.checkIn === today && b.status === "confirmed")
        .map((b) => b.guest);
      expect(arrivals.sort()).toEqual(["James Carter", "Olivia Bennett"]);
      expect(rows.filter((b) => b.status === "checked_in")).toHaveLength(3);
      expect(rows.filter((b) => b.status === "checked_in" && b.checkOut === today)).toHaveLength(1);
      expect(rows.some((b) => b.status === "pending" && b.checkIn > today)).toBe(true);
    });
  });

  test("seaside has exactly its Starter plan's 20 rooms; the demo emits no domain events", async () => {
    const t = await tenantBySlug("seaside");
    await withTenant(database.db, t.id, async (tx) => {
      const [roomCount] = await tx.select({ n: count() }).from(rooms).where(eq(rooms.tenantId, t.id));
      expect(roomCount?.n).toBe(20);
      const [sample] = await tx
        .select()
        .from(rooms)
        .where(and(eq(rooms.tenantId, t.id), eq(rooms.number, "101")));
      expect(sample?.nightlyRateMinor).toBe(4_500_000);
    });
    const [events] = await database.db.select({ n: count() }).from(domainEventOutbox);
    expect(events?.n).toBe(0);
  });

  test("each demo hotel holds its plan's SMS allowance once, even after a second seed", async () => {
    for (const [slug, credits] of [
      ["grandview", 1500],
      ["seaside", 200],
    ] as const) {
      const t = await tenantBySlug(slug);
      expect(await getCreditBalance(database.db, { tenantId: t.id })).toMatchObject({ balance: credits });
      expect(await reconcileCredits(database.db, { tenantId: t.id })).toEqual([
        { tenantId: t.id, balance: credits, ledgerSum: credits, ok: true },
      ]);
    }
  });
});
