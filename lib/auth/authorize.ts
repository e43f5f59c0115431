import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { resolveHost } from "@/lib/tenancy/host";
import { getMemberRole, getTenantBySlug, type Tenant } from "@/lib/tenants/queries";
import {
  AccountDisabledError,
  AccountLockedError,
  InvalidCredentialsError,
  InvalidSigninLinkError,
  NoTenantAccessError,
} from "./errors";
import { MAX_PASSWORD_LENGTH, verifyDummyPassword, verifyPassword } from "./password";
import { auditLockout, auditSignIn, type RequestInfo } from "./sign-in-audit";
import { consumeSigninLink } from "./signin-links";
import { checkLoginThrottle, defaultPolicies, recordLoginAttempt, type ThrottlePolicies } from "./throttle";

/**
 * The sign-in rules, as plain functions of the database and the request's host and IP, so they are
 * tested without Auth.js. The Credentials providers in `index.ts` only call these.
 */

/** What Auth.js stores in the session token. `tenantId` null: a session for the root domain (console). */
export type AuthorizedUser = {
  id: string;
  email: string;
  name: string;
  tenantId: string | null;
  via: "password" | "link";
};

export type AuthorizeDeps = {
  now: () => Date;
  /** The progressive delay of the throttle; tests pass a recorder instead of waiting. */
  sleep: (ms: number) => Promise<void>;
  policies?: ThrottlePolicies;
  rootDomain?: string;
};

export const systemDeps: AuthorizeDeps = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** The tenant a host belongs to; null for the root domain. Unknown, deleted or foreign hosts are refused. */
async function tenantForHost(db: Queryable, host: string | null, rootDomain: string): Promise<Tenant | null> {
  const target = resolveHost(host, rootDomain);
  if (target.kind === "root") return null;
  if (target.kind === "foreign") throw new NoTenantAccessError();
  const tenant = await getTenantBySlug(db, target.slug);
  if (!tenant || tenant.status === "deleted") throw new NoTenantAccessError();
  return tenant;
}

/**
 * Records a failed attempt and, when it is the one that locks the account or IP out, audits the
 * lock. Locked attempts are refused before the password is checked and never recorded, so only the
 * failure that reaches the threshold can see a lock here: one audit row per lock, not per attempt.
 */
async function recordFailure(
  db: Queryable,
  input: {
    email: string;
    user: { id: string; email: string } | undefined;
    tenantId: string | null;
    request: RequestInfo;
  },
  deps: AuthorizeDeps,
): Promise<void> {
  const now = deps.now();
  const { email, request } = input;
  await recordLoginAttempt(db, { email, ip: request.ip, succeeded: false }, now);
  // Checked for unknown emails too, so that known and unknown ones take the same time.
  const decision = await checkLoginThrottle(
    db,
    { email, ip: request.ip },
    now,
    deps.policies ?? defaultPolicies,
  );
  if (decision.kind !== "locked" || !input.user) return;
  await auditLockout(db, {
    user: input.user,
    tenantId: input.tenantId,
    scope: decision.scope,
    lockedUntil: new Date(now.getTime() + decision.retryAfterMs),
    request,
  });
}

/**
 * Email + password sign-in on `host`. On the root domain any valid account may sign in (the console
 * itself then checks the platform role); on a tenant's host only that tenant's members may. Unknown
 * email and wrong password fail alike, in about the same time, and both count for the throttle.
 */
export async function authorizeCredentials(
  db: Queryable,
  input: {
    email: unknown;
    password: unknown;
    host: string | null;
    ip: string | null;
    userAgent?: string | null;
  },
  deps: AuthorizeDeps = systemDeps,
): Promise<AuthorizedUser> {
  const parsed = credentialsSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  const tenant = await tenantForHost(db, input.host, deps.rootDomain ?? env().ROOT_DOMAIN);
  const tenantId = tenant?.id ?? null;
  const request: RequestInfo = { ip: input.ip, userAgent: input.userAgent ?? null };

  const decision = await checkLoginThrottle(
    db,
    { email, ip: input.ip },
    deps.now(),
    deps.policies ?? defaultPolicies,
  );
  if (decision.kind === "locked") throw new AccountLockedError(decision.retryAfterMs);
  if (decision.delayMs > 0) await deps.sleep(decision.delayMs);

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!user) await verifyDummyPassword(password);
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(db, { email, user, tenantId, request }, deps);
    throw new InvalidCredentialsError();
  }
  if (user.disabledAt) {
    await recordFailure(db, { email, user, tenantId, request }, deps);
    throw new AccountDisabledError();
  }
  // Not a failed guess (the password was right), so it does not count towards a lock-out.
  if (tenant && !(await getMemberRole(db, tenant.id, user.id))) throw new NoTenantAccessError();

  const now = deps.now();
  await recordLoginAttempt(db, { email, ip: input.ip, succeeded: true }, now);
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  await auditSignIn(db, { user, tenantId, via: "password", request });
  return { id: user.id, email: user.email, name: user.name, tenantId, via: "password" };
}

/**
 * Exchanges a one-time sign-in link for a session on the tenant host it was issued for. The
 * platform admin gets a session scoped to that one tenant; they never get the tenant's password.
 */
export async function authorizeSigninLink(
  db: Queryable,
  input: { token: unknown; host: string | null; ip: string | null; userAgent: string | null },
  deps: Pick<AuthorizeDeps, "rootDomain"> = {},
): Promise<AuthorizedUser> {
  const target = resolveHost(input.host, deps.rootDomain ?? env().ROOT_DOMAIN);
  if (target.kind !== "tenant") throw new InvalidSigninLinkError();
  const tenant = await getTenantBySlug(db, target.slug);
  if (!tenant || tenant.status === "deleted") throw new InvalidSigninLinkError();
  const user = await consumeSigninLink(db, {
    token: input.token,
    tenantId: tenant.id,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  if (!user) throw new InvalidSigninLinkError();
  // `auth.signin_link.use` records the link; this row is the session, like every other sign-in.
  await auditSignIn(db, {
    user,
    tenantId: tenant.id,
    via: "link",
    request: { ip: input.ip, userAgent: input.userAgent },
  });
  return { ...user, tenantId: tenant.id, via: "link" };
}
