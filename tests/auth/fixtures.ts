import type { Db } from "@/db/connect";
import { platformTenants, platformUsers, tenantMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { hashPassword } from "@/lib/auth/password";
import type { PlatformRole } from "@/lib/auth/permissions";
import type { TenantRole } from "@/lib/tenants/queries";

export const PASSWORD = "correct horse battery staple";
export const ROOT = "localhost:3000";

/** Argon2 is slow on purpose: hash once per file and reuse. */
let hashed: Promise<string> | undefined;
function passwordHash() {
  hashed ??= hashPassword(PASSWORD);
  return hashed;
}

export async function createUser(
  db: Db,
  opts: { email: string; name?: string; disabled?: boolean; platformRole?: PlatformRole },
): Promise<{ id: string; email: string; name: string }> {
  const [user] = await db
    .insert(users)
    .values({
      email: opts.email,
      name: opts.name ?? opts.email.split("@")[0] ?? "User",
      passwordHash: await passwordHash(),
      disabledAt: opts.disabled ? new Date() : null,
    })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) throw new Error("user not created");
  if (opts.platformRole) await db.insert(platformUsers).values({ userId: user.id, role: opts.platformRole });
  return user;
}

export async function createTenant(
  db: Db,
  slug: string,
  opts: { status?: "trial" | "active" | "suspended" | "deleted" } = {},
): Promise<{ id: string; slug: string }> {
  const [tenant] = await db
    .insert(platformTenants)
    .values({ slug, name: `${slug} hotel`, status: opts.status ?? "active" })
    .returning({ id: platformTenants.id, slug: platformTenants.slug });
  if (!tenant) throw new Error("tenant not created");
  return tenant;
}

export async function addMember(
  db: Db,
  tenantId: string,
  userId: string,
  role: TenantRole = "staff",
): Promise<void> {
  await db.insert(tenantMembers).values({ tenantId, userId, role });
}

export function actorFor(user: { id: string; email: string }): Actor {
  return { kind: "user", userId: user.id, label: user.email, ip: "203.0.113.9", userAgent: "vitest" };
}

/** A clock the test moves by hand, and a sleep that records instead of waiting. */
export function fakeTime(start = new Date("2030-01-01T09:00:00Z")) {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    sleeps,
  };
}
