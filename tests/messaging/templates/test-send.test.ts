import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { devSinkMessages, messages } from "@/db/schema";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import { sampleConsoleTenant } from "@/lib/messaging/templates/sample-data";
import { testSendTemplate } from "@/lib/messaging/templates/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";

// The editor's "send test": the draft is rendered with the sample data on the server and goes
// through the normal send path (here the dev-sink providers), leaving a message log row.
describe.each(testDatabaseKinds)("template test send on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await ensureDefaultProviders(database.db);
    actor = testActor(await createUser(database.db));
  });
  afterAll(async () => {
    await database.drop();
  });

  test("a platform email draft is rendered, escaped and logged", async () => {
    const tenant = { ...sampleConsoleTenant, name: "Bed & Breakfast" };
    const message = await testSendTemplate(database.db, {
      tenantId: null,
      event: "hotel/booking.confirmed",
      channel: "email",
      locale: "en",
      subject: "Booking {{booking.reference}} at {{tenant.name}}",
      body: "<p>Dear {{guest.name}}, welcome to {{tenant.name}}.</p>",
      to: "owner@example.com",
      tenant,
      actor,
    });
    expect(message).toMatchObject({
      tenantId: null,
      channel: "email",
      recipient: "owner@example.com",
      subject: "Booking GV-000123 at Bed & Breakfast",
      html: "<p>Dear Amara Okafor, welcome to Bed &amp; Breakfast.</p>",
    });
    expect(message.status).not.toBe("failed");
    const [sunk] = await database.db
      .select()
      .from(devSinkMessages)
      .where(eq(devSinkMessages.to, "owner@example.com"));
    expect(sunk?.subject).toBe("Booking GV-000123 at Bed & Breakfast");
  });

  test("an invalid draft is refused before anything is logged", async () => {
    const hotel = await createTenant(database.db);
    const before = await database.db.select().from(messages);
    await expect(
      testSendTemplate(database.db, {
        tenantId: hotel.id,
        event: "hotel/guest.checked_in",
        channel: "sms",
        locale: "en",
        body: "Room {{room.nubmer}}",
        to: "+2348031234567",
        tenant: sampleConsoleTenant,
        actor,
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      field: "body",
      details: { errors: [{ line: 1, column: 8 }] },
    });
    await expect(
      testSendTemplate(database.db, {
        tenantId: hotel.id,
        event: "invoice.issued",
        channel: "email",
        locale: "en",
        subject: "x",
        body: "<p>x</p>",
        to: "a@example.com",
        tenant: sampleConsoleTenant,
        actor,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await database.db.select().from(messages)).toHaveLength(before.length);
  });
});
