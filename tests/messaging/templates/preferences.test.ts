import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, tenantNotificationPreferences } from "@/db/schema";
import { domainEventNames } from "@/lib/events/schemas";
import { enabledChannels } from "@/lib/messaging/preferences";
import { listNotificationPreferences, setNotificationPreference } from "@/lib/messaging/preferences-service";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";

const checkedIn = "hotel/guest.checked_in";

describe.each(testDatabaseKinds)("notification preferences on %s", (kind) => {
  let database: TestDatabase;
  let a: string;
  let b: string;
  let actor: ReturnType<typeof testActor>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    a = (await createTenant(database.db)).id;
    b = (await createTenant(database.db)).id;
    actor = testActor(await createUser(database.db));
  });
  afterAll(async () => {
    await database.drop();
  });

  const enabledOf = async (tenantId: string, event: string, channel: "sms" | "email") =>
    (await listNotificationPreferences(database.db, { tenantId })).find(
      (p) => p.event === event && p.channel === channel,
    )?.enabled;

  test("every guest event × channel, on by default, with a description", async () => {
    const prefs = await listNotificationPreferences(database.db, { tenantId: a });
    expect(prefs).toHaveLength(domainEventNames.length * 2);
    expect(prefs.every((p) => p.enabled && p.description.length > 10 && p.label.length > 0)).toBe(true);
    expect(prefs.some((p) => p.event.startsWith("hotel/") === false)).toBe(false);
  });

  test("toggle off and on again, each change audited, and the send path agrees", async () => {
    expect(
      await setNotificationPreference(database.db, {
        tenantId: a,
        event: checkedIn,
        channel: "sms",
        enabled: false,
        actor,
      }),
    ).toEqual({
      event: checkedIn,
      channel: "sms",
      enabled: false,
    });
    expect(await enabledOf(a, checkedIn, "sms")).toBe(false);
    expect(await enabledOf(a, checkedIn, "email")).toBe(true);
    expect(await enabledChannels(database.db, { tenantId: a, event: checkedIn })).toEqual(new Set(["email"]));

    await setNotificationPreference(database.db, {
      tenantId: a,
      event: checkedIn,
      channel: "sms",
      enabled: true,
      actor,
    });
    expect(await enabledOf(a, checkedIn, "sms")).toBe(true);
    expect(await enabledChannels(database.db, { tenantId: a, event: checkedIn })).toEqual(
      new Set(["sms", "email"]),
    );

    const audits = await database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "notification_preference.set"),
          eq(platformAuditStream.tenantId, a),
        ),
      )
      .orderBy(platformAuditStream.id);
    expect(audits.map((r) => r.summary)).toEqual([
      { before: { enabled: true }, after: { enabled: false }, event: checkedIn, channel: "sms" },
      { before: { enabled: false }, after: { enabled: true }, event: checkedIn, channel: "sms" },
    ]);
    expect(audits.every((r) => r.actorUserId === actor.userId && r.targetId === `${checkedIn}:sms`)).toBe(
      true,
    );
    // B never changed anything.
    expect(await enabledOf(b, checkedIn, "sms")).toBe(true);
  });

  test("only guest events: platform events and unknown ones are refused", async () => {
    await expect(
      setNotificationPreference(database.db, {
        tenantId: a,
        event: "invoice.issued",
        channel: "email",
        enabled: false,
        actor,
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "event" });
    await expect(
      setNotificationPreference(database.db, {
        tenantId: a,
        event: "hotel/nope",
        channel: "sms",
        enabled: false,
        actor,
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "event" });
    const rows = await database.db
      .select()
      .from(tenantNotificationPreferences)
      .where(eq(tenantNotificationPreferences.tenantId, a));
    expect(rows.every((r) => r.event === checkedIn)).toBe(true);
  });

  test("cross-tenant: B's switch-off is invisible to A and A's session cannot write B's rows", async () => {
    await setNotificationPreference(database.db, {
      tenantId: b,
      event: checkedIn,
      channel: "email",
      enabled: false,
      actor,
    });
    expect(await enabledOf(b, checkedIn, "email")).toBe(false);
    expect(await enabledOf(a, checkedIn, "email")).toBe(true);

    const p = tenantNotificationPreferences;
    const seen = await withTenant(database.db, a, (tx) => tx.select().from(p));
    expect(seen.every((r) => r.tenantId === a)).toBe(true);
    expect(
      await withTenant(database.db, a, (tx) =>
        tx.update(p).set({ enabled: true }).where(eq(p.tenantId, b)).returning(),
      ),
    ).toEqual([]);
    await expect(
      withTenant(database.db, a, (tx) =>
        tx
          .insert(p)
          .values({ tenantId: b, event: "hotel/guest.checked_out", channel: "sms", enabled: false }),
      ),
    ).rejects.toThrow();
    expect(await enabledOf(b, checkedIn, "email")).toBe(false);
    expect(await enabledOf(b, "hotel/guest.checked_out", "sms")).toBe(true);
  });
});
