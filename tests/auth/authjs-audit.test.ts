import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { platformAuditStream } from "@/db/schema";
import { authConfig, sessionCookieName } from "@/lib/auth/config";
import { authEvents } from "@/lib/auth/events";
import { credentialsProviders } from "@/lib/auth/providers";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createTenant, createUser, PASSWORD } from "./fixtures";

/**
 * The audit rows of a sign-in and a sign-out made through the real Auth.js core with our config,
 * providers and events, driven the way next-auth's server actions drive it.
 */
type RawResult = { cookies?: { name: string; value: string }[]; redirect?: string };

const HOST = "grandview.localhost:3000";
const IP = "198.51.100.77";
const UA = "Mozilla/5.0 (authjs audit test)";

describe.each(testDatabaseKinds)("Auth.js sign-in and sign-out audit on %s", (kind) => {
  let database: TestDatabase;
  let grandviewId: string;
  let owner: { id: string; email: string };
  const config = () => ({
    ...authConfig(),
    secret: "test-secret-that-is-long-enough-0123456789",
    basePath: "/api/auth",
    providers: credentialsProviders(async () => database.db),
    events: authEvents(
      async () => database.db,
      async () => ({ ip: IP, userAgent: UA }),
    ),
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    grandviewId = (await createTenant(database.db, "grandview")).id;
    owner = await createUser(database.db, { email: "owner@grandview.test", name: "Grace" });
    await addMember(database.db, grandviewId, owner.id, "owner");
  });
  afterAll(() => database.drop());

  function post(path: string, body: URLSearchParams, cookie?: string): Promise<RawResult> {
    const headers: Record<string, string> = {
      host: HOST,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": IP,
      "user-agent": UA,
    };
    if (cookie) headers.cookie = cookie;
    const request = new Request(`http://${HOST}/api/auth/${path}`, { method: "POST", headers, body });
    return Auth(request, { ...config(), raw, skipCSRFCheck }) as Promise<RawResult>;
  }

  function rows(action: string) {
    const a = platformAuditStream;
    return database.db
      .select()
      .from(a)
      .where(and(eq(a.action, action), eq(a.targetId, owner.id)));
  }

  test("sign-in then sign-out each write one row, with the request's IP and browser", async () => {
    const signedIn = await post(
      "callback/credentials",
      new URLSearchParams({ email: owner.email, password: PASSWORD, callbackUrl: "/" }),
    );
    const cookie = signedIn.cookies?.find((c) => c.name === sessionCookieName(false));
    expect(cookie?.value).toBeTruthy();
    const [signIn, ...moreSignIns] = await rows("auth.sign_in");
    expect(moreSignIns).toHaveLength(0);
    expect(signIn).toMatchObject({ actorUserId: owner.id, tenantId: grandviewId, ip: IP, userAgent: UA });

    await post("signout", new URLSearchParams({ callbackUrl: "/login" }), `${cookie?.name}=${cookie?.value}`);
    const signOuts = await rows("auth.sign_out");
    expect(signOuts).toHaveLength(1);
    expect(signOuts[0]).toMatchObject({
      actorKind: "user",
      actorUserId: owner.id,
      actorLabel: owner.email,
      tenantId: grandviewId,
      targetType: "user",
      ip: IP,
      userAgent: UA,
      summary: { via: "password" },
    });
    expect(JSON.stringify(signOuts)).not.toContain(cookie?.value);
  });

  test("a sign-out without a valid session writes nothing", async () => {
    const before = (await rows("auth.sign_out")).length;
    // Auth.js logs the undecryptable cookie as a sign-out error; expected here.
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await post(
      "signout",
      new URLSearchParams({ callbackUrl: "/login" }),
      `${sessionCookieName(false)}=forged`,
    );
    await post("signout", new URLSearchParams({ callbackUrl: "/login" }));
    logged.mockRestore();
    expect(await rows("auth.sign_out")).toHaveLength(before);
  });
});
