import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authSigninLinks, platformAuditStream, users } from "@/db/schema";
import { authorizeSigninLink } from "@/lib/auth/authorize";
import { InvalidSigninLinkError } from "@/lib/auth/errors";
import {
  consumeSigninLink,
  createSigninLink,
  hashSigninToken,
  peekSigninLink,
  SIGNIN_LINK_TTL_SECONDS,
} from "@/lib/auth/signin-links";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { actorFor, createTenant, createUser, ROOT } from "./fixtures";

const opts = { rootDomain: ROOT, protocol: "http" } as const;

function tokenOf(url: string): string {
  const token = new URL(url).searchParams.get("token");
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

describe.each(testDatabaseKinds)("one-time sign-in links on %s", (kind) => {
  let database: TestDatabase;
  let grandview: { id: string; slug: string };
  let seaside: { id: string; slug: string };
  let admin: { id: string; email: string; name: string };
  let support: { id: string; email: string; name: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    grandview = await createTenant(database.db, "grandview");
    seaside = await createTenant(database.db, "seaside");
    admin = await createUser(database.db, {
      email: "admin@hearth.test",
      name: "Ada Admin",
      platformRole: "super_admin",
    });
    support = await createUser(database.db, { email: "support@hearth.test", platformRole: "support_agent" });
  });
  afterAll(() => database.drop());

  const mint = (tenantId: string, who = admin) =>
    createSigninLink(database.db, { tenantId, actor: actorFor(who) }, opts);

  test("creates a two-minute link on the tenant's host, storing only the token's hash, audited", async () => {
    const url = await mint(grandview.id);
    expect(url).toMatch(/^http:\/\/grandview\.localhost:3000\/auth\/link\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    const [row] = await database.db
      .select()
      .from(authSigninLinks)
      .where(eq(authSigninLinks.tokenHash, hashSigninToken(token)));
    expect(row).toMatchObject({ userId: admin.id, tenantId: grandview.id, usedAt: null });
    if (!row) return;
    expect((row.expiresAt.getTime() - row.createdAt.getTime()) / 1000).toBeCloseTo(
      SIGNIN_LINK_TTL_SECONDS,
      0,
    );
    const stored = await database.db.execute(sql`select * from auth_signin_links`);
    expect(JSON.stringify(stored)).not.toContain(token);
    const [audit] = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.targetId, row.id));
    expect(audit).toMatchObject({
      action: "auth.signin_link.create",
      tenantId: grandview.id,
      actorUserId: admin.id,
      ip: "203.0.113.9",
    });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  test("peeking does not use the link; consuming works once, and is audited with the visitor's IP", async () => {
    const token = tokenOf(await mint(grandview.id));
    expect(await peekSigninLink(database.db, { token, tenantId: grandview.id })).toMatchObject({
      user: { id: admin.id, name: "Ada Admin" },
    });
    expect(await peekSigninLink(database.db, { token, tenantId: grandview.id })).not.toBeNull();

    const first = await consumeSigninLink(database.db, {
      token,
      tenantId: grandview.id,
      ip: "198.51.100.7",
      userAgent: "Firefox",
    });
    expect(first).toEqual({ id: admin.id, email: "admin@hearth.test", name: "Ada Admin" });
    expect(await consumeSigninLink(database.db, { token, tenantId: grandview.id })).toBeNull();
    expect(await peekSigninLink(database.db, { token, tenantId: grandview.id })).toBeNull();

    const uses = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.action, "auth.signin_link.use"));
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({
      tenantId: grandview.id,
      actorUserId: admin.id,
      ip: "198.51.100.7",
      userAgent: "Firefox",
    });
  });

  test("two concurrent uses: exactly one wins", async () => {
    const token = tokenOf(await mint(grandview.id));
    const results = await Promise.all([
      consumeSigninLink(database.db, { token, tenantId: grandview.id }),
      consumeSigninLink(database.db, { token, tenantId: grandview.id }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test("an expired link fails", async () => {
    const token = tokenOf(await mint(grandview.id));
    await database.db
      .update(authSigninLinks)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(authSigninLinks.tokenHash, hashSigninToken(token)));
    expect(await peekSigninLink(database.db, { token, tenantId: grandview.id })).toBeNull();
    expect(await consumeSigninLink(database.db, { token, tenantId: grandview.id })).toBeNull();
  });

  test("a link for one tenant fails on another, and stays usable where it belongs", async () => {
    const token = tokenOf(await mint(grandview.id));
    expect(await consumeSigninLink(database.db, { token, tenantId: seaside.id })).toBeNull();
    expect(await consumeSigninLink(database.db, { token, tenantId: grandview.id })).not.toBeNull();
  });

  test.each([
    ["garbage", "not-a-token"],
    ["a well-formed but unknown token", "A".repeat(43)],
    ["no token", undefined],
  ])("%s fails without error", async (_label, token) => {
    expect(await consumeSigninLink(database.db, { token, tenantId: grandview.id })).toBeNull();
  });

  test("only platform users allowed to open portals can create links", async () => {
    const owner = await createUser(database.db, { email: "owner@grandview.test" });
    const billing = await createUser(database.db, {
      email: "billing@hearth.test",
      platformRole: "billing_admin",
    });
    for (const who of [owner, billing]) {
      const error = await mint(grandview.id, who).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(mint(grandview.id, support)).resolves.toContain("grandview.localhost");
    await expect(mint("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("an admin disabled after creating a link cannot use it", async () => {
    const token = tokenOf(await mint(grandview.id, support));
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, support.id));
    expect(await consumeSigninLink(database.db, { token, tenantId: grandview.id })).toBeNull();
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, support.id));
  });

  test("authorizeSigninLink takes the tenant from the host and scopes the session to it", async () => {
    const token = tokenOf(await mint(grandview.id));
    const request = { token, ip: "198.51.100.8", userAgent: "vitest" };
    await expect(
      authorizeSigninLink(database.db, { ...request, host: "seaside.localhost:3000" }, { rootDomain: ROOT }),
    ).rejects.toBeInstanceOf(InvalidSigninLinkError);
    await expect(
      authorizeSigninLink(database.db, { ...request, host: ROOT }, { rootDomain: ROOT }),
    ).rejects.toBeInstanceOf(InvalidSigninLinkError);
    await expect(
      authorizeSigninLink(
        database.db,
        { ...request, host: "grandview.localhost:3000" },
        { rootDomain: ROOT },
      ),
    ).resolves.toEqual({
      id: admin.id,
      email: "admin@hearth.test",
      name: "Ada Admin",
      tenantId: grandview.id,
      via: "link",
    });
    await expect(
      authorizeSigninLink(
        database.db,
        { ...request, host: "grandview.localhost:3000" },
        { rootDomain: ROOT },
      ),
    ).rejects.toBeInstanceOf(InvalidSigninLinkError);
  });
});
