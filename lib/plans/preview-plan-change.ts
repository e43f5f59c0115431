// Previewing a plan change (upgrade, downgrade, monthly↔yearly) for one tenant: the proration
// (rules in ./proration.ts) as the adjustment lines the change would record, the new period, and
// any limits the tenant already uses beyond the new plan's. Writes nothing; ./change-plan.ts
// applies the same preview inside its transaction.
//
// No money moves during a trial (it is free) or for a tenant without a billing period yet (nothing
// was paid in advance): the plan and interval change, with no adjustments and the period untouched.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenants/queries";
import { type LimitKey, limitKeys, limitLabels, limitWording, planLimit } from "./limits";
import { type BillingInterval, quotePlanChange } from "./proration";
import type { Plan } from "./queries";
import { planChangeRequestSchema } from "./schemas";
import { countUsage } from "./usage";

export type AdjustmentLine = {
  kind: "proration_credit" | "proration_charge";
  description: string;
  /** Signed minor units: credits negative, charges positive. */
  amountMinor: number;
};

export type LimitBlock = { limit: LimitKey; label: string; used: number; newLimit: number };

export type PlanChangePreview = {
  tenantId: string;
  currency: string;
  at: Date;
  fromPlan: Plan | null;
  toPlan: Plan;
  fromInterval: BillingInterval;
  toInterval: BillingInterval;
  /** False during a trial or without a billing period: then there are no lines. */
  prorated: boolean;
  /** Why nothing is prorated, for the UI; null when `prorated`. */
  notProratedReason: string | null;
  daysRemaining: number;
  daysInPeriod: number;
  creditMinor: number;
  chargeMinor: number;
  /** charge − credit, what the next invoice changes by. */
  netMinor: number;
  lines: AdjustmentLine[];
  currentPeriod: { start: Date; end: Date } | null;
  newPeriod: { start: Date; end: Date } | null;
  /** Limits the tenant already uses beyond the new plan's: the change is refused while any remain. */
  blockedBy: LimitBlock[];
};

export type PlanChangeInput = {
  tenantId: string;
  toPlanCode: string;
  toInterval: BillingInterval;
  at?: Date;
  /** Console only: let an admin move a tenant onto a private (unlisted) plan. */
  allowPrivate?: boolean;
};

export const planChangeInputSchema = planChangeRequestSchema.extend({ tenantId: z.uuid() });

const utcDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const priceFor = (plan: Plan | null, interval: BillingInterval) =>
  plan ? (interval === "yearly" ? plan.yearlyPriceMinor : plan.monthlyPriceMinor) : 0;

async function loadTargetPlan(db: Queryable, tenant: Tenant, input: PlanChangeInput): Promise<Plan> {
  const [plan] = await db
    .select()
    .from(platformPlans)
    .where(eq(platformPlans.code, input.toPlanCode))
    .limit(1);
  // A private plan is as good as unknown to a tenant: do not reveal it exists.
  if (!plan || (!plan.isPublic && !input.allowPrivate && plan.id !== tenant.planId)) {
    throw new AppError("NOT_FOUND", `There is no plan "${input.toPlanCode}".`, { field: "toPlanCode" });
  }
  if (!plan.isActive) {
    throw new AppError("CONFLICT", `${plan.name} is no longer offered; choose another plan.`, {
      field: "toPlanCode",
    });
  }
  if (plan.currency !== tenant.currency) {
    throw new AppError(
      "CONFLICT",
      `${plan.name} is priced in ${plan.currency}, but ${tenant.name} is billed in ${tenant.currency}.`,
      { field: "toPlanCode" },
    );
  }
  return plan;
}

/** Limits in use beyond what `toPlan` allows (limits without a counter cannot block). */
async function findLimitBlocks(db: Queryable, tenantId: string, toPlan: Plan): Promise<LimitBlock[]> {
  const used = await countUsage(db, tenantId);
  const blocks: LimitBlock[] = [];
  for (const limit of limitKeys) {
    const newLimit = planLimit(toPlan.limits, limit);
    const n = used[limit];
    if (newLimit !== null && n !== null && n > newLimit) {
      blocks.push({ limit, label: limitLabels[limit], used: n, newLimit });
    }
  }
  return blocks;
}

