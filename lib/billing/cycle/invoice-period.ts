// Invoicing one tenant's ended period: everything in ONE transaction, so an invoice, its lines,
// the stamps on what it bills and the tenant's next period commit together or not at all.
// Exactly once per (tenant, period): the tenant row is locked (a concurrent run waits, then sees the
// advanced period), and the unique index on (tenant_id, period_start) WHERE kind = 'cycle' is the
// backstop — a second insert for the same period does nothing and the existing invoice is returned.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import {
  platformAddonPurchases,
  platformBillingAdjustments,
  platformInvoiceLines,
  platformInvoices,
  platformPlans,
  platformTenants,
} from "@/db/schema";
import { type Actor, systemActor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { nextInvoiceNumber } from "@/lib/billing/invoices/number";
import { getBillingSettings, taxRateFor } from "@/lib/billing/invoices/settings";
import { type Invoice, settleInvoiceTotals } from "@/lib/billing/invoices/settle";
import type { Tenant } from "@/lib/tenants/queries";
import { buildCycleCharges } from "./lines";
import { nextPeriod } from "./periods";

export const BILLABLE_STATUSES = ["active", "past_due"] as const satisfies readonly Tenant["status"][];

export type InvoiceTenantResult =
  | { outcome: "invoiced"; invoiceId: string; number: string; totalMinor: number; currency: string }
  | { outcome: "existing"; invoiceId: string; number: string }
  | { outcome: "not_due" };

const cycleActor = systemActor("billing-cycle");

function isDue(
  tenant: Tenant,
  asOf: Date,
): tenant is Tenant & { planId: string; currentPeriodStart: Date; currentPeriodEnd: Date } {
  const billable: readonly string[] = BILLABLE_STATUSES;
  return (
    billable.includes(tenant.status) &&
    tenant.planId !== null &&
    tenant.currentPeriodStart !== null &&
    tenant.currentPeriodEnd !== null &&
    tenant.currentPeriodEnd.getTime() <= asOf.getTime()
  );
}

async function insertCycleInvoice(
  tx: Tx,
  values: typeof platformInvoices.$inferInsert,
): Promise<Invoice | null> {
  const [row] = await tx
    .insert(platformInvoices)
    .values(values)
    .onConflictDoNothing({
      target: [platformInvoices.tenantId, platformInvoices.periodStart],
      where: sql.raw("kind = 'cycle'"),
    })
    .returning();
  return row ?? null;
}

async function bill(tx: Tx, tenantId: string, asOf: Date, actor: Actor): Promise<InvoiceTenantResult> {
  const [tenant] = await tx
    .select()
    .from(platformTenants)
    .where(eq(platformTenants.id, tenantId))
    .for("update")
    .limit(1);
  if (!tenant || !isDue(tenant, asOf)) return { outcome: "not_due" };
  const period = { start: tenant.currentPeriodStart, end: tenant.currentPeriodEnd };
  const [plan] = await tx.select().from(platformPlans).where(eq(platformPlans.id, tenant.planId)).limit(1);
  if (!plan) throw new Error(`tenant ${tenant.id} has a plan id with no plan`);

  const settings = await getBillingSettings(tx);
  const invoice = await insertCycleInvoice(tx, {
    tenantId: tenant.id,
    number: await nextInvoiceNumber(tx, asOf),
    kind: "cycle",
    status: "draft",
    periodStart: period.start,
    periodEnd: period.end,
    currency: tenant.currency,
    taxRateBps: await taxRateFor(tx, tenant.country),
    finalizeAfter: new Date(period.end.getTime() + settings.draftGraceHours * 3_600_000),
  });
  if (!invoice) {
    const [existing] = await tx
      .select({ id: platformInvoices.id, number: platformInvoices.number })
      .from(platformInvoices)
      .where(
        and(
          eq(platformInvoices.tenantId, tenant.id),
          eq(platformInvoices.periodStart, period.start),
          eq(platformInvoices.kind, "cycle"),
        ),
      )
      .limit(1);
    if (!existing) throw new Error("cycle invoice conflict without an existing invoice");
    return { outcome: "existing", invoiceId: existing.id, number: existing.number };
  }

  const charges = await buildCycleCharges(tx, { tenant, plan, period });
  await tx
    .insert(platformInvoiceLines)
    .values(charges.lines.map((line) => ({ ...line, invoiceId: invoice.id, tenantId: tenant.id })));
  const now = new Date();
  if (charges.purchaseIds.length > 0) {
    await tx
      .update(platformAddonPurchases)
      .set({ invoiceId: invoice.id, updatedAt: now })
      .where(inArray(platformAddonPurchases.id, charges.purchaseIds));
  }
  if (charges.adjustmentIds.length > 0) {
    await tx
      .update(platformBillingAdjustments)
      .set({ invoiceId: invoice.id, invoicedAt: now })
      .where(inArray(platformBillingAdjustments.id, charges.adjustmentIds));
  }
  const settled = await settleInvoiceTotals(tx, invoice);

  const next = nextPeriod(period.start, period.end, tenant.billingInterval);
  await tx
    .update(platformTenants)
    .set({ currentPeriodStart: next.start, currentPeriodEnd: next.end, updatedAt: now })
    .where(eq(platformTenants.id, tenant.id));
  await recordAudit(tx, {
    actor,
    tenantId: tenant.id,
    action: "billing.invoice.create",
    targetType: "invoice",
    targetId: settled.id,
    after: {
      number: settled.number,
      kind: "cycle",
      periodStart: period.start,
      periodEnd: period.end,
      currency: settled.currency,
      totalMinor: settled.totalMinor,
    },
    details: { nextPeriodStart: next.start, nextPeriodEnd: next.end, sms: charges.sms },
  });
  return {
    outcome: "invoiced",
    invoiceId: settled.id,
    number: settled.number,
    totalMinor: settled.totalMinor,
    currency: settled.currency,
  };
}

/**
 * Bills the tenant's current period if it has ended by `asOf` (status active or past_due, with a
 * plan): a draft cycle invoice, then the period moves on by one interval. Safe to call again and
 * concurrently: the same period is never invoiced twice and the period never advances twice.
 */
export async function invoiceTenantPeriod(
  db: Queryable,
  opts: { tenantId: string; asOf: Date; actor?: Actor },
): Promise<InvoiceTenantResult> {
  return db.transaction((tx) => bill(tx, opts.tenantId, opts.asOf, opts.actor ?? cycleActor));
}
