import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { POST as activateRoute } from "@/app/api/platform/tenants/[id]/activate/route";
import { DELETE, GET as getRoute, PATCH } from "@/app/api/platform/tenants/[id]/route";
import { POST as suspendRoute } from "@/app/api/platform/tenants/[id]/suspend/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/platform/tenants/route";
import { useDatabaseForTests } from "@/db/client";
import type { Db } from "@/db/connect";
import { platformAuditStream, platformPlans, platformTenants } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/service";
import type { SessionUser } from "@/lib/auth/context";
import type { TenantList, TenantResource } from "@/lib/tenants/resource";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  createTenant,
  createUser,
  makePlatformUser,
  type TestUser,
  testActor,
} from "@/tests/helpers/fixtures";

// Credentials are real API keys, or a faked console session (resolveSession is the only fake).
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
const events = vi.hoisted(() => ({ sendEvent: vi.fn(async (_event: unknown) => ({ ids: [] as string[] })) }));
vi.mock("@/lib/jobs/send-event", () => events);

type ErrorBody = { error: { code: string; message: string; field?: string } };
const base = "http://localhost:3000/api/platform/tenants";
const unknownId = "00000000-0000-4000-8000-000000000000";

type Auth = { key?: string } | "session" | null;
let auth: Auth = null;

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { ...extra };
  if (auth && auth !== "session" && auth.key) h.authorization = `Bearer ${auth.key}`;
  return h;
}

function jsonInit(method: string, body: unknown, extra: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: headers({ "content-type": "application/json", ...extra }),
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const api = {
  list: (query = "") => listRoute(new Request(`${base}${query}`, { headers: headers() })),
  create: (body: unknown, extra: Record<string, string> = {}) =>
    createRoute(new Request(base, jsonInit("POST", body, extra))),
  get: (id: string) => getRoute(new Request(`${base}/${id}`, { headers: headers() }), ctx(id)),
  patch: (id: string, body: unknown, extra: Record<string, string> = {}) =>
    PATCH(new Request(`${base}/${id}`, jsonInit("PATCH", body, extra)), ctx(id)),
  delete: (id: string, body?: unknown) =>
    DELETE(
      new Request(
        `${base}/${id}`,
        body === undefined ? { method: "DELETE", headers: headers() } : jsonInit("DELETE", body),
      ),
      ctx(id),
    ),
  suspend: (id: string, body?: unknown, extra: Record<string, string> = {}) =>
    suspendRoute(
      new Request(
        `${base}/${id}/suspend`,
        body === undefined ? { method: "POST", headers: headers() } : jsonInit("POST", body, extra),
      ),
      ctx(id),
    ),
  activate: (id: string, body?: unknown) =>
    activateRoute(
      new Request(
        `${base}/${id}/activate`,
        body === undefined ? { method: "POST", headers: headers() } : jsonInit("POST", body),
      ),
      ctx(id),
    ),
};

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

let counter = 0;
function hotelBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const tag = `${counter}-${Math.random().toString(36).slice(2, 7)}`;
  return {
    name: `API Hotel ${tag}`,
    slug: `api-hotel-${tag}`,
    contactEmail: "desk@api-hotel.test",
    country: "US",
    currency: "USD",
    timezone: "America/New_York",
    locale: "en-US",
    owner: { email: `owner-${tag}@api-hotel.test`, name: "Owen Owner", password: "owner-password" },
    ...overrides,
  };
}

