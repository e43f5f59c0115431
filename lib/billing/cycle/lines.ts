// What a cycle invoice bills, read from the database. One builder serves the billing cycle, the
// re-pricing at finalisation and the tenant's "estimated charge", so all three agree.
//
// Billing model (the one lib/plans/proration.ts assumes): plans are paid IN ADVANCE, usage IN
// ARREARS. The invoice for the period [start, end) that just ended carries
//   - plan: the plan's price for the NEXT period [end, next end) — monthly or yearly price by the
//     tenant's interval (plan changes were already settled by proration adjustments);
//   - sms_overage: SMS segments used in [start, end) beyond the allowance, at the plan's overage
//     price. The allowance is plan.includedSms per month: × 12 on a yearly plan;
//   - addon:<id>: each active recurring feature add-on, at its price in the tenant's currency, for
//     the next period (its price is monthly: quantity 12 on a yearly plan);
//   - purchase:<id>: add-ons bought on account not yet invoiced (status pending or fulfilled);
//   - adjustment:<id>: pending proration and manual adjustments (signed).
// A price missing in the tenant's currency, or an amount in another currency, is an error: the
// tenant's invoice fails (and is retried on the next run) rather than silently under-billing.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  platformAddonPrices,
  platformAddonPurchases,
  platformAddons,
  platformBillingAdjustments,
  platformTenantAddons,
} from "@/db/schema";
import type { invoiceLineKind } from "@/db/schema/billing";
import { smsSegmentsInPeriod } from "@/lib/billing/usage/queries";
import { AppError } from "@/lib/errors";
import type { Plan } from "@/lib/plans/queries";
import type { Tenant } from "@/lib/tenants/queries";
import { lineAmount } from "../invoices/totals";
import { formatPeriod, nextPeriod } from "./periods";

export type LineKind = (typeof invoiceLineKind.enumValues)[number];

export type DraftLine = {
  kind: LineKind;
  description: string;
  quantity: number;
  unitAmountMinor: number;
  amountMinor: number;
  sourceKey: string;
};

export type CycleCharges = {
  lines: DraftLine[];
  /** On-account purchases and adjustments these lines bill: stamped with the invoice id. */
  purchaseIds: string[];
  adjustmentIds: string[];
  sms: { used: number; included: number; over: number };
};

export type BillingPeriod = { start: Date; end: Date };

type BillableTenant = Pick<Tenant, "id" | "name" | "currency" | "billingInterval">;

export function includedSmsFor(plan: Pick<Plan, "includedSms">, interval: Tenant["billingInterval"]): number {
  return plan.includedSms * (interval === "yearly" ? 12 : 1);
}

export function planLine(plan: Plan, tenant: BillableTenant, period: BillingPeriod): DraftLine {
  const next = nextPeriod(period.start, period.end, tenant.billingInterval);
  const price = tenant.billingInterval === "yearly" ? plan.yearlyPriceMinor : plan.monthlyPriceMinor;
  return {
    kind: "plan",
    description: `${plan.name} plan, ${tenant.billingInterval}, ${formatPeriod(next.start, next.end)}`,
    quantity: 1,
    unitAmountMinor: price,
    amountMinor: price,
    sourceKey: "plan",
  };
}

/** The overage line (null when within the allowance) and the numbers behind it. */
export async function smsOverage(
  db: Queryable,
  plan: Plan,
  tenant: BillableTenant,
  period: BillingPeriod,
): Promise<{ line: DraftLine | null; used: number; included: number; over: number }> {
  const used = await smsSegmentsInPeriod(db, { tenantId: tenant.id, start: period.start, end: period.end });
  const included = includedSmsFor(plan, tenant.billingInterval);
  const over = Math.max(0, used - included);
  const line: DraftLine | null =
    over > 0 && plan.smsOveragePriceMinor > 0
      ? {
          kind: "sms_overage",
          description: `SMS beyond the ${included} included: ${over} of ${used} segments, ${formatPeriod(period.start, period.end)}`,
          quantity: over,
          unitAmountMinor: plan.smsOveragePriceMinor,
          amountMinor: lineAmount(over, plan.smsOveragePriceMinor),
          sourceKey: "sms_overage",
        }
      : null;
  return { line, used, included, over };
}

