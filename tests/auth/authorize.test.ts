import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authLoginAttempts, users } from "@/db/schema";
import { type AuthorizeDeps, authorizeCredentials } from "@/lib/auth/authorize";
import {
  AccountDisabledError,
  AccountLockedError,
  InvalidCredentialsError,
  loginErrorMessage,
  NoTenantAccessError,
} from "@/lib/auth/errors";
import { accountPolicy } from "@/lib/auth/throttle";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createTenant, createUser, fakeTime, PASSWORD, ROOT } from "./fixtures";

describe.each(testDatabaseKinds)("authorizeCredentials on %s", (kind) => {
  let database: TestDatabase;
  let grandview: { id: string; slug: string };
  let owner: { id: string; email: string; name: string };
  let admin: { id: string; email: string; name: string };
  let clock: ReturnType<typeof fakeTime>;
  let deps: AuthorizeDeps;

  beforeAll(async () => {
    clock = fakeTime();
    deps = { now: clock.now, sleep: clock.sleep, rootDomain: ROOT };
    database = await createTestDatabase(kind);
    grandview = await createTenant(database.db, "grandview");
    await createTenant(database.db, "seaside");
    await createTenant(database.db, "closed", { status: "deleted" });
    owner = await createUser(database.db, { email: "Owner@Grandview.test", name: "Grace Owens" });
    await addMember(database.db, grandview.id, owner.id, "owner");
    admin = await createUser(database.db, { email: "admin@hearth.test", platformRole: "super_admin" });
    await createUser(database.db, { email: "gone@grandview.test", disabled: true });
    await addMember(database.db, grandview.id, (await createUser(database.db, { email: "x@x.test" })).id);
  });
  afterAll(() => database.drop());

  // Every test gets its own IP and a clock far from the others, so throttle counts never leak between tests.
  let ipCounter = 0;
  function attempt(email: string, password: string, host: string) {
    ipCounter += 1;
    return authorizeCredentials(database.db, { email, password, host, ip: `198.51.100.${ipCounter}` }, deps);
  }

  test("valid credentials on the root domain sign in, for any account (the console checks the role later)", async () => {
    await expect(attempt("admin@hearth.test", PASSWORD, ROOT)).resolves.toEqual({
      id: admin.id,
      email: "admin@hearth.test",
      name: "admin",
      tenantId: null,
      via: "password",
    });
    await expect(attempt("owner@grandview.test", PASSWORD, ROOT)).resolves.toMatchObject({
      id: owner.id,
      tenantId: null,
    });
  });

  test("a member signs in on their hotel's host, with the email in any case, and last login is recorded", async () => {
    const user = await attempt("  OWNER@grandview.TEST ", PASSWORD, "grandview.localhost:3000");
    expect(user).toEqual({
      id: owner.id,
      email: "Owner@Grandview.test",
      name: "Grace Owens",
      tenantId: grandview.id,
      via: "password",
    });
    const [row] = await database.db
      .select({ at: users.lastLoginAt })
      .from(users)
      .where(eq(users.id, owner.id));
    expect(row?.at?.getTime()).toBe(clock.now().getTime());
  });

  test("a wrong password and an unknown email fail with the same error and message", async () => {
    const wrong = await attempt("owner@grandview.test", "not the password", ROOT).catch((e: unknown) => e);
    const unknown = await attempt("nobody@grandview.test", PASSWORD, ROOT).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InvalidCredentialsError);
    expect(unknown).toBeInstanceOf(InvalidCredentialsError);
    expect(loginErrorMessage(wrong)).toBe("Invalid email or password.");
    expect(loginErrorMessage(unknown)).toBe(loginErrorMessage(wrong));
    // Both count for the throttle.
    const rows = await database.db
      .select()
      .from(authLoginAttempts)
      .where(eq(authLoginAttempts.succeeded, "no"));
    expect(rows.map((r) => r.email)).toEqual(
      expect.arrayContaining(["owner@grandview.test", "nobody@grandview.test"]),
    );
  });

  test("malformed input fails like a wrong password", async () => {
    await expect(attempt("not-an-email", PASSWORD, ROOT)).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(attempt("owner@grandview.test", "", ROOT)).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  test("a disabled user is refused, even with the right password", async () => {
    const error = await attempt("gone@grandview.test", PASSWORD, ROOT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountDisabledError);
    expect(loginErrorMessage(error)).toMatch(/disabled/);
    // With a wrong password they learn nothing more than anyone else.
    await expect(attempt("gone@grandview.test", "wrong", ROOT)).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
  });

  test("on a tenant's host, a valid account that is not a member is refused", async () => {
    const error = await attempt("owner@grandview.test", PASSWORD, "seaside.localhost:3000").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoTenantAccessError);
    expect(loginErrorMessage(error)).toMatch(/no access/);
    // Platform staff too: they enter portals only through a sign-in link.
    await expect(attempt("admin@hearth.test", PASSWORD, "grandview.localhost:3000")).rejects.toBeInstanceOf(
      NoTenantAccessError,
    );
  });

  test.each([
    ["an unknown tenant", "nosuch.localhost:3000"],
    ["a deleted tenant", "closed.localhost:3000"],
    ["a foreign host", "evil.example"],
  ])("sign-in on %s is refused", async (_label, host) => {
    await expect(attempt("owner@grandview.test", PASSWORD, host)).rejects.toBeInstanceOf(NoTenantAccessError);
  });

  test("repeated failures slow down, then lock even the right password, until the lock ends", async () => {
    const email = "x@x.test";
    const ip = "192.0.2.10";
    clock.advance(24 * 60 * 60_000);
    clock.sleeps.length = 0;
    for (let i = 0; i < accountPolicy.lockAfter; i++) {
      await expect(
        authorizeCredentials(database.db, { email, password: "guess", host: ROOT, ip }, deps),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
      clock.advance(5_000);
    }
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000]);
    const locked = await authorizeCredentials(
      database.db,
      { email, password: PASSWORD, host: ROOT, ip },
      deps,
    ).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(AccountLockedError);
    expect(loginErrorMessage(locked)).toBe("Too many failed attempts. Try again in 15 minutes.");
    clock.advance(accountPolicy.lockMs);
    await expect(
      authorizeCredentials(database.db, { email, password: PASSWORD, host: ROOT, ip }, deps),
    ).resolves.toMatchObject({
      email,
    });
  });
});