describe.each(testDatabaseKinds)("/api/platform/tenants on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TestUser;
  let support: TestUser;
  let hotelier: TestUser;
  let adminKey: string;
  let supportKey: string;
  let adminKeyLabel: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    db = database.db;
    admin = await createUser(db, { email: `admin-${kind}@api.test` });
    support = await createUser(db, { email: `support-${kind}@api.test` });
    hotelier = await createUser(db, { email: `hotelier-${kind}@api.test` });
    await makePlatformUser(db, admin.id, "super_admin");
    await makePlatformUser(db, support.id, "support_agent");
    await db.insert(platformPlans).values([
      { code: "starter", name: "Starter", isDefault: true, trialDays: 14 },
      { code: "pro", name: "Pro", trialDays: 0 },
    ]);
    const a = await createApiKey(db, { name: "Provisioner", role: "super_admin", actor: testActor(admin) });
    const s = await createApiKey(db, { name: "Reader", role: "support_agent", actor: testActor(admin) });
    adminKey = a.key;
    supportKey = s.key;
    adminKeyLabel = `API key Provisioner (${a.record.prefix})`;
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    auth = { key: adminKey };
    session.user = null;
    events.sendEvent.mockClear();
  });

  const asSession = (user: TestUser) => {
    auth = "session";
    session.user = user;
  };

  describe("POST /", () => {
    test("201 with the tenant; the actor is the API key; one tenant/tenant.created event", async () => {
      const body = hotelBody();
      const res = await api.create(body);
      expect(res.status).toBe(201);
      const tenant = await json<TenantResource>(res);
      expect(res.headers.get("location")).toBe(`/api/platform/tenants/${tenant.id}`);
      expect(tenant).toMatchObject({
        slug: body.slug,
        name: body.name,
        status: "trial",
        planCode: "starter",
        country: "US",
        timezone: "America/New_York",
      });
      expect(JSON.stringify(tenant)).not.toContain("owner-password");
      const [audit] = await db
        .select()
        .from(platformAuditStream)
        .where(
          and(eq(platformAuditStream.action, "tenant.create"), eq(platformAuditStream.targetId, tenant.id)),
        );
      expect(audit).toMatchObject({
        actorKind: "api_key",
        actorLabel: adminKeyLabel,
        summary: { source: "api" },
      });
      expect(events.sendEvent).toHaveBeenCalledTimes(1);
      expect(events.sendEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          name: "tenant/tenant.created",
          data: expect.objectContaining({ source: "api" }),
        }),
      );
    });

    test("a console session of a super admin can create too", async () => {
      asSession(admin);
      const res = await api.create(hotelBody({ planCode: "pro" }));
      expect(res.status).toBe(201);
      expect(await json<TenantResource>(res)).toMatchObject({ status: "active", planCode: "pro" });
    });

    test("401 without credentials, 403 for read-only roles (key or session)", async () => {
      auth = null;
      expect((await api.create(hotelBody())).status).toBe(401);
      auth = { key: supportKey };
      const forbidden = await api.create(hotelBody());
      expect(forbidden.status).toBe(403);
      expect((await json<ErrorBody>(forbidden)).error.code).toBe("FORBIDDEN");
      asSession(support);
      expect((await api.create(hotelBody())).status).toBe(403);
      asSession(hotelier);
      expect((await api.create(hotelBody())).status).toBe(403);
    });

    test.each<[string, (b: ReturnType<typeof hotelBody>) => unknown, string | undefined, RegExp]>([
      ["a body that is not JSON", () => "{nope", undefined, /valid JSON/],
      ["no slug", ({ slug: _s, ...rest }) => rest, "slug", /slug/],
      ["an uppercase slug", (b) => ({ ...b, slug: "Grandview" }), "slug", /lowercase/],
      ["a reserved slug", (b) => ({ ...b, slug: "admin" }), "slug", /reserved/],
      ["a bad owner email", (b) => ({ ...b, owner: { ...b.owner, email: "nope" } }), "owner.email", /email/],
      ["an unknown country", (b) => ({ ...b, country: "QQ" }), "country", /country/],
      ["a lowercase currency", (b) => ({ ...b, currency: "usd" }), "currency", /ISO 4217/],
      ["an unknown time zone", (b) => ({ ...b, timezone: "Mars/Olympus" }), "timezone", /time zone/],
      ["a bad interval", (b) => ({ ...b, billingInterval: "weekly" }), "billingInterval", /billingInterval/],
      ["an unknown plan", (b) => ({ ...b, planCode: "gold" }), "planCode", /no plan/],
    ])("400 for %s, naming the field", async (_name, make, field, message) => {
      const body = hotelBody();
      const res = await api.create(make(body));
      expect(res.status).toBe(400);
      const { error } = await json<ErrorBody>(res);
      expect(error.code).toBe("INVALID");
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(events.sendEvent).not.toHaveBeenCalled();
    });

    test("415 for a body not sent as JSON", async () => {
      const res = await createRoute(
        new Request(base, {
          method: "POST",
          headers: headers({ "content-type": "text/plain" }),
          body: JSON.stringify(hotelBody()),
        }),
      );
      expect(res.status).toBe(415);
      expect((await json<ErrorBody>(res)).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    });

    test("409 naming slug for a taken subdomain", async () => {
      const existing = await createTenant(db, {});
      const res = await api.create(hotelBody({ slug: existing.slug }));
      expect(res.status).toBe(409);
      expect((await json<ErrorBody>(res)).error).toMatchObject({ code: "CONFLICT", field: "slug" });
    });

    test("Idempotency-Key: the same body is replayed (one tenant, one event); another body is a 422", async () => {
      const body = hotelBody();
      const key = { "idempotency-key": `create-${kind}-1` };
      const first = await api.create(body, key);
      expect(first.status).toBe(201);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      const firstBody = await json<TenantResource>(first);

      // Same content, keys in another order: still the same request.
      const { owner, ...rest } = body;
      const replay = await api.create({ owner, ...rest }, key);
      expect(replay.status).toBe(201);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(await json<TenantResource>(replay)).toEqual(firstBody);
      expect(await db.select().from(platformTenants).where(eq(platformTenants.slug, body.slug))).toHaveLength(
        1,
      );
      expect(events.sendEvent).toHaveBeenCalledTimes(1);

      const reused = await api.create({ ...body, name: "Another name" }, key);
      expect(reused.status).toBe(422);
      expect((await json<ErrorBody>(reused)).error).toMatchObject({
        code: "IDEMPOTENCY_KEY_REUSED",
        field: "Idempotency-Key",
      });

      // Keys are scoped by caller: the same key from a console session is a new request.
      asSession(admin);
      const other = await api.create(hotelBody(), key);
      expect(other.status).toBe(201);
      expect(other.headers.get("idempotent-replayed")).toBeNull();
    });

    test("Idempotency-Key: concurrent twins get the same tenant", async () => {
      const body = hotelBody();
      const key = { "idempotency-key": `create-${kind}-twins` };
      const [a, b] = await Promise.all([api.create(body, key), api.create(body, key)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const [ta, tb] = await Promise.all([json<TenantResource>(a), json<TenantResource>(b)]);
      expect(ta.id).toBe(tb.id);
      expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort()).toEqual(
        [null, "true"].sort(),
      );
      expect(events.sendEvent).toHaveBeenCalledTimes(1);
    });

    test("a failed create does not burn the key: fixing the conflict and retrying works", async () => {
      const existing = await createTenant(db, {});
      const key = { "idempotency-key": `create-${kind}-retry` };
      const body = hotelBody({ slug: existing.slug });
      expect((await api.create(body, key)).status).toBe(409);
      await db
        .update(platformTenants)
        .set({ slug: `${existing.slug}-old` })
        .where(eq(platformTenants.id, existing.id));
      expect((await api.create(body, key)).status).toBe(201);
    });

    test("400 for an unusable Idempotency-Key", async () => {
      const res = await api.create(hotelBody(), { "idempotency-key": "x".repeat(256) });
      expect(res.status).toBe(400);
      expect((await json<ErrorBody>(res)).error.field).toBe("Idempotency-Key");
    });
  });

  describe("GET /", () => {
    test("401 without credentials; 403 for a user without a platform role; readers may list", async () => {
      auth = null;
      expect((await api.list()).status).toBe(401);
      asSession(hotelier);
      expect((await api.list()).status).toBe(403);
      auth = { key: supportKey };
      expect((await api.list()).status).toBe(200);
    });

    test("cursor pagination walks every tenant exactly once, newest first", async () => {
      const tag = `page-${kind}`;
      for (let i = 0; i < 7; i++) await createTenant(db, { slug: `${tag}-${i}`, name: `${tag} ${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `?q=${tag}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const res = await api.list(query);
        expect(res.status).toBe(200);
        const page: TenantList = await json<TenantList>(res);
        expect(page.data.length).toBeLessThanOrEqual(3);
        seen.push(...page.data.map((t) => t.slug));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      // Same rows, same order as one big page (rows created in the same clock tick are ordered by id).
      const all = await json<TenantList>(await api.list(`?q=${tag}&limit=100`));
      expect(all.nextCursor).toBeNull();
      expect(seen).toEqual(all.data.map((t) => t.slug));
      expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `${tag}-${i}`));
      const times = all.data.map((t) => t.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    test("rows created in the same millisecond are neither skipped nor repeated", async () => {
      const tag = `same-ms-${kind}`;
      for (let i = 0; i < 5; i++) {
        const t = await createTenant(db, { slug: `${tag}-${i}` });
        // Microseconds differ within one millisecond, as rows inserted in a burst do.
        await db
          .update(platformTenants)
          .set({ createdAt: sql`${`2031-05-05T05:05:05.123${i}00Z`}::timestamptz` })
          .where(eq(platformTenants.id, t.id));
      }
      const slugs: string[] = [];
      let cursor: string | null = null;
      for (let n = 0; n < 10; n++) {
        const page: TenantList = await json<TenantList>(
          await api.list(`?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ""}`),
        );
        slugs.push(...page.data.map((t) => t.slug));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(slugs).toEqual([4, 3, 2, 1, 0].map((i) => `${tag}-${i}`));
    });

    test("filters: status, plan code and search; deleted ones only when asked for", async () => {
      const tag = `filter-${kind}`;
      const [pro] = await db.select().from(platformPlans).where(eq(platformPlans.code, "pro"));
      await createTenant(db, { slug: `${tag}-a`, status: "suspended" });
      await createTenant(db, { slug: `${tag}-b`, status: "active", planId: pro?.id });
      await createTenant(db, { slug: `${tag}-c`, status: "deleted" });
      const slugs = async (query: string) =>
        (await json<TenantList>(await api.list(`?q=${tag}${query}`))).data.map((t) => t.slug).sort();
      expect(await slugs("")).toEqual([`${tag}-a`, `${tag}-b`]);
      expect(await slugs("&status=suspended")).toEqual([`${tag}-a`]);
      expect(await slugs("&status=deleted")).toEqual([`${tag}-c`]);
      expect(await slugs("&plan=pro")).toEqual([`${tag}-b`]);
      expect(await slugs("&plan=nothing")).toEqual([]);
    });

    test.each([
      ["?limit=0", "limit"],
      ["?limit=abc", "limit"],
      ["?status=gone", "status"],
      ["?cursor=bm90LWEtY3Vyc29y", "cursor"],
    ])("400 for %s naming %s", async (query, field) => {
      const res = await api.list(query);
      expect(res.status).toBe(400);
      expect((await json<ErrorBody>(res)).error.field).toBe(field);
    });
  });

  describe("GET /{id}", () => {
    test("200 with the tenant; 404 for unknown and malformed ids; 401 and 403 as usual", async () => {
      const tenant = await createTenant(db, {});
      const res = await api.get(tenant.id);
      expect(res.status).toBe(200);
      expect(await json<TenantResource>(res)).toMatchObject({ id: tenant.id, slug: tenant.slug });
      for (const id of [unknownId, "grandview"]) {
        const missing = await api.get(id);
        expect(missing.status).toBe(404);
        expect(await json<ErrorBody>(missing)).toEqual({
          error: { code: "NOT_FOUND", message: "No such tenant." },
        });
      }
      auth = null;
      expect((await api.get(tenant.id)).status).toBe(401);
      asSession(hotelier);
      expect((await api.get(tenant.id)).status).toBe(403);
    });
  });

  describe("PATCH /{id}", () => {
    test("200: fields change, settings merge key by key, and the audit has before and after", async () => {
      const tenant = await createTenant(db, {});
      await db
        .update(platformTenants)
        .set({ settings: { keep: 1, drop: 2 } })
        .where(eq(platformTenants.id, tenant.id));
      const res = await api.patch(tenant.id, {
        name: "Renamed Inn",
        timezone: "Asia/Tokyo",
        settings: { drop: null, add: "x" },
      });
      expect(res.status).toBe(200);
      expect(await json<TenantResource>(res)).toMatchObject({
        name: "Renamed Inn",
        timezone: "Asia/Tokyo",
        settings: { keep: 1, add: "x" },
      });
      const [audit] = await db
        .select()
        .from(platformAuditStream)
        .where(
          and(eq(platformAuditStream.action, "tenant.update"), eq(platformAuditStream.targetId, tenant.id)),
        );
      expect(audit?.summary).toEqual({
        before: { name: tenant.name, timezone: "UTC", settings: { keep: 1, drop: 2 } },
        after: { name: "Renamed Inn", timezone: "Asia/Tokyo", settings: { keep: 1, add: "x" } },
      });
      expect(audit?.actorLabel).toBe(adminKeyLabel);
    });

    test.each<[string, unknown, string | undefined]>([
      ["an empty body", {}, undefined],
      ["a bad time zone", { timezone: "Nowhere/Town" }, "timezone"],
      ["a short name", { name: "X" }, "name"],
      ["a bad locale", { locale: "en_US" }, "locale"],
      ["settings that are not an object", { settings: [1, 2] }, "settings"],
    ])("400 for %s", async (_name, body, field) => {
      const tenant = await createTenant(db, {});
      const res = await api.patch(tenant.id, body);
      expect(res.status).toBe(400);
      expect((await json<ErrorBody>(res)).error.field).toBe(field);
    });

    test("404 for unknown and deleted tenants; 403 for readers; 415 for non-JSON", async () => {
      const deleted = await createTenant(db, { status: "deleted" });
      expect((await api.patch(unknownId, { name: "Nope Inn" })).status).toBe(404);
      expect((await api.patch(deleted.id, { name: "Nope Inn" })).status).toBe(404);
      const live = await createTenant(db, {});
      expect((await api.patch(live.id, { name: "Nope Inn" }, { "content-type": "text/plain" })).status).toBe(
        415,
      );
      auth = { key: supportKey };
      expect((await api.patch(live.id, { name: "Nope Inn" })).status).toBe(403);
    });
  });

  describe("status endpoints", () => {
    test("suspend needs a reason (400 naming reason), then suspend → activate → delete, each answered with the tenant", async () => {
      const tenant = await createTenant(db, { status: "active" });
      for (const res of [
        await api.suspend(tenant.id),
        await api.suspend(tenant.id, {}),
        await api.suspend(tenant.id, { reason: "no" }),
      ]) {
        expect(res.status).toBe(400);
        expect((await json<ErrorBody>(res)).error).toMatchObject({ code: "INVALID", field: "reason" });
      }
      const suspended = await api.suspend(tenant.id, { reason: "Chargeback on file" });
      expect(suspended.status).toBe(200);
      expect(await json<TenantResource>(suspended)).toMatchObject({
        status: "suspended",
        suspensionReason: "Chargeback on file",
      });
      const again = await api.suspend(tenant.id, { reason: "Chargeback on file" });
      expect(again.status).toBe(409);
      expect((await json<ErrorBody>(again)).error).toMatchObject({ code: "CONFLICT", field: "status" });

      const active = await api.activate(tenant.id);
      expect(active.status).toBe(200);
      expect(await json<TenantResource>(active)).toMatchObject({ status: "active", suspensionReason: null });

      const deleted = await api.delete(tenant.id, { reason: "Hotel closed" });
      expect(deleted.status).toBe(200);
      const body = await json<TenantResource>(deleted);
      expect(body.status).toBe("deleted");
      expect(body.deletedAt).not.toBeNull();

      // Deleted is final, and still readable.
      const revive = await api.activate(tenant.id);
      expect(revive.status).toBe(409);
      expect((await json<ErrorBody>(revive)).error.message).toBe(
        `Cannot move ${tenant.name} from deleted to active.`,
      );
      expect((await api.delete(tenant.id)).status).toBe(409);
      expect(await json<TenantResource>(await api.get(tenant.id))).toMatchObject({ status: "deleted" });

      const audit = await db
        .select()
        .from(platformAuditStream)
        .where(
          and(
            eq(platformAuditStream.action, "tenant.status.change"),
            eq(platformAuditStream.targetId, tenant.id),
          ),
        );
      expect(audit.map((a) => [a.summary.to, a.summary.reason, a.actorLabel])).toEqual([
        ["suspended", "Chargeback on file", adminKeyLabel],
        ["active", null, adminKeyLabel],
        ["deleted", "Hotel closed", adminKeyLabel],
      ]);
    });

    test("401, 403, 404 and 415 on the status endpoints", async () => {
      const tenant = await createTenant(db, { status: "active" });
      auth = null;
      expect((await api.suspend(tenant.id, { reason: "Because" })).status).toBe(401);
      expect((await api.activate(tenant.id)).status).toBe(401);
      expect((await api.delete(tenant.id)).status).toBe(401);
      auth = { key: supportKey };
      expect((await api.suspend(tenant.id, { reason: "Because" })).status).toBe(403);
      expect((await api.activate(tenant.id)).status).toBe(403);
      expect((await api.delete(tenant.id)).status).toBe(403);
      auth = { key: adminKey };
      expect((await api.suspend(unknownId, { reason: "Because" })).status).toBe(404);
      expect((await api.activate("not-a-uuid")).status).toBe(404);
      expect((await api.delete(unknownId)).status).toBe(404);
      expect(
        (await api.suspend(tenant.id, { reason: "Because" }, { "content-type": "text/plain" })).status,
      ).toBe(415);
      const [row] = await db.select().from(platformTenants).where(eq(platformTenants.id, tenant.id));
      expect(row?.status).toBe("active");
    });
  });
});