async function recurringAddonLines(db: Queryable, tenant: BillableTenant): Promise<DraftLine[]> {
  const rows = await db
    .select({ id: platformAddons.id, name: platformAddons.name, price: platformAddonPrices.amountMinor })
    .from(platformTenantAddons)
    .innerJoin(platformAddons, eq(platformAddons.id, platformTenantAddons.addonId))
    .leftJoin(
      platformAddonPrices,
      and(
        eq(platformAddonPrices.addonId, platformAddons.id),
        eq(platformAddonPrices.currency, tenant.currency),
      ),
    )
    .where(
      and(
        eq(platformTenantAddons.tenantId, tenant.id),
        eq(platformTenantAddons.active, true),
        eq(platformAddons.kind, "feature"),
        eq(platformAddons.billing, "recurring"),
      ),
    )
    .orderBy(asc(platformAddons.sortOrder), asc(platformAddons.code));
  const months = tenant.billingInterval === "yearly" ? 12 : 1;
  return rows.map((r) => {
    if (r.price === null) {
      throw new AppError(
        "CONFLICT",
        `${r.name} has no price in ${tenant.currency}; ${tenant.name} cannot be billed.`,
      );
    }
    return {
      kind: "addon",
      description: months === 1 ? r.name : `${r.name} (${months} months)`,
      quantity: months,
      unitAmountMinor: r.price,
      amountMinor: lineAmount(months, r.price),
      sourceKey: `addon:${r.id}`,
    };
  });
}

async function onAccountPurchaseLines(
  db: Queryable,
  tenant: BillableTenant,
): Promise<{ lines: DraftLine[]; ids: string[] }> {
  const rows = await db
    .select({
      id: platformAddonPurchases.id,
      name: platformAddons.name,
      quantity: platformAddonPurchases.quantity,
      amountMinor: platformAddonPurchases.amountMinor,
      currency: platformAddonPurchases.currency,
    })
    .from(platformAddonPurchases)
    .innerJoin(platformAddons, eq(platformAddons.id, platformAddonPurchases.addonId))
    .where(
      and(
        eq(platformAddonPurchases.tenantId, tenant.id),
        eq(platformAddonPurchases.onAccount, true),
        isNull(platformAddonPurchases.invoiceId),
        inArray(platformAddonPurchases.status, ["pending", "fulfilled"]),
      ),
    )
    .orderBy(asc(platformAddonPurchases.createdAt), asc(platformAddonPurchases.id));
  for (const r of rows) {
    if (r.currency !== tenant.currency) {
      throw new AppError("CONFLICT", `A purchase of ${r.name} is in ${r.currency}, not ${tenant.currency}.`);
    }
  }
  return {
    ids: rows.map((r) => r.id),
    lines: rows.map((r) => ({
      kind: "addon" as const,
      description: `${r.name} × ${r.quantity} (bought on account)`,
      quantity: 1,
      unitAmountMinor: r.amountMinor,
      amountMinor: r.amountMinor,
      sourceKey: `purchase:${r.id}`,
    })),
  };
}

async function pendingAdjustmentLines(
  db: Queryable,
  tenant: BillableTenant,
): Promise<{ lines: DraftLine[]; ids: string[] }> {
  const rows = await db
    .select()
    .from(platformBillingAdjustments)
    .where(
      and(eq(platformBillingAdjustments.tenantId, tenant.id), isNull(platformBillingAdjustments.invoicedAt)),
    )
    .orderBy(
      asc(platformBillingAdjustments.createdAt),
      asc(platformBillingAdjustments.kind),
      asc(platformBillingAdjustments.id),
    );
  for (const r of rows) {
    if (r.currency !== tenant.currency) {
      throw new AppError(
        "CONFLICT",
        `Adjustment "${r.description}" is in ${r.currency}, not ${tenant.currency}.`,
      );
    }
  }
  return {
    ids: rows.map((r) => r.id),
    lines: rows.map((r) => ({
      kind: r.kind === "manual" ? ("adjustment" as const) : ("proration" as const),
      description: r.description,
      quantity: 1,
      unitAmountMinor: r.amountMinor,
      amountMinor: r.amountMinor,
      sourceKey: `adjustment:${r.id}`,
    })),
  };
}

/** Every line of the cycle invoice for `period`, in invoice order. Reads only. */
export async function buildCycleCharges(
  db: Queryable,
  opts: { tenant: BillableTenant; plan: Plan; period: BillingPeriod },
): Promise<CycleCharges> {
  const { tenant, plan, period } = opts;
  if (plan.currency !== tenant.currency) {
    throw new AppError(
      "CONFLICT",
      `${plan.name} is priced in ${plan.currency}, but ${tenant.name} is billed in ${tenant.currency}.`,
    );
  }
  const overage = await smsOverage(db, plan, tenant, period);
  const addons = await recurringAddonLines(db, tenant);
  const purchases = await onAccountPurchaseLines(db, tenant);
  const adjustments = await pendingAdjustmentLines(db, tenant);
  const lines = [planLine(plan, tenant, period)];
  if (overage.line) lines.push(overage.line);
  lines.push(...addons, ...purchases.lines, ...adjustments.lines);
  return {
    lines,
    purchaseIds: purchases.ids,
    adjustmentIds: adjustments.ids,
    sms: { used: overage.used, included: overage.included, over: overage.over },
  };
}
