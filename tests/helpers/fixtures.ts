// Rows for integration tests, inserted directly with drizzle (no services, no audit): each test
// states the world it needs in a few lines. Emails and slugs get a random suffix when omitted,
// so fixtures can be created freely in a shared database.
import { randomBytes } from "node:crypto";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants, platformUsers, tenantMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import type { ApiPrincipal, SessionUser } from "@/lib/auth/context";
import type { PlatformRole } from "@/lib/auth/permissions";
import type { Tenant, TenantRole } from "@/lib/tenants/queries";

export type TestUser = SessionUser;

const suffix = () => randomBytes(4).toString("hex");

export async function createUser(
  db: Queryable,
  opts: { email?: string; name?: string } = {},
): Promise<TestUser> {
  const tag = suffix();
  const [row] = await db
    .insert(users)
    .values({ email: opts.email ?? `user-${tag}@example.test`, name: opts.name ?? `User ${tag}` })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!row) throw new Error("createUser: no row");
  return row;
}

export async function createPlan(
  db: Queryable,
  opts: { code?: string; name?: string; features?: string[] } = {},
): Promise<typeof platformPlans.$inferSelect> {
  const code = opts.code ?? `plan-${suffix()}`;
  const [row] = await db
    .insert(platformPlans)
    .values({ code, name: opts.name ?? code, features: opts.features ?? [] })
    .returning();
  if (!row) throw new Error("createPlan: no row");
  return row;
}

export async function createTenant(
  db: Queryable,
  opts: { slug?: string; name?: string; planId?: string | null; status?: Tenant["status"] } = {},
): Promise<Tenant> {
  const slug = opts.slug ?? `hotel-${suffix()}`;
  const deleted = opts.status === "deleted";
  const [row] = await db
    .insert(platformTenants)
    .values({
      slug,
      name: opts.name ?? slug,
      planId: opts.planId ?? null,
      status: opts.status ?? "active",
      deletedAt: deleted ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error("createTenant: no row");
  return row;
}

/** Members are a tenant-scoped table; the test connection is the owner, which the platform policy lets through. */
export async function addMember(
  db: Queryable,
  tenantId: string,
  userId: string,
  role: TenantRole,
): Promise<void> {
  await db.insert(tenantMembers).values({ tenantId, userId, role });
}

export async function makePlatformUser(db: Queryable, userId: string, role: PlatformRole): Promise<void> {
  await db.insert(platformUsers).values({ userId, role });
}

/** The audit actor for a user, as the session would build it. */
export function testActor(user: Pick<TestUser, "id" | "email">): Actor {
  return { kind: "user", userId: user.id, label: user.email, ip: "127.0.0.1", userAgent: "vitest" };
}

/** What `authenticateApiRequest` would return for this user (mock it with this). */
export function testPrincipal(user: TestUser, platformRole: PlatformRole | null = null): ApiPrincipal {
  return { user, platformRole, actor: testActor(user) };
}
