import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformEmailProviders, platformSmsProviders } from "@/db/schema";
import { setTenantAssignments } from "@/lib/messaging/providers/assignments";
import { openSecret, parseKeyring, sealSecret } from "@/lib/messaging/providers/crypto";
import { decryptCredentials } from "@/lib/messaging/providers/factory";
import { emailKindFields, smsKindFields } from "@/lib/messaging/providers/form-fields";
import { getProvider, listProviders } from "@/lib/messaging/providers/queries";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import {
  createProvider,
  deleteProvider,
  setDefaultProvider,
  setProviderEnabled,
  updateProvider,
} from "@/lib/messaging/providers/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";
import { RESEND_KEY, resendInput, TWILIO_SID, TWILIO_TOKEN, twilioInput } from "./helpers";

const key = () => randomBytes(32).toString("base64");

describe("credential sealing", () => {
  test("opens what it sealed; a tampered ciphertext or an unknown key id fails", () => {
    const ring = parseKeyring(`k1:${key()}`);
    const sealed = sealSecret(TWILIO_TOKEN, ring);
    expect(sealed.keyId).toBe("k1");
    expect(sealed.ciphertext).not.toContain(TWILIO_TOKEN);
    expect(openSecret(sealed, ring)).toBe(TWILIO_TOKEN);

    const raw = Buffer.from(sealed.ciphertext, "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0xff;
    expect(() => openSecret({ ciphertext: raw.toString("base64"), keyId: "k1" }, ring)).toThrow();
    expect(() => openSecret({ ...sealed, keyId: "k9" }, ring)).toThrow(/k9/);
  });

  test("after a rotation, rows sealed with the old key still open and new ones use the new key", () => {
    const oldKey = key();
    const before = parseKeyring(`old:${oldKey}`);
    const sealed = sealSecret(TWILIO_TOKEN, before);
    const rotated = parseKeyring(`new:${key()},old:${oldKey}`);
    expect(openSecret(sealed, rotated)).toBe(TWILIO_TOKEN);
    expect(sealSecret("x", rotated).keyId).toBe("new");
    // Without the old key the row cannot be opened: dropping a key too early is visible.
    expect(() => openSecret(sealed, parseKeyring(`new:${key()}`))).toThrow(/old/);
  });
});

describe("dialog fields per kind", () => {
  test("are read off the credential and config schemas", () => {
    const sms = smsKindFields();
    expect(sms.twilio.credentials.map((f) => [f.name, f.required])).toEqual([
      ["accountSid", true],
      ["authToken", true],
    ]);
    expect(sms.termii.config).toEqual([
      { name: "baseUrl", label: "API base URL", required: false, placeholder: "https://api.ng.termii.com" },
      { name: "channel", label: "Route", required: false, options: ["generic", "dnd"] },
    ]);
    expect(sms["dev-sink"]).toEqual({ credentials: [], config: [] });
    const email = emailKindFields();
    expect(email.mailgun.config.find((f) => f.name === "domain")?.required).toBe(true);
    expect(email.resend.credentials.map((f) => [f.name, f.required])).toEqual([
      ["apiKey", true],
      ["webhookSecret", false],
    ]);
  });
});

describe.each(testDatabaseKinds)("provider service on %s", (kind) => {
  let database: TestDatabase;
  let actor: ReturnType<typeof testActor>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = testActor(await createUser(database.db));
    await ensureDefaultProviders(database.db);
  });
  afterAll(() => database.drop());

  const smsRow = async (id: string) =>
    (await database.db.select().from(platformSmsProviders).where(eq(platformSmsProviders.id, id)))[0];

  test("credentials are stored sealed and the view never carries a secret", async () => {
    const view = await createProvider(database.db, { ...twilioInput({ name: "Sealed" }), actor });
    const row = await smsRow(view.id);
    expect(row?.credentialsCiphertext).toBeTruthy();
    expect(row?.credentialsCiphertext).not.toContain(TWILIO_TOKEN);
    expect(row?.credentialsCiphertext).not.toContain(TWILIO_SID);
    expect(row?.credentialsHint).toBe(`•••• ${TWILIO_SID.slice(-4)}`);
    if (!row) throw new Error("no row");
    expect(decryptCredentials(row)).toEqual({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN });

    for (const shown of [view, await getProvider(database.db, { channel: "sms", id: view.id })]) {
      const json = JSON.stringify(shown);
      expect(json).not.toContain(TWILIO_TOKEN);
      expect(json).not.toContain(TWILIO_SID);
      expect(json).not.toContain(row.credentialsCiphertext ?? "-");
      expect(json).toContain("•••• cdef");
    }
    const listed = JSON.stringify(await listProviders(database.db, { channel: "sms" }));
    expect(listed).not.toContain(TWILIO_TOKEN);
    expect(listed).not.toContain("credentialsCiphertext");
    expect(listed).toContain("Sealed");
  });

  test("invalid credentials are refused with the field, and nothing is stored", async () => {
    const count = async () => (await database.db.select().from(platformSmsProviders)).length;
    const before = await count();
    await expect(
      createProvider(database.db, {
        ...twilioInput({ name: "Bad", credentials: { accountSid: "XX12", authToken: "" } }),
        actor,
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "credentials.accountSid" });
    await expect(
      createProvider(database.db, {
        ...resendInput({ kind: "mailgun", credentials: { apiKey: "key-1" }, config: {} }),
        actor,
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "config.domain" });
    expect(await count()).toBe(before);
  });

  test("an update with blank credential fields keeps the stored ones; a typed one replaces only itself", async () => {
    const view = await createProvider(database.db, { ...twilioInput({ name: "Keep" }), actor });
    const updated = await updateProvider(database.db, {
      ...twilioInput({ name: "Keep (renamed)", credentials: { accountSid: "", authToken: "  " } }),
      id: view.id,
      costPerMessageMinor: 7,
      actor,
    });
    expect(updated).toMatchObject({
      name: "Keep (renamed)",
      costPerMessageMinor: 7,
      credentialsHint: "•••• cdef",
    });
    const row = await smsRow(view.id);
    if (!row) throw new Error("no row");
    expect(decryptCredentials(row)).toEqual({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN });

    await updateProvider(database.db, {
      ...twilioInput({ name: "Keep", credentials: { authToken: "a-new-token" } }),
      id: view.id,
      actor,
    });
    const after = await smsRow(view.id);
    if (!after) throw new Error("no row");
    expect(decryptCredentials(after)).toEqual({ accountSid: TWILIO_SID, authToken: "a-new-token" });

    await expect(
      updateProvider(database.db, { ...twilioInput({ kind: "termii" }), id: view.id, actor }),
    ).rejects.toMatchObject({ code: "INVALID", field: "kind" });
  });

  test("one default per channel: making one the default unsets the other in the same step", async () => {
    const a = await createProvider(database.db, { ...resendInput({ name: "Mail A" }), actor });
    const b = await createProvider(database.db, { ...resendInput({ name: "Mail B" }), actor });
    await setDefaultProvider(database.db, { channel: "email", id: a.id, actor });
    await setDefaultProvider(database.db, { channel: "email", id: b.id, actor });
    const defaults = await database.db
      .select({ id: platformEmailProviders.id })
      .from(platformEmailProviders)
      .where(eq(platformEmailProviders.isDefault, true));
    expect(defaults).toEqual([{ id: b.id }]);
    // The SMS default is untouched by email changes.
    const smsDefaults = (await listProviders(database.db, { channel: "sms" })).filter((p) => p.isDefault);
    expect(smsDefaults.map((p) => p.kind)).toEqual(["dev-sink"]);

    await expect(
      setProviderEnabled(database.db, { channel: "email", id: b.id, enabled: false, actor }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await setProviderEnabled(database.db, { channel: "email", id: a.id, enabled: false, actor });
    await expect(
      setDefaultProvider(database.db, { channel: "email", id: a.id, actor }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  test("two admins making different providers the default at once still leave exactly one", async () => {
    const a = await createProvider(database.db, { ...twilioInput({ name: "Race A" }), actor });
    const b = await createProvider(database.db, { ...twilioInput({ name: "Race B" }), actor });
    const results = await Promise.allSettled([
      setDefaultProvider(database.db, { channel: "sms", id: a.id, actor }),
      setDefaultProvider(database.db, { channel: "sms", id: b.id, actor }),
    ]);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const defaults = await database.db
      .select({ id: platformSmsProviders.id })
      .from(platformSmsProviders)
      .where(eq(platformSmsProviders.isDefault, true));
    expect(defaults).toHaveLength(1);
    expect([a.id, b.id]).toContain(defaults[0]?.id);
  });

  test("delete is refused for the default and for an assigned provider, naming the hotels", async () => {
    const tenant = await createTenant(database.db, { name: "Grandview Hotel" });
    const view = await createProvider(database.db, { ...twilioInput({ name: "Assigned" }), actor });
    await setTenantAssignments(database.db, {
      tenantId: tenant.id,
      channel: "sms",
      entries: [{ providerId: view.id }],
      actor,
    });
    await expect(deleteProvider(database.db, { channel: "sms", id: view.id, actor })).rejects.toThrow(
      /Grandview Hotel/,
    );
    const [fallback] = (await listProviders(database.db, { channel: "sms" })).filter((p) => p.isDefault);
    if (!fallback) throw new Error("no default");
    await expect(
      deleteProvider(database.db, { channel: "sms", id: fallback.id, actor }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await setTenantAssignments(database.db, { tenantId: tenant.id, channel: "sms", entries: [], actor });
    await deleteProvider(database.db, { channel: "sms", id: view.id, actor });
    expect(await smsRow(view.id)).toBeUndefined();
    expect(await smsRow(fallback.id)).toBeDefined();
  });

  test("every change is audited without the secrets", async () => {
    const view = await createProvider(database.db, {
      ...resendInput({
        name: "Audited",
        credentials: { apiKey: RESEND_KEY, webhookSecret: "whsec_do_not_leak" },
      }),
      actor,
    });
    await updateProvider(database.db, {
      ...resendInput({ name: "Audited 2", credentials: { apiKey: `${RESEND_KEY}_v2` } }),
      id: view.id,
      actor,
    });
    await setProviderEnabled(database.db, { channel: "email", id: view.id, enabled: false, actor });
    await deleteProvider(database.db, { channel: "email", id: view.id, actor });
    const rows = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.targetId, view.id));
    expect(rows.map((r) => r.action).sort()).toEqual([
      "messaging.provider.create",
      "messaging.provider.delete",
      "messaging.provider.disable",
      "messaging.provider.update",
    ]);
    const json = JSON.stringify(rows);
    expect(json).not.toContain(RESEND_KEY);
    expect(json).not.toContain("whsec_do_not_leak");
    const update = rows.find((r) => r.action === "messaging.provider.update");
    expect(update?.summary).toMatchObject({ fieldsReentered: ["apiKey"], after: { name: "Audited 2" } });
    expect(update?.actorUserId).toBe(actor.userId);
    // Nothing in the whole stream (every test's provider changes included) holds a secret.
    const everything = JSON.stringify(await database.db.select().from(platformAuditStream));
    for (const secret of [TWILIO_TOKEN, TWILIO_SID, RESEND_KEY, "a-new-token"]) {
      expect(everything).not.toContain(secret);
    }
  });
});
