import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { platformIdempotencyKeys, platformPlans, platformTenants, tenantMembers, users } from "@/db/schema";
import { requestFingerprint } from "@/lib/api/idempotency";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { sendAfterCommit } from "./lifecycle";
import type { Tenant } from "./queries";
import { type CreateTenantInput, createTenantSchema } from "./schemas";

// Creating a hotel: user, tenant, membership, plan and trial, default data, audit — in one
// transaction, and idempotent, because a signup form is double-submitted and an API client retries.

export type ProvisionSource = "console" | "api" | "signup";

/**
 * Seeds a new tenant's default data. Runs inside the provisioning transaction, in the new tenant's
 * scope (withTenant: row-level security applies with `app.tenant_id` = the new tenant). Modules
 * register theirs at import time: `tenantDefaultSeeders.push(seedDefaultRoomTypes)`. A seeder that
 * throws aborts the whole provisioning.
 */
export type TenantSeeder = (tx: Tx, tenant: Tenant) => Promise<void>;
export const tenantDefaultSeeders: TenantSeeder[] = [];

export type ProvisionResult = {
  tenant: Tenant;
  ownerUserId: string;
  /**
   * false: an earlier call with the same idempotency key (or, for signups, the same slug and owner
   * email) already made this tenant, and nothing was changed. It is NOT proof that the caller is
   * the owner: a signup flow must not sign anyone in on `created: false` without checking the password.
   */
  created: boolean;
};

export type ProvisionOptions = {
  input: CreateTenantInput;
  actor: Actor;
  source: ProvisionSource;
  idempotencyKey?: string;
  /** The clock, for tests. */
  now?: Date;
};

const PROVISION_SCOPE = "tenant.provision";
/** Unique violations from a concurrent twin are retried: the next attempt sees the twin's commit. */
const MAX_ATTEMPTS = 3;

