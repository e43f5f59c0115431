import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { platformAuditStream } from "@/db/schema";
import { type AuthorizeDeps, authorizeCredentials, authorizeSigninLink } from "@/lib/auth/authorize";
import { AccountLockedError, InvalidCredentialsError } from "@/lib/auth/errors";
import { createSigninLink } from "@/lib/auth/signin-links";
import { accountPolicy, ipPolicy } from "@/lib/auth/throttle";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { actorFor, addMember, createTenant, createUser, fakeTime, PASSWORD, ROOT } from "./fixtures";

const UA = "Mozilla/5.0 (audit test)";

describe.each(testDatabaseKinds)("sign-ins in the audit stream on %s", (kind) => {
  let database: TestDatabase;
  let grandview: { id: string; slug: string };
  let clock: ReturnType<typeof fakeTime>;
  let deps: AuthorizeDeps;

  beforeAll(async () => {
    clock = fakeTime();
    deps = { now: clock.now, sleep: clock.sleep, rootDomain: ROOT };
    database = await createTestDatabase(kind);
    grandview = await createTenant(database.db, "grandview");
  });
  afterAll(() => database.drop());

  // Each test has its own user and IP, so throttle counts and audit rows never mix between tests.
  let counter = 0;
  async function member(role: "owner" | "staff" = "staff") {
    counter += 1;
    const user = await createUser(database.db, { email: `user${counter}@grandview.test` });
    await addMember(database.db, grandview.id, user.id, role);
    return { ...user, ip: `198.51.100.${counter}` };
  }

  function attempt(user: { email: string; ip: string }, password: string, host = ROOT) {
    return authorizeCredentials(
      database.db,
      { email: user.email, password, host, ip: user.ip, userAgent: UA },
      deps,
    );
  }

  function auditRowsFor(targetId: string, action?: string) {
    const a = platformAuditStream;
    return database.db
      .select()
      .from(a)
      .where(and(eq(a.targetId, targetId), action ? eq(a.action, action) : like(a.action, "auth.sign%")));
  }

  test("a portal sign-in writes one row: the user, their hotel, IP and browser, and no secret", async () => {
    const user = await member("owner");
    await attempt(user, PASSWORD, "grandview.localhost:3000");
    const rows = await auditRowsFor(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "auth.sign_in",
      actorKind: "user",
      actorUserId: user.id,
      actorLabel: user.email,
      tenantId: grandview.id,
      targetType: "user",
      targetId: user.id,
      ip: user.ip,
      userAgent: UA,
      summary: { via: "password" },
    });
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain("$argon2");
  });

  test("a console sign-in has no tenant", async () => {
    const user = await member();
    await attempt(user, PASSWORD, ROOT);
    const [row, ...more] = await auditRowsFor(user.id, "auth.sign_in");
    expect(more).toHaveLength(0);
    expect(row?.tenantId).toBeNull();
  });

  test("a wrong password writes nothing, and neither does an unknown email", async () => {
    const user = await member();
    await expect(attempt(user, "not the password")).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(await auditRowsFor(user.id)).toHaveLength(0);

    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(platformAuditStream);
    await expect(
      attempt({ email: "nobody@grandview.test", ip: "192.0.2.99" }, PASSWORD),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(platformAuditStream);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  test("a lock-out writes one row for the lock, not one per refused attempt", async () => {
    const user = await member();
    clock.advance(24 * 60 * 60_000);
    for (let i = 0; i < accountPolicy.lockAfter; i++) {
      await expect(attempt(user, "guess", "grandview.localhost:3000")).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
      clock.advance(5_000);
    }
    // While locked, wrong and right passwords alike are refused, and none of them adds a row.
    for (const password of ["guess", PASSWORD, "guess"]) {
      await expect(attempt(user, password, "grandview.localhost:3000")).rejects.toBeInstanceOf(
        AccountLockedError,
      );
      clock.advance(5_000);
    }
    const rows = await auditRowsFor(user.id);
    expect(rows).toHaveLength(1);
    // The lock runs from the failure that reached the threshold, 5 s before the first refused attempt.
    const lockedUntil = new Date(clock.now().getTime() - 4 * 5_000 + accountPolicy.lockMs);
    expect(rows[0]).toMatchObject({
      action: "auth.sign_in.locked",
      actorKind: "system",
      actorUserId: null,
      tenantId: grandview.id,
      targetType: "user",
      targetId: user.id,
      ip: user.ip,
      userAgent: UA,
      summary: { email: user.email, scope: "account", lockedUntil: lockedUntil.toISOString() },
    });
    expect(JSON.stringify(rows)).not.toContain("guess");

    // After the lock, the right password signs in again, and that is audited as usual.
    clock.advance(accountPolicy.lockMs);
    await attempt(user, PASSWORD, "grandview.localhost:3000");
    expect((await auditRowsFor(user.id)).map((r) => r.action).sort()).toEqual([
      "auth.sign_in",
      "auth.sign_in.locked",
    ]);
  });

  test("locking out an unknown email writes nothing", async () => {
    const guesser = { email: "ghost@grandview.test", ip: "192.0.2.150" };
    clock.advance(24 * 60 * 60_000);
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(platformAuditStream);
    for (let i = 0; i < accountPolicy.lockAfter; i++) {
      await expect(attempt(guesser, "guess")).rejects.toBeInstanceOf(InvalidCredentialsError);
      clock.advance(5_000);
    }
    await expect(attempt(guesser, "guess")).rejects.toBeInstanceOf(AccountLockedError);
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(platformAuditStream);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  test("an IP lock reached on an existing account is audited once, with scope ip", async () => {
    const user = await member();
    const ipDeps: AuthorizeDeps = {
      ...deps,
      policies: { account: { ...accountPolicy, lockAfter: 1000 }, ip: { ...ipPolicy, lockAfter: 3 } },
    };
    clock.advance(24 * 60 * 60_000);
    const tryOnce = (password: string) =>
      authorizeCredentials(database.db, { email: user.email, password, host: ROOT, ip: user.ip }, ipDeps);
    for (let i = 0; i < 3; i++) {
      await expect(tryOnce("guess")).rejects.toBeInstanceOf(InvalidCredentialsError);
      clock.advance(1_000);
    }
    await expect(tryOnce(PASSWORD)).rejects.toBeInstanceOf(AccountLockedError);
    const rows = await auditRowsFor(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "auth.sign_in.locked",
      tenantId: null,
      summary: { scope: "ip" },
    });
  });

  test("a sign-in link is audited as a sign-in of Hearth staff on that hotel", async () => {
    const admin = await createUser(database.db, { email: "admin@hearth.test", platformRole: "super_admin" });
    const url = await createSigninLink(
      database.db,
      { tenantId: grandview.id, actor: actorFor(admin) },
      { rootDomain: ROOT, protocol: "http" },
    );
    const token = new URL(url).searchParams.get("token") ?? "";
    await authorizeSigninLink(
      database.db,
      { token, host: "grandview.localhost:3000", ip: "203.0.113.50", userAgent: UA },
      { rootDomain: ROOT },
    );
    const rows = await auditRowsFor(admin.id, "auth.sign_in");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUserId: admin.id,
      actorLabel: "admin@hearth.test (Hearth staff)",
      tenantId: grandview.id,
      ip: "203.0.113.50",
      summary: { via: "link" },
    });
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test("when the audit write fails, sign-in still succeeds and the failure is logged", async () => {
    const user = await member();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await database.db.execute(sql`alter table platform_audit_stream rename to platform_audit_stream_away`);
    try {
      await expect(attempt(user, PASSWORD, "grandview.localhost:3000")).resolves.toMatchObject({
        id: user.id,
        tenantId: grandview.id,
      });
      expect(logged).toHaveBeenCalledWith(
        expect.stringContaining("auth.sign_in audit row"),
        expect.any(String),
      );
      expect(JSON.stringify(logged.mock.calls)).not.toContain(PASSWORD);
    } finally {
      await database.db.execute(sql`alter table platform_audit_stream_away rename to platform_audit_stream`);
      logged.mockRestore();
    }
    expect(await auditRowsFor(user.id)).toHaveLength(0);
  });
});
