import { and, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/connect";
import { platformPlans, platformTenants, platformUsers, tenantMembers, users } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { hashPassword } from "@/lib/auth/password";
import type { PlatformRole } from "@/lib/auth/permissions";
import { grantCredits } from "@/lib/credits/service";
import { seedDemoAddons } from "@/lib/marketplace/seed";
import type { TenantRole } from "@/lib/tenants/queries";
import { type DemoHotelData, demoGrandview, demoSeaside, seedDemoHotelData } from "./demo-hotel";

/** The one password of every demo account. Embedded/dev only; printed on start. */
export const DEMO_PASSWORD = "hearth-demo";

export const demoPlans = [
  {
    code: "starter",
    name: "Starter",
    description: "For a single small property.",
    monthlyPriceMinor: 4900,
    yearlyPriceMinor: 49000,
    includedSms: 200,
    smsOveragePriceMinor: 4,
    limits: { rooms: 20, staff_seats: 5, storage_mb: 1024 },
    features: [] as string[],
    sortOrder: 1,
    trialDays: 14,
    trialSmsCredits: 50,
    isDefault: true,
  },
  // Plans are priced in one currency; hotels billed in naira get the same Starter in NGN.
  {
    code: "starter-ngn",
    name: "Starter",
    description: "For a single small property.",
    currency: "NGN",
    monthlyPriceMinor: 2_500_000,
    yearlyPriceMinor: 25_000_000,
    includedSms: 200,
    smsOveragePriceMinor: 2_500,
    limits: { rooms: 20, staff_seats: 5, storage_mb: 1024 },
    features: [] as string[],
    sortOrder: 1,
    trialDays: 14,
    trialSmsCredits: 50,
  },
  {
    code: "professional",
    name: "Professional",
    description: "For busy hotels that message every guest.",
    monthlyPriceMinor: 14900,
    yearlyPriceMinor: 149000,
    includedSms: 1500,
    smsOveragePriceMinor: 3,
    limits: { rooms: 120, staff_seats: 25, storage_mb: 10240 },
    features: ["analytics", "custom_templates"],
    sortOrder: 2,
  },
  {
    code: "enterprise",
    name: "Enterprise",
    description: "Hotel groups with many properties.",
    monthlyPriceMinor: 49900,
    yearlyPriceMinor: 499000,
    includedSms: 10000,
    smsOveragePriceMinor: 2,
    limits: { rooms: 2000, staff_seats: 500, storage_mb: 102400 },
    features: ["analytics", "custom_templates", "api_access", "priority_support"],
    sortOrder: 3,
  },
];

type DemoTenant = {
  slug: string;
  name: string;
  plan: string;
  country: string;
  currency: string;
  timezone: string;
  locale: string;
  members: Array<{ email: string; name: string; role: TenantRole }>;
  /** Rooms, guests and bookings (see ./demo-hotel.ts). */
  hotel: DemoHotelData;
  /** Its billing period ended weeks ago, so the console's "Run billing now" has an invoice to make. */
  billingDue?: boolean;
};

export const demoTenants: DemoTenant[] = [
  {
    slug: "grandview",
    name: "Grandview Hotel",
    plan: "professional",
    country: "US",
    currency: "USD",
    timezone: "America/New_York",
    locale: "en",
    members: [
      { email: "owner@grandview.test", name: "Grace Owens", role: "owner" },
      { email: "manager@grandview.test", name: "Marcus Lee", role: "manager" },
      { email: "staff@grandview.test", name: "Sofia Ramos", role: "staff" },
    ],
    hotel: demoGrandview,
  },
  {
    slug: "seaside",
    name: "Seaside Lodge",
    plan: "starter-ngn",
    country: "NG",
    currency: "NGN",
    timezone: "Africa/Lagos",
    locale: "en",
    members: [
      { email: "owner@seaside.test", name: "Segun Adeyemi", role: "owner" },
      { email: "staff@seaside.test", name: "Amara Okafor", role: "staff" },
    ],
    hotel: demoSeaside,
    billingDue: true,
  },
];

export const demoPlatformUsers: Array<{ email: string; name: string; role: PlatformRole }> = [
  { email: "admin@hearth.test", name: "Hearth Admin", role: "super_admin" },
  { email: "billing@hearth.test", name: "Bea Billing", role: "billing_admin" },
  { email: "support@hearth.test", name: "Sam Support", role: "support_agent" },
];

/**
 * Inserts the demo plans, hotels, accounts and each hotel's rooms, guests and bookings.
 * Idempotent: existing rows are left as they are.
 */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // One transaction: a half-seeded demo would be confusing to log into.
  await db.transaction(async (tx) => {
    for (const plan of demoPlans) {
      await tx.insert(platformPlans).values(plan).onConflictDoNothing({ target: platformPlans.code });
    }
    for (const pu of demoPlatformUsers) {
      const userId = await ensureUser(tx, pu.email, pu.name, passwordHash);
      await tx.insert(platformUsers).values({ userId, role: pu.role }).onConflictDoNothing();
    }
    for (const t of demoTenants) {
      const [plan] = await tx.select().from(platformPlans).where(eq(platformPlans.code, t.plan));
      const owner = t.members.find((m) => m.role === "owner");
      const ownerId = owner ? await ensureUser(tx, owner.email, owner.name, passwordHash) : null;
      await tx
        .insert(platformTenants)
        .values({
          slug: t.slug,
          name: t.name,
          status: "active",
          planId: plan?.id ?? null,
          ownerUserId: ownerId,
          contactEmail: owner?.email ?? null,
          country: t.country,
          currency: t.currency,
          timezone: t.timezone,
          locale: t.locale,
          ...(t.billingDue ? monthBeforeLast() : currentMonth()),
        })
        .onConflictDoNothing({ target: platformTenants.slug });
      const [tenant] = await tx.select().from(platformTenants).where(eq(platformTenants.slug, t.slug));
      if (!tenant) continue;
      for (const m of t.members) {
        const userId = await ensureUser(tx, m.email, m.name, passwordHash);
        await tx
          .insert(tenantMembers)
          .values({ tenantId: tenant.id, userId, role: m.role })
          .onConflictDoNothing();
      }
      await seedDemoHotelData(tx, tenant, t.hotel, { createdBy: ownerId });
    }
  });
  await grantDemoCredits(db);
  await seedDemoAddons(db);
}

