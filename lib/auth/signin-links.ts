import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { authSigninLinks, platformUsers, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { tenantUrl } from "@/lib/tenancy/host";
import { getTenantById } from "@/lib/tenants/queries";
import type { SessionUser } from "./context";
import { platformCan } from "./permissions";

/**
 * One-time sign-in links: how a platform admin opens a tenant's portal. Sessions are per host, so
 * the console session cannot simply be reused on the tenant's subdomain; instead the console mints
 * a short-lived link for one tenant, and the portal exchanges it, once, for a session of its own.
 * Only the token's SHA-256 is stored, so a database reader cannot use a pending link.
 */

export const SIGNIN_LINK_TTL_SECONDS = 120;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashSigninToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The URL's shape is checked before any query: anything else cannot be a token we issued. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN.test(token);
}

async function platformRoleOf(db: Queryable, userId: string) {
  const [row] = await db
    .select({ role: platformUsers.role, disabledAt: users.disabledAt })
    .from(platformUsers)
    .innerJoin(users, eq(users.id, platformUsers.userId))
    .where(eq(platformUsers.userId, userId))
    .limit(1);
  return row && !row.disabledAt ? row.role : null;
}

/**
 * Creates a link for `actor` (a platform user allowed to open portals) into `tenantId`'s portal,
 * valid for two minutes, and records it in the audit stream. Returns the URL to send the admin to.
 */
export async function createSigninLink(
  db: Queryable,
  input: { tenantId: string; actor: Actor },
  opts: { rootDomain?: string; protocol?: "http" | "https" } = {},
): Promise<string> {
  const { actor } = input;
  if (!actor.userId || !platformCan(await platformRoleOf(db, actor.userId), "tenants.open_portal")) {
    throw new AppError("FORBIDDEN", "You are not allowed to open hotel portals.");
  }
  const tenant = await getTenantById(db, input.tenantId);
  if (!tenant || tenant.status === "deleted") throw new AppError("NOT_FOUND", "That hotel does not exist.");

  const token = randomBytes(32).toString("base64url");
  const userId = actor.userId;
  // The link and its audit row commit together: no link exists that the audit log does not show.
  await db.transaction(async (tx) => {
    const [link] = await tx
      .insert(authSigninLinks)
      .values({
        tokenHash: hashSigninToken(token),
        userId,
        tenantId: tenant.id,
        // The database's clock decides both creation and expiry, so app servers' clocks do not matter.
        expiresAt: sql`now() + make_interval(secs => ${SIGNIN_LINK_TTL_SECONDS})`,
      })
      .returning({ id: authSigninLinks.id, expiresAt: authSigninLinks.expiresAt });
    if (!link) throw new Error("sign-in link not created");
    await recordAudit(tx, {
      actor,
      tenantId: tenant.id,
      action: "auth.signin_link.create",
      targetType: "signin_link",
      targetId: link.id,
      details: { tenantSlug: tenant.slug, expiresAt: link.expiresAt },
    });
  });

  const e = env();
  const path = `/auth/link?${new URLSearchParams({ token })}`;
  return tenantUrl(tenant.slug, opts.rootDomain ?? e.ROOT_DOMAIN, opts.protocol ?? e.PUBLIC_PROTOCOL, path);
}

export type PendingSigninLink = { user: SessionUser; expiresAt: Date };

/** Reads a link without using it: the landing page's GET must not consume it (link scanners prefetch). */
export async function peekSigninLink(
  db: Queryable,
  input: { token: unknown; tenantId: string },
): Promise<PendingSigninLink | null> {
  if (!isWellFormedToken(input.token)) return null;
  const l = authSigninLinks;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, expiresAt: l.expiresAt })
    .from(l)
    .innerJoin(users, eq(users.id, l.userId))
    .where(
      and(
        eq(l.tokenHash, hashSigninToken(input.token)),
        eq(l.tenantId, input.tenantId),
        isNull(l.usedAt),
        gt(l.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ? { user: { id: row.id, email: row.email, name: row.name }, expiresAt: row.expiresAt } : null;
}

/**
 * Uses a link, once: the single conditional UPDATE is the lock, so of two concurrent requests only
 * one gets the row back. Fails (null) for an unknown, used or expired token, a token issued for
 * another tenant, and an admin who was disabled or lost the right to open portals since.
 */
export async function consumeSigninLink(
  db: Queryable,
  input: { token: unknown; tenantId: string; ip?: string | null; userAgent?: string | null },
): Promise<SessionUser | null> {
  const token = input.token;
  if (!isWellFormedToken(token)) return null;
  return db.transaction(async (tx) => {
    const l = authSigninLinks;
    const [used] = await tx
      .update(l)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(l.tokenHash, hashSigninToken(token)),
          eq(l.tenantId, input.tenantId),
          isNull(l.usedAt),
          gt(l.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: l.id, userId: l.userId });
    if (!used) return null;
    if (!platformCan(await platformRoleOf(tx, used.userId), "tenants.open_portal")) return null;
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, used.userId))
      .limit(1);
    if (!user) return null;
    await recordAudit(tx, {
      actor: {
        kind: "user",
        userId: user.id,
        label: user.email,
        ip: input.ip ?? null,
        userAgent: input.userAgent ?? null,
      },
      tenantId: input.tenantId,
      action: "auth.signin_link.use",
      targetType: "signin_link",
      targetId: used.id,
    });
    return user;
  });
}
