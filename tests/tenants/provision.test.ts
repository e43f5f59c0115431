import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { Db } from "@/db/connect";
import { queryRows } from "@/db/rows";
import { platformAuditStream, platformPlans, platformTenants, tenantMembers, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import {
  addUtcMonths,
  provisionTenant,
  type TenantSeeder,
  tenantDefaultSeeders,
} from "@/lib/tenants/provision";
import type { CreateTenantInput } from "@/lib/tenants/schemas";
import { checkSlug } from "@/lib/tenants/slug";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

const events = vi.hoisted(() => ({ sendEvent: vi.fn(async (_event: unknown) => ({ ids: [] as string[] })) }));
vi.mock("@/lib/jobs/send-event", () => events);

const DAY = 86_400_000;
let counter = 0;

function hotel(overrides: Partial<CreateTenantInput> = {}): CreateTenantInput {
  counter += 1;
  return {
    name: `Hotel ${counter}`,
    slug: `hotel-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    contactEmail: "front@hotel.test",
    country: "PT",
    currency: "EUR",
    timezone: "Europe/Lisbon",
    locale: "pt-PT",
    owner: {
      email: `owner-${counter}-${Math.random().toString(36).slice(2, 8)}@hotel.test`,
      name: "Olga Owner",
    },
    ...overrides,
  };
}

async function insertPlan(db: Db, values: Partial<typeof platformPlans.$inferInsert> & { code: string }) {
  const [plan] = await db
    .insert(platformPlans)
    .values({ name: values.code, ...values })
    .returning();
  if (!plan) throw new Error("no plan");
  return plan;
}

test.each([
  ["2024-01-15T10:00:00Z", 1, "2024-02-15T10:00:00.000Z"],
  ["2024-01-31T10:00:00Z", 1, "2024-02-29T10:00:00.000Z"],
  ["2023-01-31T10:00:00Z", 1, "2023-02-28T10:00:00.000Z"],
  ["2024-02-29T00:00:00Z", 12, "2025-02-28T00:00:00.000Z"],
  ["2024-12-31T23:59:59Z", 1, "2025-01-31T23:59:59.000Z"],
])("addUtcMonths(%s, %i) = %s", (start, months, end) => {
  expect(addUtcMonths(new Date(start), months).toISOString()).toBe(end);
});

describe.each(testDatabaseKinds)("provisionTenant on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TestUser;
  let starter: typeof platformPlans.$inferSelect;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    admin = await createUser(db, { email: `admin-${kind}@provision.test` });
    starter = await insertPlan(db, { code: "starter", isDefault: true, trialDays: 14, trialSmsCredits: 50 });
    await insertPlan(db, { code: "pro", trialDays: 0, trialSmsCredits: 0 });
    await insertPlan(db, { code: "legacy", isActive: false });
  });
  afterAll(() => database.drop());
  beforeEach(() => events.sendEvent.mockClear());

  const actor = () => testActor(admin);
  const countBySlug = async (slug: string) =>
    (await db.select().from(platformTenants).where(eq(platformTenants.slug, slug))).length;

  test("a new owner: user with an argon2 hash, tenant on the default plan's trial, membership, audit, event", async () => {
    const now = new Date("2025-03-10T12:00:00Z");
    const input = hotel({
      owner: { email: "new.owner@hotel.test", name: "Nina New", password: "s3cret-passw0rd" },
    });
    const { tenant, ownerUserId, created } = await provisionTenant(db, {
      input,
      actor: actor(),
      source: "console",
      now,
    });

    expect(created).toBe(true);
    expect(tenant).toMatchObject({
      slug: input.slug,
      name: input.name,
      status: "trial",
      planId: starter.id,
      ownerUserId,
      country: "PT",
      currency: "EUR",
      timezone: "Europe/Lisbon",
      locale: "pt-PT",
      billingInterval: "monthly",
      settings: { pendingTrialSmsCredits: 50 },
    });
    expect(tenant.trialEndsAt?.getTime()).toBe(now.getTime() + 14 * DAY);
    expect(tenant.currentPeriodStart?.toISOString()).toBe("2025-03-10T12:00:00.000Z");
    expect(tenant.currentPeriodEnd?.toISOString()).toBe("2025-04-10T12:00:00.000Z");

    const [user] = await db.select().from(users).where(eq(users.id, ownerUserId));
    expect(user?.name).toBe("Nina New");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user?.passwordHash, "s3cret-passw0rd")).toBe(true);

    const members = await db.select().from(tenantMembers).where(eq(tenantMembers.tenantId, tenant.id));
    expect(members.map((m) => [m.userId, m.role])).toEqual([[ownerUserId, "owner"]]);

    const [audit] = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(eq(platformAuditStream.tenantId, tenant.id), eq(platformAuditStream.action, "tenant.create")),
      );
    expect(audit).toMatchObject({
      actorUserId: admin.id,
      targetId: tenant.id,
      summary: {
        source: "console",
        ownerUserId,
        ownerCreated: true,
        planCode: "starter",
        after: { slug: input.slug },
      },
    });
    expect(JSON.stringify(audit?.summary)).not.toContain("s3cret");

    expect(events.sendEvent).toHaveBeenCalledTimes(1);
    expect(events.sendEvent).toHaveBeenCalledWith({
      name: "tenant/tenant.created",
      id: `tenant-created-${tenant.id}`,
      data: { tenantId: tenant.id, ownerUserId, source: "console" },
    });
  });

  test("an existing user (any casing of the email) becomes the owner; their password is left alone", async () => {
    const existing = await createUser(db, { email: `Grace.${kind}@Hotel.test`, name: "Grace" });
    await db.update(users).set({ passwordHash: "original-hash" }).where(eq(users.id, existing.id));
    const first = await provisionTenant(db, {
      input: hotel({
        owner: { email: existing.email.toLowerCase(), name: "Someone Else", password: "another-password" },
      }),
      actor: actor(),
      source: "api",
    });
    const second = await provisionTenant(db, {
      input: hotel({ owner: { email: existing.email, name: "Grace" } }),
      actor: actor(),
      source: "console",
    });
    expect(first.ownerUserId).toBe(existing.id);
    expect(second.ownerUserId).toBe(existing.id);
    expect(first.tenant.id).not.toBe(second.tenant.id);
    const [user] = await db.select().from(users).where(eq(users.id, existing.id));
    expect(user).toMatchObject({ name: "Grace", passwordHash: "original-hash" });
  });

  test("a user created without a password has none (an invitation will set it)", async () => {
    const { ownerUserId } = await provisionTenant(db, { input: hotel(), actor: actor(), source: "console" });
    const [user] = await db.select().from(users).where(eq(users.id, ownerUserId));
    expect(user?.passwordHash).toBeNull();
  });

  test("a plan without trial days starts active; yearly billing runs a year; no credits to grant", async () => {
    const now = new Date("2024-02-29T08:00:00Z");
    const { tenant } = await provisionTenant(db, {
      input: hotel({ planCode: "pro", billingInterval: "yearly" }),
      actor: actor(),
      source: "api",
      now,
    });
    expect(tenant).toMatchObject({
      status: "active",
      trialEndsAt: null,
      billingInterval: "yearly",
      settings: {},
    });
    expect(tenant.currentPeriodEnd?.toISOString()).toBe("2025-02-28T08:00:00.000Z");
  });

  test.each([
    ["an unknown plan", "gold", /no plan with the code "gold"/],
    ["an archived plan", "legacy", /archived/],
  ])("%s is refused, naming planCode", async (_name, planCode, message) => {
    const input = hotel({ planCode });
    await expect(provisionTenant(db, { input, actor: actor(), source: "console" })).rejects.toMatchObject({
      code: "INVALID",
      field: "planCode",
      message: expect.stringMatching(message),
    });
    expect(await countBySlug(input.slug)).toBe(0);
  });

  test("without a default plan, provisioning without planCode is refused naming planCode", async () => {
    await db.update(platformPlans).set({ isDefault: false }).where(eq(platformPlans.id, starter.id));
    try {
      await expect(
        provisionTenant(db, { input: hotel(), actor: actor(), source: "signup" }),
      ).rejects.toMatchObject({
        code: "INVALID",
        field: "planCode",
      });
    } finally {
      await db.update(platformPlans).set({ isDefault: true }).where(eq(platformPlans.id, starter.id));
    }
  });

  test("a taken slug (a deleted hotel's included) is a CONFLICT on slug; a reserved one is invalid", async () => {
    const deleted = await createTenant(db, { status: "deleted" });
    for (const slug of [deleted.slug]) {
      await expect(
        provisionTenant(db, { input: hotel({ slug }), actor: actor(), source: "console" }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        field: "slug",
      });
    }
    expect(await checkSlug(db, deleted.slug)).toEqual({
      available: false,
      reason: "This subdomain is taken",
    });
    await expect(
      provisionTenant(db, { input: hotel({ slug: "www" }), actor: actor(), source: "console" }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["slug"], message: "This subdomain is reserved" })],
    });
    expect(events.sendEvent).not.toHaveBeenCalled();
  });

  test.each([
    ["grandview-inn", { available: true }],
    ["Grandview", { available: false, reason: expect.stringMatching(/lowercase/) }],
    ["ab", { available: false, reason: "Use at least 3 characters" }],
    ["-inn", { available: false, reason: expect.stringMatching(/hyphen/) }],
    ["xn--inn", { available: false, reason: "Do not use two hyphens in a row" }],
    ["admin", { available: false, reason: "This subdomain is reserved" }],
  ])("checkSlug(%s)", async (slug, expected) => {
    expect(await checkSlug(db, slug)).toEqual(expected);
  });

  test("a retry with the same idempotency key returns the first tenant, creates nothing and sends nothing", async () => {
    const input = hotel({
      owner: { email: `retry-${kind}@hotel.test`, name: "Rita", password: "password-one" },
    });
    const first = await provisionTenant(db, {
      input,
      actor: actor(),
      source: "api",
      idempotencyKey: "req-1",
    });
    events.sendEvent.mockClear();
    const retry = await provisionTenant(db, {
      input: { ...input, owner: { ...input.owner, password: "password-one" } },
      actor: actor(),
      source: "api",
      idempotencyKey: "req-1",
    });
    expect(retry).toEqual({ ...first, created: false });
    expect(await countBySlug(input.slug)).toBe(1);
    expect(events.sendEvent).not.toHaveBeenCalled();

    // The same key for a different hotel is refused rather than silently answering with the first one.
    await expect(
      provisionTenant(db, { input: hotel(), actor: actor(), source: "api", idempotencyKey: "req-1" }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
  });

  test("a resubmitted signup (same slug and owner email) returns the first tenant; another email gets CONFLICT", async () => {
    const input = hotel({
      owner: { email: `signup-${kind}@hotel.test`, name: "Sam", password: "password-123" },
    });
    const signup = {
      actor: { ...actor(), kind: "system" as const, userId: null, label: "signup" },
      source: "signup" as const,
    };
    const first = await provisionTenant(db, { input, ...signup });
    const again = await provisionTenant(db, {
      input: { ...input, owner: { ...input.owner, email: input.owner.email.toUpperCase() } },
      ...signup,
    });
    expect(again).toMatchObject({
      created: false,
      ownerUserId: first.ownerUserId,
      tenant: { id: first.tenant.id },
    });
    await expect(
      provisionTenant(db, {
        input: { ...input, owner: { ...input.owner, email: "someone.else@hotel.test" } },
        ...signup,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "slug" });
    // Outside signups the same slug is simply taken.
    await expect(provisionTenant(db, { input, actor: actor(), source: "console" })).rejects.toMatchObject({
      code: "CONFLICT",
      field: "slug",
    });
    expect(events.sendEvent).toHaveBeenCalledTimes(1);
  });

  test("two concurrent signups with the same slug and email make one tenant and one user", async () => {
    const input = hotel({
      owner: { email: `twin-${kind}@hotel.test`, name: "Tia", password: "password-123" },
    });
    const signup = {
      actor: { ...actor(), kind: "system" as const, userId: null, label: "signup" },
      source: "signup" as const,
    };
    const results = await Promise.all([
      provisionTenant(db, { input, ...signup }),
      provisionTenant(db, { input, ...signup }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.tenant.id)).size).toBe(1);
    expect(await countBySlug(input.slug)).toBe(1);
    const owners = await db.select().from(users).where(sql`lower(${users.email}) = ${input.owner.email}`);
    expect(owners).toHaveLength(1);
    expect(events.sendEvent).toHaveBeenCalledTimes(1);
  });

  test("two concurrent calls with the same idempotency key make one tenant", async () => {
    const input = hotel();
    const call = () =>
      provisionTenant(db, { input, actor: actor(), source: "api", idempotencyKey: `twin-${kind}` });
    const results = await Promise.all([call(), call(), call()]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.tenant.id)).size).toBe(1);
    expect(await countBySlug(input.slug)).toBe(1);
    const members = await db
      .select()
      .from(tenantMembers)
      .where(eq(tenantMembers.tenantId, results[0]?.tenant.id ?? ""));
    expect(members).toHaveLength(1);
  });

  test("default seeders run in the new tenant's scope, and a failing one rolls everything back", async () => {
    const seen: Array<{ tenantId: string; scope: string; role: string }> = [];
    const record: TenantSeeder = async (tx, t) => {
      const [row] = await queryRows<{ scope: string; role: string }>(
        tx,
        sql`select current_setting('app.tenant_id', true) as scope, current_user as role`,
      );
      seen.push({ tenantId: t.id, scope: row?.scope ?? "", role: row?.role ?? "" });
    };
    tenantDefaultSeeders.push(record);
    try {
      const { tenant } = await provisionTenant(db, { input: hotel(), actor: actor(), source: "console" });
      expect(seen).toEqual([{ tenantId: tenant.id, scope: tenant.id, role: "hearth_app" }]);

      tenantDefaultSeeders.push(async () => {
        throw new Error("seed failed");
      });
      const input = hotel();
      await expect(provisionTenant(db, { input, actor: actor(), source: "console" })).rejects.toThrow(
        "seed failed",
      );
      expect(await countBySlug(input.slug)).toBe(0);
      expect(await db.select().from(users).where(eq(users.email, input.owner.email))).toEqual([]);
    } finally {
      tenantDefaultSeeders.length = 0;
    }
  });
});
