import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { GET as listTenantsRoute } from "@/app/api/platform/tenants/route";
import { useDatabaseForTests } from "@/db/client";
import { platformApiKeys, platformAuditStream } from "@/db/schema";
import { generateApiKey, hashApiKey, isApiKeyFormat } from "@/lib/api-keys/key";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/service";
import { authenticateApiRequest } from "@/lib/auth/api";
import type { SessionUser } from "@/lib/auth/context";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, makePlatformUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

// The session is faked (a console session of `session.user`, or none); API keys are real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/guards", () => ({
  resolveSession: async () =>
    session.user
      ? {
          user: session.user,
          claims: { userId: session.user.id, tenantId: null, via: "password", authAt: 0 },
        }
      : null,
}));
vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: async () => ({ ids: [] }) }));

const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/platform/tenants", {
    headers: { "user-agent": "vitest", ...headers },
  });

test("keys are hk_ and 40 base62 characters, all different", () => {
  const keys = Array.from({ length: 200 }, generateApiKey);
  for (const key of keys) expect(key).toMatch(/^hk_[0-9A-Za-z]{40}$/);
  expect(new Set(keys).size).toBe(200);
  expect(isApiKeyFormat("hk_short")).toBe(false);
  expect(isApiKeyFormat(`hk_${"a".repeat(39)}!`)).toBe(false);
});

test("an expiry must lie in the future", () => {
  expect(
    createApiKeySchema.safeParse({ name: "x", role: "super_admin", expiresAt: "2000-01-01T00:00:00Z" })
      .success,
  ).toBe(false);
  expect(createApiKeySchema.parse({ name: " CI ", role: "support_agent" })).toEqual({
    name: "CI",
    role: "support_agent",
  });
});

