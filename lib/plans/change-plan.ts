// Changing a tenant's plan (upgrade, downgrade, monthly↔yearly): one transaction records the plan
// change, its proration as pending billing adjustments (the billing cycle puts them on the next
// invoice), the tenant's new plan/interval/period and the audit row. The numbers come from
// ./preview-plan-change.ts, recomputed under the tenant's row lock.
import { eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformBillingAdjustments, platformPlanChanges, platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { sendEvent } from "@/lib/jobs/send-event";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Tenant } from "@/lib/tenants/queries";
import {
  buildPreview,
  limitBlockError,
  type PlanChangeInput,
  type PlanChangePreview,
  planChangeInputSchema,
  tenantNotFound,
} from "./preview-plan-change";
import type { BillingAdjustment, PlanChange } from "./queries";

export {
  type AdjustmentLine,
  type LimitBlock,
  limitBlockError,
  type PlanChangeInput,
  type PlanChangePreview,
  type PlanChangePreviewView,
  previewPlanChange,
  toPreviewView,
} from "./preview-plan-change";

export type PlanChangeResult = {
  tenant: Tenant;
  planChange: PlanChange;
  adjustments: BillingAdjustment[];
  preview: PlanChangePreview;
};

async function applyPlanChange(tx: Tx, input: PlanChangeInput & { actor: Actor }): Promise<PlanChangeResult> {
  // Lock the tenant: two changes at once would both prorate the same period.
  const [tenant] = await tx
    .select()
    .from(platformTenants)
    .where(eq(platformTenants.id, input.tenantId))
    .for("update")
    .limit(1);
  if (!tenant || tenant.status === "deleted") throw tenantNotFound();
  const preview = await buildPreview(tx, tenant, input);
  if (preview.blockedBy.length > 0) throw limitBlockError(preview);

  const [planChange] = await tx
    .insert(platformPlanChanges)
    .values({
      tenantId: tenant.id,
      fromPlanId: preview.fromPlan?.id ?? null,
      toPlanId: preview.toPlan.id,
      fromInterval: preview.fromInterval,
      toInterval: preview.toInterval,
      effectiveAt: preview.at,
      creditMinor: preview.creditMinor,
      chargeMinor: preview.chargeMinor,
      currency: preview.currency,
      actorUserId: input.actor.userId,
    })
    .returning();
  if (!planChange) throw new Error("insert returned no row");
  const adjustments = preview.lines.length
    ? await tx
        .insert(platformBillingAdjustments)
        .values(
          preview.lines.map((line) => ({
            tenantId: tenant.id,
            kind: line.kind,
            description: line.description,
            amountMinor: line.amountMinor,
            currency: preview.currency,
            planChangeId: planChange.id,
          })),
        )
        .returning()
    : [];
  const [after] = await tx
    .update(platformTenants)
    .set({
      planId: preview.toPlan.id,
      billingInterval: preview.toInterval,
      currentPeriodStart: preview.newPeriod?.start ?? tenant.currentPeriodStart,
      currentPeriodEnd: preview.newPeriod?.end ?? tenant.currentPeriodEnd,
      updatedAt: new Date(),
    })
    .where(eq(platformTenants.id, tenant.id))
    .returning();
  if (!after) throw new Error("update returned no row");
  const planFields = (t: Tenant, code: string | null) => ({
    plan: code,
    interval: t.billingInterval,
    currentPeriodStart: t.currentPeriodStart,
    currentPeriodEnd: t.currentPeriodEnd,
  });
  await recordAudit(tx, {
    actor: input.actor,
    tenantId: tenant.id,
    action: "tenant.plan.change",
    targetType: "tenant",
    targetId: tenant.id,
    before: planFields(tenant, preview.fromPlan?.code ?? null),
    after: planFields(after, preview.toPlan.code),
    details: {
      planChangeId: planChange.id,
      currency: preview.currency,
      creditMinor: preview.creditMinor,
      chargeMinor: preview.chargeMinor,
      netMinor: preview.netMinor,
    },
  });
  return { tenant: after, planChange, adjustments, preview };
}

/**
 * Moves the tenant to another plan and/or interval: one transaction (tenant row locked) writes the
 * plan change, its pending adjustments, the tenant's new plan/interval/period and the audit row;
 * then `tenant/plan.changed` is sent. Refused for archived plans, plans in another currency, the
 * current plan and interval, and downgrades below what the tenant already uses.
 */
export async function changeTenantPlan(
  db: Queryable,
  input: PlanChangeInput & { actor: Actor },
): Promise<PlanChangeResult> {
  const request = planChangeInputSchema.parse(input);
  const result = await withTenant(db, input.tenantId, (tx) => applyPlanChange(tx, { ...input, ...request }));
  try {
    await sendEvent({
      name: "tenant/plan.changed",
      id: `tenant-plan-changed-${result.planChange.id}`,
      data: {
        tenantId: result.tenant.id,
        fromPlanId: result.planChange.fromPlanId,
        toPlanId: result.planChange.toPlanId,
        interval: result.planChange.toInterval,
      },
    });
  } catch (error) {
    // The change has committed; a lost notification must not make the user retry it.
    console.error("[plans] tenant/plan.changed not sent after commit", error);
  }
  return result;
}