export async function buildPreview(
  db: Queryable,
  tenant: Tenant,
  input: PlanChangeInput,
): Promise<PlanChangePreview> {
  const at = input.at ?? new Date();
  const toPlan = await loadTargetPlan(db, tenant, input);
  const fromPlan = tenant.planId
    ? ((await db.select().from(platformPlans).where(eq(platformPlans.id, tenant.planId)).limit(1))[0] ?? null)
    : null;
  const fromInterval = tenant.billingInterval;
  const { toInterval } = input;
  if (fromPlan?.id === toPlan.id && fromInterval === toInterval) {
    throw new AppError("INVALID", `${tenant.name} is already on ${toPlan.name}, billed ${toInterval}.`, {
      field: "toPlanCode",
    });
  }
  const blockedBy = await findLimitBlocks(db, tenant.id, toPlan);
  const currentPeriod =
    tenant.currentPeriodStart && tenant.currentPeriodEnd
      ? { start: tenant.currentPeriodStart, end: tenant.currentPeriodEnd }
      : null;
  const base = {
    tenantId: tenant.id,
    currency: tenant.currency,
    at,
    fromPlan,
    toPlan,
    fromInterval,
    toInterval,
    currentPeriod,
    blockedBy,
  };

  const notProratedReason =
    tenant.status === "trial"
      ? "Your trial is free: nothing is charged or credited for this change."
      : currentPeriod === null
        ? "No billing period has started yet: nothing is charged or credited for this change."
        : null;
  if (notProratedReason !== null || currentPeriod === null) {
    return {
      ...base,
      prorated: false,
      notProratedReason,
      daysRemaining: 0,
      daysInPeriod: 0,
      creditMinor: 0,
      chargeMinor: 0,
      netMinor: 0,
      lines: [],
      newPeriod: currentPeriod,
    };
  }

  const quote = quotePlanChange({
    periodStart: currentPeriod.start,
    periodEnd: currentPeriod.end,
    at,
    from: {
      planCode: fromPlan?.code ?? "",
      priceMinor: priceFor(fromPlan, fromInterval),
      interval: fromInterval,
    },
    to: { planCode: toPlan.code, priceMinor: priceFor(toPlan, toInterval), interval: toInterval },
  });
  const days = `${quote.daysRemaining} of ${quote.daysInPeriod} days`;
  const lines: AdjustmentLine[] = [];
  if (fromPlan && quote.creditMinor > 0) {
    const which = quote.intervalSwitch ? `${fromPlan.name}, ${fromInterval}` : fromPlan.name;
    lines.push({
      kind: "proration_credit",
      description: `Unused time on ${which} (${days})`,
      amountMinor: -quote.creditMinor,
    });
  }
  if (quote.chargeMinor > 0) {
    const { start, end } = quote.newPeriod;
    lines.push({
      kind: "proration_charge",
      description: quote.intervalSwitch
        ? `${toPlan.name}, ${toInterval}, ${utcDate.format(start)} – ${utcDate.format(end)}`
        : `Remaining time on ${toPlan.name} (${days})`,
      amountMinor: quote.chargeMinor,
    });
  }
  return {
    ...base,
    prorated: true,
    notProratedReason: null,
    daysRemaining: quote.daysRemaining,
    daysInPeriod: quote.daysInPeriod,
    creditMinor: quote.creditMinor,
    chargeMinor: quote.chargeMinor,
    netMinor: quote.netMinor,
    lines,
    newPeriod: quote.newPeriod,
  };
}

export function tenantNotFound(): AppError {
  return new AppError("NOT_FOUND", "That hotel does not exist.", { field: "tenantId" });
}

/** What changing to `toPlanCode`/`toInterval` would cost and whether limits allow it. Writes nothing. */
export async function previewPlanChange(db: Queryable, input: PlanChangeInput): Promise<PlanChangePreview> {
  const request = planChangeInputSchema.parse(input);
  const [tenant] = await db
    .select()
    .from(platformTenants)
    .where(eq(platformTenants.id, input.tenantId))
    .limit(1);
  if (!tenant || tenant.status === "deleted") throw tenantNotFound();
  return buildPreview(db, tenant, { ...input, ...request });
}

/** The refusal of a change that would break limits, naming each. */
export function limitBlockError(preview: Pick<PlanChangePreview, "toPlan" | "blockedBy">): AppError {
  const parts = preview.blockedBy.map(
    (b) =>
      `you have ${limitWording[b.limit].quantity(b.used)} and it allows ${limitWording[b.limit].amount(b.newLimit)}`,
  );
  return new AppError(
    "CONFLICT",
    `You cannot move to ${preview.toPlan.name} yet: ${parts.join("; ")}. Reduce your usage first.`,
    { field: "toPlanCode", details: { blockedBy: preview.blockedBy } },
  );
}

/** What the portal's change dialog shows: plain, serializable, no internal ids. */
export type PlanChangePreviewView = {
  fromPlanName: string | null;
  toPlanName: string;
  toPlanCode: string;
  fromInterval: BillingInterval;
  toInterval: BillingInterval;
  currency: string;
  prorated: boolean;
  notProratedReason: string | null;
  creditMinor: number;
  chargeMinor: number;
  netMinor: number;
  lines: AdjustmentLine[];
  /** ISO timestamps. */
  newPeriod: { start: string; end: string } | null;
  periodChanges: boolean;
  blockedBy: LimitBlock[];
};

export function toPreviewView(preview: PlanChangePreview): PlanChangePreviewView {
  const iso = (p: { start: Date; end: Date } | null) =>
    p ? { start: p.start.toISOString(), end: p.end.toISOString() } : null;
  const periodChanges =
    preview.newPeriod !== null &&
    (preview.currentPeriod === null ||
      preview.newPeriod.start.getTime() !== preview.currentPeriod.start.getTime() ||
      preview.newPeriod.end.getTime() !== preview.currentPeriod.end.getTime());
  return {
    fromPlanName: preview.fromPlan?.name ?? null,
    toPlanName: preview.toPlan.name,
    toPlanCode: preview.toPlan.code,
    fromInterval: preview.fromInterval,
    toInterval: preview.toInterval,
    currency: preview.currency,
    prorated: preview.prorated,
    notProratedReason: preview.notProratedReason,
    creditMinor: preview.creditMinor,
    chargeMinor: preview.chargeMinor,
    netMinor: preview.netMinor,
    lines: preview.lines,
    newPeriod: iso(preview.newPeriod),
    periodChanges,
    blockedBy: preview.blockedBy,
  };
}