describe.each(testDatabaseKinds)("API keys on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    admin = await createUser(database.db, { email: `admin-${kind}@keys.test`, name: "Ada Admin" });
    await makePlatformUser(database.db, admin.id, "super_admin");
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    session.user = null;
  });

  test("created keys are shown once and stored only as a SHA-256 hash with a short prefix; creation is audited", async () => {
    const db = database.db;
    const { key, record } = await createApiKey(db, {
      name: "Billing sync",
      role: "billing_admin",
      actor: testActor(admin),
    });
    expect(record).toMatchObject({
      name: "Billing sync",
      role: "billing_admin",
      prefix: key.slice(0, 9),
      keyHash: hashApiKey(key),
      createdBy: admin.id,
      revokedAt: null,
    });
    expect(record.prefix).toMatch(/^hk_[0-9A-Za-z]{6}$/);
    const [stored] = await db.select().from(platformApiKeys).where(eq(platformApiKeys.id, record.id));
    expect(JSON.stringify(stored)).not.toContain(key);

    const [audit] = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(eq(platformAuditStream.action, "api_key.create"), eq(platformAuditStream.targetId, record.id)),
      );
    expect(audit).toMatchObject({
      actorUserId: admin.id,
      summary: { after: { name: "Billing sync", role: "billing_admin" } },
    });
    expect(JSON.stringify(audit)).not.toContain(key.slice(9));

    const listed = (await listApiKeys(db)).find((k) => k.id === record.id);
    expect(listed).toMatchObject({
      name: "Billing sync",
      createdByName: "Ada Admin",
      createdByEmail: admin.email,
    });
    expect(listed && "keyHash" in listed).toBe(false);
  });

  test("authentication: live keys pass; unknown, malformed, expired and revoked keys do not", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const live = await createApiKey(db, { name: "Live", role: "support_agent", actor });
    expect(await authenticateApiKey(db, live.key)).toEqual({
      id: live.record.id,
      name: "Live",
      prefix: live.record.prefix,
      role: "support_agent",
    });
    expect(await authenticateApiKey(db, generateApiKey())).toBeNull();
    expect(await authenticateApiKey(db, `${live.key}x`)).toBeNull();
    expect(await authenticateApiKey(db, "")).toBeNull();

    const soon = await createApiKey(db, {
      name: "Soon",
      role: "support_agent",
      expiresAt: new Date(Date.now() + 60_000),
      actor,
    });
    expect(await authenticateApiKey(db, soon.key)).not.toBeNull();
    expect(await authenticateApiKey(db, soon.key, new Date(Date.now() + 120_000))).toBeNull();

    const revoked = await revokeApiKey(db, { id: live.record.id, actor });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiKey(db, live.key)).toBeNull();
    // Revoking twice changes nothing and is audited once.
    expect((await revokeApiKey(db, { id: live.record.id, actor })).revokedAt).toEqual(revoked.revokedAt);
    const audits = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "api_key.revoke"),
          eq(platformAuditStream.targetId, live.record.id),
        ),
      );
    expect(audits).toHaveLength(1);
    await expect(
      revokeApiKey(db, { id: "00000000-0000-4000-8000-000000000000", actor }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(revokeApiKey(db, { id: "nope", actor })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the last use is recorded at most once a minute", async () => {
    const db = database.db;
    const { key, record } = await createApiKey(db, {
      name: "Clock",
      role: "support_agent",
      actor: testActor(admin),
    });
    const lastUsed = async () =>
      (
        await db.select().from(platformApiKeys).where(eq(platformApiKeys.id, record.id))
      )[0]?.lastUsedAt?.getTime();
    const t0 = new Date("2030-01-01T00:00:00Z");
    await authenticateApiKey(db, key, t0);
    expect(await lastUsed()).toBe(t0.getTime());
    await authenticateApiKey(db, key, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toBe(t0.getTime());
    await authenticateApiKey(db, key, new Date(t0.getTime() + 61_000));
    expect(await lastUsed()).toBe(t0.getTime() + 61_000);
  });

  test("a bearer key becomes a principal with the key's role and an api_key actor", async () => {
    const { key, record } = await createApiKey(database.db, {
      name: "Provisioner",
      role: "super_admin",
      actor: testActor(admin),
    });
    const principal = await authenticateApiRequest(
      request({ authorization: `Bearer ${key}`, "x-forwarded-for": "203.0.113.7" }),
    );
    expect(principal).toEqual({
      user: null,
      platformRole: "super_admin",
      actor: {
        kind: "api_key",
        userId: null,
        label: `API key Provisioner (${record.prefix})`,
        ip: "203.0.113.7",
        userAgent: "vitest",
      },
    });
  });

  test.each([
    ["an unknown key", () => `Bearer ${generateApiKey()}`],
    ["a malformed key", () => "Bearer not-a-key"],
    ["an empty bearer", () => "Bearer "],
    ["another scheme", () => "Basic YWRtaW46cGFzc3dvcmQ="],
  ])("%s is a 401 even when a valid console session is also sent", async (_name, header) => {
    session.user = admin;
    await expect(authenticateApiRequest(request({ authorization: header() }))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "The API key is invalid, expired or revoked.",
    });
  });

  test("without Authorization the console session is used", async () => {
    session.user = admin;
    expect(await authenticateApiRequest(request())).toMatchObject({
      user: { id: admin.id },
      platformRole: "super_admin",
      actor: { kind: "user", label: admin.email },
    });
    session.user = null;
    await expect(authenticateApiRequest(request())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("through a route: a key works until it is revoked, then answers 401", async () => {
    const { key, record } = await createApiKey(database.db, {
      name: "Revoke me",
      role: "support_agent",
      actor: testActor(admin),
    });
    const call = () => listTenantsRoute(request({ authorization: `Bearer ${key}` }));
    expect((await call()).status).toBe(200);
    await revokeApiKey(database.db, { id: record.id, actor: testActor(admin) });
    const res = await call();
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: "The API key is invalid, expired or revoked." },
    });
  });
});
