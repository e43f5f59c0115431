import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { GET as slugRoute } from "@/app/api/signup/slug/route";
import { useDatabaseForTests } from "@/db/client";
import { platformAuditStream, platformPlans, platformTenants, tenantMembers, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { drainEmbeddedRunner } from "@/lib/jobs/send-event";
import { checkSlugWithSuggestion, SIGNUP_RATE_LIMIT, type SignupResult, signUp } from "@/lib/tenants/signup";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant } from "@/tests/helpers/fixtures";

// Embedded mode: tenant.created runs the welcome email in-process (drained after each test).
for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

let seq = 0;
/** A valid signup; each call gets its own slug, email and form token unless overridden. */
function form(overrides: Record<string, unknown> = {}) {
  seq++;
  const tag = `${Date.now().toString(36)}${seq}`;
  return {
    hotelName: `Hotel ${tag}`,
    slug: `hotel-${tag}`,
    ownerName: "Olivia Owner",
    email: `owner-${tag}@example.test`,
    password: "correct horse battery",
    country: "PT",
    currency: "EUR",
    timezone: "Europe/Lisbon",
    acceptTerms: true,
    idempotencyToken: randomUUID(),
    ...overrides,
  };
}

const req = { ip: null, userAgent: "vitest" };

function expectOk(result: SignupResult): asserts result is SignupResult & { ok: true } {
  if (!result.ok) throw new Error(`signup failed: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
}

describe.each(testDatabaseKinds)("self-service signup on %s", (kind) => {
  let database: TestDatabase;
  let trialDays: number;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    const [plan] = await database.db
      .insert(platformPlans)
      .values({ code: "starter", name: "Starter", isDefault: true, trialDays: 14, trialSmsCredits: 50 })
      .returning();
    trialDays = plan?.trialDays ?? 0;
  });
  afterEach(() => drainEmbeddedRunner());
  afterAll(() => database.drop());

  const tenantsWithSlug = (slug: string) =>
    database.db.select().from(platformTenants).where(eq(platformTenants.slug, slug));

  test("creates the owner, the hotel on a trial of the default plan and the membership; points to its portal", async () => {
    const input = form({ email: "Olivia.Owner@Example.test" });
    const now = new Date("2026-03-01T10:00:00Z");
    const result = await signUp(database.db, input, { ip: "198.51.100.1", userAgent: "vitest", now });
    expectOk(result);
    expect(result.created).toBe(true);
    expect(result.loginUrl).toBe(
      `http://${input.slug}.localhost:3000/login?welcome=1&email=${encodeURIComponent(input.email)}`,
    );

    const [tenant] = await tenantsWithSlug(input.slug);
    expect(tenant).toMatchObject({
      name: input.hotelName,
      status: "trial",
      country: "PT",
      currency: "EUR",
      timezone: "Europe/Lisbon",
      ownerUserId: result.ownerUserId,
      trialEndsAt: new Date(now.getTime() + trialDays * 86_400_000),
    });
    const [owner] = await database.db.select().from(users).where(eq(users.id, result.ownerUserId));
    expect(owner?.name).toBe("Olivia Owner");
    expect(await verifyPassword(owner?.passwordHash, input.password)).toBe(true);
    const members = await database.db
      .select({ role: tenantMembers.role })
      .from(tenantMembers)
      .where(eq(tenantMembers.tenantId, result.tenant.id));
    expect(members).toEqual([{ role: "owner" }]);
    const [audit] = await database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "tenant.create"),
          eq(platformAuditStream.targetId, result.tenant.id),
        ),
      );
    expect(audit).toMatchObject({ ip: "198.51.100.1", actorKind: "system" });
    expect(audit?.summary).toMatchObject({ source: "signup" });
    expect(JSON.stringify(audit?.summary)).not.toContain(input.password);
  });

  test("returns an error per field, and creates nothing", async () => {
    const result = await signUp(
      database.db,
      {
        hotelName: "H",
        slug: "Not A Slug",
        ownerName: "",
        email: "not-an-email",
        password: "short",
        country: "XX",
        currency: "EURO",
        timezone: "Mars/Olympus",
        acceptTerms: false,
        idempotencyToken: "nope",
      },
      req,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID");
    expect(result.fieldErrors).toEqual({
      hotelName: "Use at least 2 characters",
      slug: expect.stringMatching(/lowercase letters/),
      ownerName: "Enter your name",
      email: "Enter a valid email address",
      password: "Use at least 10 characters",
      country: expect.stringMatching(/ISO 3166/),
      currency: expect.stringMatching(/ISO 4217/),
      timezone: expect.stringMatching(/time zone/),
      acceptTerms: "Accept the terms to create your hotel",
      idempotencyToken: expect.stringMatching(/reload the page/),
    });
    expect(await tenantsWithSlug("Not A Slug")).toHaveLength(0);
  });

  test("a missing body is refused field by field, not with a crash", async () => {
    const result = await signUp(database.db, undefined, req);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    const alsoBad = await signUp(database.db, { ...form(), acceptTerms: "on" }, req);
    expect(alsoBad).toMatchObject({ ok: false, fieldErrors: { acceptTerms: expect.any(String) } });
  });

  test("a reserved subdomain is refused on the subdomain field", async () => {
    const result = await signUp(database.db, form({ slug: "admin" }), req);
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: "This subdomain is reserved" } });
    expect(await tenantsWithSlug("admin")).toHaveLength(0);
  });

  test("a taken subdomain is a conflict on the subdomain field; the live check suggests a free one", async () => {
    const taken = await createTenant(database.db, { slug: `taken-${seq}` });
    const result = await signUp(database.db, form({ slug: taken.slug }), req);
    expect(result).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { slug: expect.stringMatching(/is taken/) },
    });
    expect(await tenantsWithSlug(taken.slug)).toHaveLength(1);

    expect(await checkSlugWithSuggestion(database.db, taken.slug)).toEqual({
      available: false,
      reason: "This subdomain is taken",
      suggestion: `${taken.slug}-2`,
    });
    expect(await checkSlugWithSuggestion(database.db, "www")).toEqual({
      available: false,
      reason: "This subdomain is reserved",
    });
  });

  test("GET /api/signup/slug answers availability as JSON", async () => {
    const taken = await createTenant(database.db, { slug: `busy-${seq}` });
    const ask = async (slug: string) => {
      const res = await slugRoute(
        new Request(`http://localhost:3000/api/signup/slug?slug=${encodeURIComponent(slug)}`),
      );
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await ask("a-brand-new-hotel")).toEqual({ available: true });
    expect(await ask(` ${taken.slug.toUpperCase()} `)).toMatchObject({
      available: false,
      suggestion: `${taken.slug}-2`,
    });
    expect(await ask("signup")).toEqual({ available: false, reason: "This subdomain is reserved" });
    expect(await ask("")).toMatchObject({ available: false });
    const tooLong = await slugRoute(
      new Request(`http://localhost:3000/api/signup/slug?slug=${"a".repeat(101)}`),
    );
    expect(tooLong.status).toBe(400);
  });

  test("two concurrent submissions of one form make one hotel, and both land on it", async () => {
    const input = form();
    const [a, b] = await Promise.all([signUp(database.db, input, req), signUp(database.db, input, req)]);
    expectOk(a);
    expectOk(b);
    expect(a.tenant.id).toBe(b.tenant.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await tenantsWithSlug(input.slug)).toHaveLength(1);
    const owners = await database.db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = lower(${input.email})`);
    expect(owners).toHaveLength(1);
  });

  test("a retry after success (a new form token, same hotel and email) returns the same hotel", async () => {
    const input = form();
    const first = await signUp(database.db, input, req);
    const retry = await signUp(database.db, { ...input, idempotencyToken: randomUUID() }, req);
    expectOk(first);
    expectOk(retry);
    expect(retry).toMatchObject({ created: false, tenant: { id: first.tenant.id } });
    expect(await tenantsWithSlug(input.slug)).toHaveLength(1);
  });

  test("two different people racing for one subdomain: one hotel, the other told it is taken", async () => {
    const slug = `race-${Date.now().toString(36)}`;
    const results = await Promise.all([
      signUp(database.db, form({ slug }), req),
      signUp(database.db, form({ slug }), req),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { slug: expect.any(String) },
    });
    expect(await tenantsWithSlug(slug)).toHaveLength(1);
  });

  test("an existing account joins only with its own password", async () => {
    const first = form();
    expectOk(await signUp(database.db, first, req));
    const wrong = await signUp(
      database.db,
      form({ email: first.email, password: "someone else's guess" }),
      req,
    );
    expect(wrong).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { email: expect.stringMatching(/already exists/) },
    });

    const second = await signUp(
      database.db,
      form({ email: first.email.toUpperCase(), password: first.password }),
      req,
    );
    expectOk(second);
    const [one] = await tenantsWithSlug(first.slug);
    expect(second.ownerUserId).toBe(one?.ownerUserId);
  });

  test(`more than ${SIGNUP_RATE_LIMIT.max} signups from one IP within an hour are refused; other IPs and later hours are not`, async () => {
    const ip = `203.0.113.${kind === "pglite" ? 7 : 8}`;
    const now = new Date();
    for (let i = 0; i < SIGNUP_RATE_LIMIT.max; i++) {
      expectOk(await signUp(database.db, form(), { ip, userAgent: "vitest", now }));
    }
    const blocked = form();
    const refused = await signUp(database.db, blocked, { ip, userAgent: "vitest", now });
    expect(refused).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringMatching(/too many/i),
    });
    expect(await tenantsWithSlug(blocked.slug)).toHaveLength(0);

    expectOk(await signUp(database.db, form(), { ip: "192.0.2.99", userAgent: "vitest", now }));
    // Audit rows carry the database clock, so "an hour later" counts from after the last of them.
    const later = new Date(Date.now() + SIGNUP_RATE_LIMIT.windowMs + 1000);
    expectOk(await signUp(database.db, blocked, { ip, userAgent: "vitest", now: later }));
  });
});
