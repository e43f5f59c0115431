import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { users } from "@/db/schema";
import { LINK_SESSION_MAX_AGE_SECONDS, SESSION_MAX_AGE_SECONDS, type SessionClaims } from "@/lib/auth/config";
import { loadSessionUser } from "@/lib/auth/session";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser } from "./fixtures";

describe.each(testDatabaseKinds)("session checks on %s", (kind) => {
  let database: TestDatabase;
  let user: { id: string; email: string; name: string };
  let tenantId: string;
  const now = new Date("2030-01-01T12:00:00Z");
  const authAt = now.getTime() / 1000 - 60;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    user = await createUser(database.db, { email: "staff@grandview.test", name: "Sofia" });
    tenantId = (await createTenant(database.db, "grandview")).id;
  });
  afterAll(() => database.drop());

  const load = (claims: Partial<SessionClaims>, expectedTenantId: string | null, at = now) =>
    loadSessionUser(
      database.db,
      { userId: user.id, tenantId: null, via: "password", authAt, ...claims },
      { expectedTenantId, now: at },
    );

  test("a session is valid only on the host it was made for", async () => {
    expect(await load({}, null)).toEqual(user);
    expect(await load({ tenantId }, tenantId)).toEqual(user);
    expect(await load({}, tenantId)).toBeNull();
    expect(await load({ tenantId }, null)).toBeNull();
  });

  test("sessions end at their maximum age; a link session sooner", async () => {
    const later = (s: number) => new Date((authAt + s) * 1000);
    expect(await load({}, null, later(SESSION_MAX_AGE_SECONDS - 1))).toEqual(user);
    expect(await load({}, null, later(SESSION_MAX_AGE_SECONDS + 1))).toBeNull();
    expect(await load({ tenantId, via: "link" }, tenantId, later(LINK_SESSION_MAX_AGE_SECONDS - 1))).toEqual(
      user,
    );
    expect(
      await load({ tenantId, via: "link" }, tenantId, later(LINK_SESSION_MAX_AGE_SECONDS + 1)),
    ).toBeNull();
    // A link session is never a console session.
    expect(await load({ via: "link" }, null)).toBeNull();
  });

  test("disabling a user ends their existing sessions", async () => {
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await load({}, null)).toBeNull();
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    expect(await load({}, null)).toEqual(user);
  });

  test("a deleted user's session is refused", async () => {
    expect(await load({ userId: "00000000-0000-4000-8000-000000000000" }, null)).toBeNull();
  });
});
