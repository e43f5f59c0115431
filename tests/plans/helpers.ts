// Plans and tenants for the plan tests, inserted directly (no services, no audit).
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformAuditStream, platformPlans, platformTenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { PlanInput } from "@/lib/plans/schemas";
import type { Tenant } from "@/lib/tenants/queries";

const suffix = () => randomBytes(3).toString("hex");

/** A complete, valid console form for a plan. */
export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    code: `plan-${suffix()}`,
    name: "Test plan",
    description: "",
    currency: "USD",
    monthlyPriceMinor: 4900,
    yearlyPriceMinor: 49000,
    includedSms: 200,
    smsOveragePriceMinor: 4,
    limits: {},
    features: [],
    trialDays: 14,
    trialSmsCredits: 0,
    trialEndAction: "suspend",
    isPublic: true,
    isActive: true,
    sortOrder: 0,
    ...overrides,
  };
}

export type PlanRow = typeof platformPlans.$inferSelect;

export async function insertPlan(
  db: Queryable,
  overrides: Partial<typeof platformPlans.$inferInsert> = {},
): Promise<PlanRow> {
  const code = overrides.code ?? `plan-${suffix()}`;
  const [row] = await db
    .insert(platformPlans)
    .values({ code, name: overrides.name ?? code, ...overrides })
    .returning();
  if (!row) throw new Error("insertPlan: no row");
  return row;
}

export async function insertTenant(
  db: Queryable,
  values: Partial<typeof platformTenants.$inferInsert> = {},
): Promise<Tenant> {
  const slug = values.slug ?? `hotel-${suffix()}`;
  const [row] = await db
    .insert(platformTenants)
    .values({ slug, name: values.name ?? slug, status: "active", ...values })
    .returning();
  if (!row) throw new Error("insertTenant: no row");
  return row;
}

export async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

export async function lastAudit(db: Queryable, action: string, targetId?: string) {
  const [row] = await db
    .select()
    .from(platformAuditStream)
    .where(
      targetId
        ? and(eq(platformAuditStream.action, action), eq(platformAuditStream.targetId, targetId))
        : eq(platformAuditStream.action, action),
    )
    .orderBy(desc(platformAuditStream.id))
    .limit(1);
  return row;
}
