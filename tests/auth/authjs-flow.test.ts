import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authConfig, sessionCookieName } from "@/lib/auth/config";
import { InvalidCredentialsError, NoTenantAccessError } from "@/lib/auth/errors";
import { credentialsProviders } from "@/lib/auth/providers";
import { createSigninLink } from "@/lib/auth/signin-links";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { actorFor, addMember, createTenant, createUser, PASSWORD } from "./fixtures";

/**
 * The real Auth.js core with our config and providers, driven the way next-auth's `signIn()` server
 * action drives it (raw response, CSRF skipped because server actions have their own origin check).
 */
type RawResult = {
  cookies?: { name: string; value: string; options: Record<string, unknown> }[];
  redirect?: string;
};

describe("Auth.js with Hearth's config", () => {
  let database: TestDatabase;
  let grandviewId: string;
  let admin: { id: string; email: string };
  const config = () => ({
    ...authConfig(),
    secret: "test-secret-that-is-long-enough-0123456789",
    basePath: "/api/auth",
    providers: credentialsProviders(async () => database.db),
  });

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    grandviewId = (await createTenant(database.db, "grandview")).id;
    const owner = await createUser(database.db, { email: "owner@grandview.test", name: "Grace" });
    await addMember(database.db, grandviewId, owner.id, "owner");
    admin = await createUser(database.db, {
      email: "admin@hearth.test",
      name: "Ada",
      platformRole: "super_admin",
    });
  });
  afterAll(() => database.drop());

  async function signIn(host: string, provider: string, fields: Record<string, string>): Promise<RawResult> {
    const body = new URLSearchParams({ ...fields, callbackUrl: "/" });
    const request = new Request(`http://${host}/api/auth/callback/${provider}`, {
      method: "POST",
      headers: {
        host,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": "198.51.100.20",
      },
      body,
    });
    return (await Auth(request, { ...config(), raw, skipCSRFCheck })) as RawResult;
  }

  async function session(host: string, cookie: string) {
    const response = await Auth(
      new Request(`http://${host}/api/auth/session`, { headers: { host, cookie } }),
      config(),
    );
    return response.json();
  }

  test("a portal sign-in sets one host-only, http-only session cookie, scoped to that tenant", async () => {
    const result = await signIn("grandview.localhost:3000", "credentials", {
      email: "owner@grandview.test",
      password: PASSWORD,
    });
    expect(result.redirect).toBe("http://grandview.localhost:3000/");
    const cookie = result.cookies?.find((c) => c.name === sessionCookieName(false));
    expect(cookie).toBeDefined();
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
    expect(cookie?.options.domain).toBeUndefined();

    const data = await session("grandview.localhost:3000", `${cookie?.name}=${cookie?.value}`);
    expect(data).toMatchObject({
      user: { email: "owner@grandview.test", name: "Grace" },
      hearth: { tenantId: grandviewId, via: "password" },
    });
  });

  test("refusals reach the caller as the CredentialsSignin subclass thrown by authorize", async () => {
    await expect(
      signIn("localhost:3000", "credentials", { email: "owner@grandview.test", password: "wrong" }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(
      signIn("seaside.localhost:3000", "credentials", { email: "owner@grandview.test", password: PASSWORD }),
    ).rejects.toBeInstanceOf(NoTenantAccessError);
  });

  test("a sign-in link gives the admin a session for that tenant only", async () => {
    const url = await createSigninLink(database.db, { tenantId: grandviewId, actor: actorFor(admin) });
    const token = new URL(url).searchParams.get("token") ?? "";
    const result = await signIn("grandview.localhost:3000", "signin-link", { token });
    const cookie = result.cookies?.find((c) => c.name === sessionCookieName(false));
    const data = await session("grandview.localhost:3000", `${cookie?.name}=${cookie?.value}`);
    expect(data).toMatchObject({
      user: { email: "admin@hearth.test" },
      hearth: { tenantId: grandviewId, via: "link" },
    });
  });

  test("the client cannot rewrite its claims through a session update", async () => {
    const result = await signIn("localhost:3000", "credentials", {
      email: "owner@grandview.test",
      password: PASSWORD,
    });
    const cookie = result.cookies?.find((c) => c.name === sessionCookieName(false));
    const request = new Request("http://localhost:3000/api/auth/session", {
      method: "POST",
      headers: {
        host: "localhost:3000",
        cookie: `${cookie?.name}=${cookie?.value}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ data: { hearth: { tenantId: grandviewId, via: "link" } } }),
    });
    const updated = (await Auth(request, { ...config(), raw, skipCSRFCheck })) as {
      body?: { hearth?: unknown };
    };
    expect(updated.body?.hearth).toMatchObject({ tenantId: null, via: "password" });
  });
});
