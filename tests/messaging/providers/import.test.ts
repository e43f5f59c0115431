import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformSmsProviders, tenantProviderAssignments } from "@/db/schema";
import { setTenantAssignments } from "@/lib/messaging/providers/assignments";
import { decryptCredentials } from "@/lib/messaging/providers/factory";
import { importSmsSettings } from "@/lib/messaging/providers/import";
import { createProvider } from "@/lib/messaging/providers/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";
import { TWILIO_SID, TWILIO_TOKEN, twilioInput } from "./helpers";

const TERMII_KEY = "TL_s3cret_termii_key_0042";

describe.each(testDatabaseKinds)("legacy SMS-settings import on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;
  let existingTwilioId: string;
  let tenants: Record<"grandview" | "seaside" | "lagos" | "already", { id: string; slug: string }>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    actor = testActor(await createUser(db));
    const make = (name: string) => createTenant(db, { name, slug: `${name}-${kind}` });
    tenants = {
      grandview: await make("grandview"),
      seaside: await make("seaside"),
      lagos: await make("lagos"),
      already: await make("already"),
    };
    // The platform already holds this Twilio account: entries with its SID reuse it.
    existingTwilioId = (await createProvider(db, { ...twilioInput({ name: "Twilio (existing)" }), actor }))
      .id;
    await setTenantAssignments(db, {
      tenantId: tenants.already.id,
      channel: "sms",
      entries: [{ providerId: existingTwilioId }],
      actor,
    });
  });
  afterAll(() => database.drop());

  const file = () =>
    JSON.stringify([
      {
        tenantSlug: tenants.grandview.slug,
        provider: "twilio",
        credentials: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
        senderId: "GRANDVIEW",
      },
      {
        tenantSlug: tenants.seaside.slug,
        provider: "termii",
        credentials: { apiKey: TERMII_KEY },
        senderId: "Seaside",
      },
      // Same Termii account for a second hotel: one provider, two assignments.
      {
        tenantSlug: tenants.lagos.slug,
        provider: "termii",
        credentials: { apiKey: TERMII_KEY },
        name: "Termii NG",
      },
      {
        tenantSlug: tenants.already.slug,
        provider: "twilio",
        credentials: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
      },
      { tenantSlug: "no-such-hotel", provider: "termii", credentials: { apiKey: "k" } },
      {
        tenantSlug: tenants.grandview.slug,
        provider: "twilio",
        credentials: { accountSid: "nope", authToken: "x" },
      },
      { tenantSlug: tenants.grandview.slug, provider: "plivo", credentials: {} },
    ]);

  const snapshot = async () => ({
    providers: await database.db
      .select({ id: platformSmsProviders.id, name: platformSmsProviders.name })
      .from(platformSmsProviders)
      .orderBy(asc(platformSmsProviders.name)),
    assignments: await database.db
      .select({
        tenantId: tenantProviderAssignments.tenantId,
        providerId: tenantProviderAssignments.smsProviderId,
        priority: tenantProviderAssignments.priority,
        sender: tenantProviderAssignments.sender,
      })
      .from(tenantProviderAssignments)
      .orderBy(asc(tenantProviderAssignments.tenantId), asc(tenantProviderAssignments.priority)),
    audit: (await database.db.select({ id: platformAuditStream.id }).from(platformAuditStream)).length,
  });

  test("a dry run reports every entry and writes nothing", async () => {
    const before = await snapshot();
    const report = await importSmsSettings(database.db, { json: file(), dryRun: true, actor });
    expect(await snapshot()).toEqual(before);
    expect(report).toMatchObject({
      dryRun: true,
      applied: false,
      errors: [],
      counts: { create: 1, reuse: 3, assign: 3, alreadyAssigned: 1, invalid: 3 },
    });
    const [grandview, seaside, lagos, already, unknown, badCreds, badKind] = report.entries;
    expect(grandview).toMatchObject({
      providerAction: "reuse",
      providerId: existingTwilioId,
      assignment: "assign",
      sender: "GRANDVIEW",
      errors: [],
    });
    expect(seaside).toMatchObject({ providerAction: "create", providerId: null, assignment: "assign" });
    expect(lagos).toMatchObject({
      providerAction: "reuse",
      providerName: seaside?.providerName,
      assignment: "assign",
    });
    expect(already).toMatchObject({ providerAction: "reuse", assignment: "already_assigned" });
    expect(unknown?.errors).toEqual([
      { field: "tenantSlug", message: 'No hotel has the address "no-such-hotel".' },
    ]);
    expect(badCreds?.errors.map((e) => e.field)).toEqual(["credentials.accountSid"]);
    expect(badKind?.errors.map((e) => e.field)).toEqual(["provider"]);
    // The report shows hints, never the credentials.
    const json = JSON.stringify(report);
    expect(json).not.toContain(TERMII_KEY);
    expect(json).not.toContain(TWILIO_TOKEN);
    expect(seaside?.credentialsHint).toBe("•••• 0042");
  });

  test("a real run applies the valid entries in one go, and running it again creates nothing", async () => {
    const report = await importSmsSettings(database.db, { json: file(), dryRun: false, actor });
    expect(report).toMatchObject({
      dryRun: false,
      applied: true,
      counts: { create: 1, assign: 3, invalid: 3 },
    });
    const termii = (await database.db.select().from(platformSmsProviders)).filter((p) => p.kind === "termii");
    expect(termii).toHaveLength(1);
    const [row] = termii;
    if (!row) throw new Error("no termii row");
    expect(row.senderId).toBe("Seaside");
    expect(row.credentialsCiphertext).not.toContain(TERMII_KEY);
    expect(decryptCredentials(row)).toEqual({ apiKey: TERMII_KEY });
    expect(report.entries[1]?.providerId).toBe(row.id);

    const assigned = async (tenantId: string) =>
      database.db
        .select({
          providerId: tenantProviderAssignments.smsProviderId,
          priority: tenantProviderAssignments.priority,
          sender: tenantProviderAssignments.sender,
        })
        .from(tenantProviderAssignments)
        .where(eq(tenantProviderAssignments.tenantId, tenantId));
    expect(await assigned(tenants.grandview.id)).toEqual([
      { providerId: existingTwilioId, priority: 1, sender: "GRANDVIEW" },
    ]);
    expect(await assigned(tenants.seaside.id)).toEqual([{ providerId: row.id, priority: 1, sender: null }]);
    expect(await assigned(tenants.lagos.id)).toEqual([{ providerId: row.id, priority: 1, sender: null }]);
    expect(await assigned(tenants.already.id)).toEqual([
      { providerId: existingTwilioId, priority: 1, sender: null },
    ]);

    const audit = await database.db.select().from(platformAuditStream);
    expect(audit.filter((a) => a.action === "messaging.sms_import.apply")).toHaveLength(1);
    expect(
      audit
        .filter((a) => a.action === "messaging.assignments.import")
        .map((a) => a.tenantId)
        .sort(),
    ).toEqual([tenants.grandview.id, tenants.seaside.id, tenants.lagos.id].sort());
    expect(JSON.stringify(audit)).not.toContain(TERMII_KEY);

    const before = await snapshot();
    const again = await importSmsSettings(database.db, { json: file(), dryRun: false, actor });
    expect(again).toMatchObject({
      applied: false,
      counts: { create: 0, reuse: 4, assign: 0, alreadyAssigned: 4, invalid: 3 },
    });
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    ["not JSON", "{nope", /not valid JSON/],
    ["not an array", '{"tenantSlug":"x"}', /array/],
  ])("a file that is %s is refused as a whole", async (_label, json, message) => {
    const report = await importSmsSettings(database.db, { json, dryRun: false, actor });
    expect(report.applied).toBe(false);
    expect(report.entries).toEqual([]);
    expect(report.errors[0]?.message).toMatch(message);
  });
});