/** `start` plus `months` calendar months in UTC, clamped to the month's last day (Jan 31 → Feb 28/29). */
export function addUtcMonths(start: Date, months: number): Date {
  const d = new Date(start.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function billingPeriodEnd(start: Date, interval: Tenant["billingInterval"]): Date {
  return addUtcMonths(start, interval === "yearly" ? 12 : 1);
}

type IdempotencyRef = { scope: string; principal: string; key: string; requestHash: string };

async function findExisting(
  tx: Tx,
  input: CreateTenantInput,
  source: ProvisionSource,
  idem: IdempotencyRef | null,
): Promise<ProvisionResult | null> {
  if (idem) {
    const [row] = await tx
      .select()
      .from(platformIdempotencyKeys)
      .where(
        and(
          eq(platformIdempotencyKeys.scope, idem.scope),
          eq(platformIdempotencyKeys.principal, idem.principal),
          eq(platformIdempotencyKeys.key, idem.key),
        ),
      );
    if (row) {
      if (row.requestHash !== idem.requestHash) {
        throw new AppError("CONFLICT", "This idempotency key was already used to create a different hotel.", {
          field: "idempotencyKey",
        });
      }
      const ref = JSON.parse(row.responseBody ?? "{}") as { tenantId?: string; ownerUserId?: string };
      const [tenant] = ref.tenantId
        ? await tx.select().from(platformTenants).where(eq(platformTenants.id, ref.tenantId))
        : [];
      if (tenant && ref.ownerUserId) return { tenant, ownerUserId: ref.ownerUserId, created: false };
    }
  }
  if (source === "signup") {
    // A resubmitted signup: the same subdomain already belongs to a live hotel owned by this email.
    const [match] = await tx
      .select({ tenant: platformTenants, ownerUserId: users.id })
      .from(platformTenants)
      .innerJoin(users, eq(users.id, platformTenants.ownerUserId))
      .where(
        and(
          eq(platformTenants.slug, input.slug),
          ne(platformTenants.status, "deleted"),
          sql`lower(${users.email}) = lower(${input.owner.email})`,
        ),
      );
    if (match) return { tenant: match.tenant, ownerUserId: match.ownerUserId, created: false };
  }
  return null;
}

async function resolvePlan(tx: Tx, planCode: string | undefined) {
  const [plan] = await tx
    .select()
    .from(platformPlans)
    .where(planCode ? eq(platformPlans.code, planCode) : eq(platformPlans.isDefault, true))
    .limit(1);
  if (!plan) {
    throw new AppError(
      "INVALID",
      planCode ? `There is no plan with the code "${planCode}".` : "No default plan is set: choose a plan.",
      { field: "planCode" },
    );
  }
  if (!plan.isActive) {
    throw new AppError("INVALID", `The plan "${plan.code}" is archived: choose another plan.`, {
      field: "planCode",
    });
  }
  return plan;
}

/** The owner's account: an existing one is reused as is (its password is never overwritten). */
async function resolveOwner(
  tx: Tx,
  owner: CreateTenantInput["owner"],
  passwordHash: string | null,
): Promise<{ id: string; created: boolean }> {
  const [existing] = await tx
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${owner.email})`)
    .limit(1);
  if (existing) {
    if (existing.disabledAt) {
      throw new AppError("INVALID", "This owner's account is disabled.", { field: "owner.email" });
    }
    return { id: existing.id, created: false };
  }
  // No password: the account exists but cannot sign in until its owner sets one (invitations come later).
  const [created] = await tx
    .insert(users)
    .values({ email: owner.email, name: owner.name, passwordHash })
    .returning({ id: users.id });
  if (!created) throw new Error("user insert returned no row");
  return { id: created.id, created: true };
}

async function attempt(
  tx: Tx,
  opts: ProvisionOptions & { input: CreateTenantInput },
  idem: IdempotencyRef | null,
  passwordHash: string | null,
): Promise<ProvisionResult> {
  const { input, source, actor } = opts;
  const existing = await findExisting(tx, input, source, idem);
  if (existing) return existing;

  const [taken] = await tx
    .select({ id: platformTenants.id })
    .from(platformTenants)
    .where(eq(platformTenants.slug, input.slug));
  if (taken) {
    // A twin may have committed between the two reads above (each statement has its own snapshot
    // under READ COMMITTED): look again before calling the slug taken.
    const twin = await findExisting(tx, input, source, idem);
    if (twin) return twin;
    throw slugTaken(input.slug);
  }
  const plan = await resolvePlan(tx, input.planCode);

  // Claimed first: a concurrent twin with the same key blocks here until this transaction ends.
  if (idem) await tx.insert(platformIdempotencyKeys).values(idem);
  const owner = await resolveOwner(tx, input.owner, passwordHash);

  const now = opts.now ?? new Date();
  const interval = input.billingInterval ?? "monthly";
  const onTrial = plan.trialDays > 0;
  const [tenant] = await tx
    .insert(platformTenants)
    .values({
      slug: input.slug,
      name: input.name,
      status: onTrial ? "trial" : "active",
      planId: plan.id,
      ownerUserId: owner.id,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone ?? null,
      country: input.country,
      currency: input.currency,
      timezone: input.timezone,
      locale: input.locale,
      // The messaging module grants these into the tenant's SMS credit pool (a ledger entry) once
      // that pool exists, and then removes the key; until then the amount waits here.
      settings: plan.trialSmsCredits > 0 ? { pendingTrialSmsCredits: plan.trialSmsCredits } : {},
      billingInterval: interval,
      currentPeriodStart: now,
      currentPeriodEnd: billingPeriodEnd(now, interval),
      trialEndsAt: onTrial ? new Date(now.getTime() + plan.trialDays * 86_400_000) : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!tenant) throw new Error("tenant insert returned no row");

  if (idem) {
    await tx
      .update(platformIdempotencyKeys)
      .set({
        responseStatus: "201",
        responseBody: JSON.stringify({ tenantId: tenant.id, ownerUserId: owner.id }),
      })
      .where(
        and(
          eq(platformIdempotencyKeys.scope, idem.scope),
          eq(platformIdempotencyKeys.principal, idem.principal),
          eq(platformIdempotencyKeys.key, idem.key),
        ),
      );
  }
  await recordAudit(tx, {
    actor,
    tenantId: tenant.id,
    action: "tenant.create",
    targetType: "tenant",
    targetId: tenant.id,
    after: tenant,
    details: { source, ownerUserId: owner.id, ownerCreated: owner.created, planCode: plan.code },
  });
  // Last: withTenant drops the role to hearth_app for the rest of this transaction.
  await withTenant(tx, tenant.id, async (scoped) => {
    await scoped.insert(tenantMembers).values({ tenantId: tenant.id, userId: owner.id, role: "owner" });
    for (const seed of tenantDefaultSeeders) await seed(scoped, tenant);
  });
  return { tenant, ownerUserId: owner.id, created: true };
}

const slugTaken = (slug: string) =>
  new AppError("CONFLICT", `The subdomain "${slug}" is taken.`, { field: "slug" });

/**
 * Creates a hotel with its owner, plan and trial. Idempotent: a retry with the same
 * `idempotencyKey` (scoped to the source and the actor) or, for signups, with the same slug and
 * owner email returns the existing tenant with `created: false`; concurrent twins produce one
 * tenant. `tenant/tenant.created` is sent after commit, only when a tenant was created.
 */
export async function provisionTenant(db: Db, opts: ProvisionOptions): Promise<ProvisionResult> {
  const input = createTenantSchema.parse(opts.input);
  // Hashed before the transaction opens: argon2 takes tens of milliseconds we should not hold locks for.
  const passwordHash = input.owner.password ? await hashPassword(input.owner.password) : null;
  const idem: IdempotencyRef | null = opts.idempotencyKey
    ? {
        scope: PROVISION_SCOPE,
        principal: `${opts.source}:${opts.actor.userId ?? opts.actor.label}`,
        key: opts.idempotencyKey,
        requestHash: requestFingerprint(input),
      }
    : null;

  let result: ProvisionResult | undefined;
  for (let i = 1; !result; i++) {
    try {
      result = await db.transaction((tx) => attempt(tx, { ...opts, input }, idem, passwordHash));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (i >= MAX_ATTEMPTS) throw slugTaken(input.slug);
    }
  }
  if (result.created) {
    await sendAfterCommit({
      name: "tenant/tenant.created",
      // Inngest drops a second event with the same id: one welcome email per tenant.
      id: `tenant-created-${result.tenant.id}`,
      data: { tenantId: result.tenant.id, ownerUserId: result.ownerUserId, source: opts.source },
    });
  }
  return result;
}