/** Each demo hotel starts with its plan's SMS allowance, so guest notifications go out (to the dev-sink). */
async function grantDemoCredits(db: Db): Promise<void> {
  for (const t of demoTenants) {
    const [row] = await db
      .select({ id: platformTenants.id, includedSms: platformPlans.includedSms })
      .from(platformTenants)
      .innerJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
      .where(eq(platformTenants.slug, t.slug));
    if (!row || row.includedSms <= 0) continue;
    await grantCredits(db, {
      tenantId: row.id,
      amount: row.includedSms,
      reason: "plan_allowance",
      reference: "demo-seed",
      note: "Demo data: the plan's monthly SMS allowance",
      actor: systemActor("seed"),
    });
  }
}

async function ensureUser(db: Queryable, email: string, name: string, passwordHash: string): Promise<string> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`));
  if (existing) return existing.id;
  const [created] = await db.insert(users).values({ email, name, passwordHash }).returning({ id: users.id });
  if (!created) throw new Error(`could not create demo user ${email}`);
  return created.id;
}

/** The calendar month (UTC) before last: a period that ended at least four weeks ago. */
function monthBeforeLast(now = new Date()): { currentPeriodStart: Date; currentPeriodEnd: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { currentPeriodStart: start, currentPeriodEnd: end };
}

/** The calendar month (UTC) around now, as the demo hotels' current billing period. */
function currentMonth(now = new Date()): { currentPeriodStart: Date; currentPeriodEnd: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { currentPeriodStart: start, currentPeriodEnd: end };
}
