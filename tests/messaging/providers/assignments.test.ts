import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, tenantProviderAssignments } from "@/db/schema";
import { listAssignments, setTenantAssignments } from "@/lib/messaging/providers/assignments";
import { createProvider, setProviderEnabled } from "@/lib/messaging/providers/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";
import { resendInput, twilioInput } from "./helpers";

describe.each(testDatabaseKinds)("tenant provider assignments on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;
  const ids: Record<"a" | "b" | "c" | "off" | "mail", string> = { a: "", b: "", c: "", off: "", mail: "" };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    actor = testActor(await createUser(db));
    for (const name of ["a", "b", "c", "off"] as const) {
      ids[name] = (await createProvider(db, { ...twilioInput({ name: `SMS ${name}` }), actor })).id;
    }
    await setProviderEnabled(db, { channel: "sms", id: ids.off, enabled: false, actor });
    ids.mail = (await createProvider(db, { ...resendInput({ name: "Mail" }), actor })).id;
  });
  afterAll(() => database.drop());

  const rows = (tenantId: string, channel: "sms" | "email") =>
    database.db
      .select({
        priority: tenantProviderAssignments.priority,
        sms: tenantProviderAssignments.smsProviderId,
        email: tenantProviderAssignments.emailProviderId,
        sender: tenantProviderAssignments.sender,
      })
      .from(tenantProviderAssignments)
      .where(
        and(eq(tenantProviderAssignments.tenantId, tenantId), eq(tenantProviderAssignments.channel, channel)),
      )
      .orderBy(asc(tenantProviderAssignments.priority));

  test("saving replaces the channel's list with priorities 1..n in the given order", async () => {
    const tenant = await createTenant(database.db);
    await setTenantAssignments(database.db, {
      tenantId: tenant.id,
      channel: "sms",
      entries: [{ providerId: ids.a }, { providerId: ids.b, sender: "GRANDVIEW" }],
      actor,
    });
    await setTenantAssignments(database.db, {
      tenantId: tenant.id,
      channel: "email",
      entries: [{ providerId: ids.mail, sender: "Grandview <hi@grandview.example>" }],
      actor,
    });
    // Reordered and extended: the list is replaced, not merged.
    const saved = await setTenantAssignments(database.db, {
      tenantId: tenant.id,
      channel: "sms",
      entries: [{ providerId: ids.c }, { providerId: ids.b, sender: " " }, { providerId: ids.a }],
      actor,
    });
    expect(saved.map((a) => [a.priority, a.providerName, a.sender])).toEqual([
      [1, "SMS c", null],
      [2, "SMS b", null],
      [3, "SMS a", null],
    ]);
    expect(await rows(tenant.id, "sms")).toEqual([
      { priority: 1, sms: ids.c, email: null, sender: null },
      { priority: 2, sms: ids.b, email: null, sender: null },
      { priority: 3, sms: ids.a, email: null, sender: null },
    ]);
    // The other channel is untouched.
    expect(await rows(tenant.id, "email")).toEqual([
      { priority: 1, sms: null, email: ids.mail, sender: "Grandview <hi@grandview.example>" },
    ]);
    const listed = await listAssignments(database.db, { tenantId: tenant.id });
    expect(listed.map((a) => `${a.channel}:${a.priority}:${a.providerName}`)).toEqual([
      "sms:1:SMS c",
      "sms:2:SMS b",
      "sms:3:SMS a",
      "email:1:Mail",
    ]);

    await setTenantAssignments(database.db, { tenantId: tenant.id, channel: "sms", entries: [], actor });
    expect(await rows(tenant.id, "sms")).toEqual([]);
    const audit = await database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.tenantId, tenant.id),
          eq(platformAuditStream.action, "messaging.assignments.set"),
        ),
      );
    expect(audit).toHaveLength(4);
  });

  test.each([
    [
      "a disabled provider",
      () => [{ providerId: ids.a }, { providerId: ids.off }],
      "entries.1.providerId",
      /disabled/,
    ],
    [
      "the same provider twice",
      () => [{ providerId: ids.a }, { providerId: ids.a }],
      "entries.1.providerId",
      /twice/,
    ],
    [
      "an unknown provider",
      () => [{ providerId: "00000000-0000-4000-8000-000000000000" }],
      "entries.0.providerId",
      /does not exist/,
    ],
    [
      "a provider of the other channel",
      () => [{ providerId: ids.mail }],
      "entries.0.providerId",
      /does not exist/,
    ],
  ])(
    "refuses %s with the entry's field and keeps the saved list",
    async (_label, entries, field, message) => {
      const tenant = await createTenant(database.db);
      await setTenantAssignments(database.db, {
        tenantId: tenant.id,
        channel: "sms",
        entries: [{ providerId: ids.b }],
        actor,
      });
      await expect(
        setTenantAssignments(database.db, { tenantId: tenant.id, channel: "sms", entries: entries(), actor }),
      ).rejects.toMatchObject({ code: "INVALID", field, message: expect.stringMatching(message) });
      expect(await rows(tenant.id, "sms")).toEqual([{ priority: 1, sms: ids.b, email: null, sender: null }]);
    },
  );

  test("an unknown or deleted hotel is NOT_FOUND", async () => {
    const deleted = await createTenant(database.db, { status: "deleted" });
    for (const tenantId of [deleted.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(
        setTenantAssignments(database.db, {
          tenantId,
          channel: "sms",
          entries: [{ providerId: ids.a }],
          actor,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
