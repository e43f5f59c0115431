import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createGuest, getGuest, listGuests, updateGuest } from "@/lib/hotel/guests";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addGuest, appError, auditActions, createHotel, type Hotel } from "./helpers";

vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

describe.each(testDatabaseKinds)("guests on %s", (kind) => {
  let database: TestDatabase;
  const hotels: Record<string, Hotel> = {};
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    hotels.NG = await createHotel(database.db, { country: "NG", timezone: "Africa/Lagos" });
    hotels.US = await createHotel(database.db, {
      country: "US",
      currency: "USD",
      timezone: "America/New_York",
    });
    hotels.GB = await createHotel(database.db, { country: "GB", currency: "GBP", timezone: "Europe/London" });
  });
  afterAll(() => database.drop());

  const hotel = (country: string): Hotel => {
    const h = hotels[country];
    if (!h) throw new Error(`no hotel in ${country}`);
    return h;
  };

  test.each([
    ["NG", "0803 123 4567", "+2348031234567"],
    ["NG", "+44 7911 123456", "+447911123456"],
    ["US", "(212) 456-7890", "+12124567890"],
    ["US", "+234 803 123 4567", "+2348031234567"],
    ["GB", "020 7946 0958", "+442079460958"],
    ["GB", "07911 123456", "+447911123456"],
  ])("a hotel in %s stores %s as %s", async (country, typed, e164) => {
    const guest = await addGuest(database.db, hotel(country), { phone: typed });
    expect(guest.phone).toBe(e164);
  });

  test.each([
    ["NG", "0803 123 456", "not a valid phone number in Nigeria"],
    ["US", "555-0100", "not a valid phone number in the United States"],
    ["GB", "08031234567", "not a valid phone number in the United Kingdom"],
  ])("a hotel in %s refuses %s with INVALID on phone", async (country, typed, message) => {
    const error = await appError(addGuest(database.db, hotel(country), { phone: typed }));
    expect(error).toMatchObject({ code: "INVALID", field: "phone" });
    expect(error.message).toContain(message);
  });

  test("phone and email are optional; email is lowercased; language defaults to the hotel's", async () => {
    const db = database.db;
    const h = hotel("NG");
    const guest = await createGuest(db, {
      tenantId: h.tenant.id,
      input: { name: " Chidi Okeke ", phone: "", email: "" },
      actor: h.actor,
    });
    expect(guest).toMatchObject({
      name: "Chidi Okeke",
      phone: null,
      email: null,
      preferredLanguage: "en",
      notes: "",
    });
    const withEmail = await createGuest(db, {
      tenantId: h.tenant.id,
      input: { name: "Mary", email: "Mary@Example.TEST", preferredLanguage: "fr" },
      actor: h.actor,
    });
    expect(withEmail).toMatchObject({ email: "mary@example.test", preferredLanguage: "fr" });
    await expect(
      createGuest(db, { tenantId: h.tenant.id, input: { name: "X", email: "not-an-email" }, actor: h.actor }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });

  test("update keeps what the form leaves out, re-parses the phone, and audits", async () => {
    const db = database.db;
    const h = hotel("NG");
    const guest = await addGuest(db, h, { preferredLanguage: "yo", notes: "Late arrival" });
    const updated = await updateGuest(db, {
      tenantId: h.tenant.id,
      guestId: guest.id,
      input: { name: "Ada Obi-Eze", phone: "0805 987 6543" },
      actor: h.actor,
    });
    expect(updated).toMatchObject({
      name: "Ada Obi-Eze",
      phone: "+2348059876543",
      email: null,
      preferredLanguage: "yo",
      notes: "Late arrival",
    });
    expect(await getGuest(db, { tenantId: h.tenant.id, guestId: guest.id })).toEqual(updated);
    expect(await auditActions(db, h.tenant.id, guest.id)).toEqual(["guest.create", "guest.update"]);
  });

  test("search by name, email, or phone typed either way", async () => {
    const db = database.db;
    const h = await createHotel(db);
    await addGuest(db, h, { name: "Ngozi Eze", phone: "0803 555 0101", email: "ngozi@example.test" });
    await addGuest(db, h, { name: "Tunde Bello", phone: "0706 111 2222", email: "tb@example.test" });
    const find = async (q: string) =>
      (
        await listGuests(db, {
          tenantId: h.tenant.id,
          q,
          limit: 10,
          offset: 0,
          sort: { id: "name", desc: false },
        })
      ).rows.map((g) => g.name);
    expect(await find("ngozi")).toEqual(["Ngozi Eze"]);
    expect(await find("tb@")).toEqual(["Tunde Bello"]);
    expect(await find("0803 555")).toEqual(["Ngozi Eze"]);
    expect(await find("+234 706")).toEqual(["Tunde Bello"]);
    expect(await find("100%_")).toEqual([]);
    const all = await listGuests(db, {
      tenantId: h.tenant.id,
      limit: 1,
      offset: 0,
      sort: { id: "name", desc: true },
    });
    expect(all).toMatchObject({ total: 2, rows: [{ name: "Tunde Bello" }] });
  });
});
