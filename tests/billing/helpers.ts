// Billing fixtures: plans with prices, tenants in a given billing period, usage, and a few reads.
import { randomBytes } from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  platformInvoiceLines,
  platformInvoices,
  platformPlans,
  platformTenants,
  platformUsageEvents,
} from "@/db/schema";
import type { Plan } from "@/lib/plans/queries";
import type { Tenant } from "@/lib/tenants/queries";

const tag = () => randomBytes(4).toString("hex");

export async function makePlan(
  db: Queryable,
  opts: Partial<
    Pick<
      Plan,
      "currency" | "monthlyPriceMinor" | "yearlyPriceMinor" | "includedSms" | "smsOveragePriceMinor" | "name"
    >
  > = {},
): Promise<Plan> {
  const code = `plan-${tag()}`;
  const [row] = await db
    .insert(platformPlans)
    .values({
      code,
      name: opts.name ?? "Pro",
      currency: opts.currency ?? "USD",
      monthlyPriceMinor: opts.monthlyPriceMinor ?? 4900,
      yearlyPriceMinor: opts.yearlyPriceMinor ?? 49000,
      includedSms: opts.includedSms ?? 0,
      smsOveragePriceMinor: opts.smsOveragePriceMinor ?? 0,
    })
    .returning();
  if (!row) throw new Error("makePlan: no row");
  return row;
}

export async function makeBillableTenant(
  db: Queryable,
  opts: {
    plan: Plan | null;
    start: Date;
    end: Date;
    interval?: "monthly" | "yearly";
    status?: Tenant["status"];
    country?: string;
    currency?: string;
    name?: string;
  },
): Promise<Tenant> {
  const slug = `hotel-${tag()}`;
  const [row] = await db
    .insert(platformTenants)
    .values({
      slug,
      name: opts.name ?? slug,
      status: opts.status ?? "active",
      planId: opts.plan?.id ?? null,
      country: opts.country ?? "US",
      currency: opts.currency ?? opts.plan?.currency ?? "USD",
      billingInterval: opts.interval ?? "monthly",
      currentPeriodStart: opts.start,
      currentPeriodEnd: opts.end,
    })
    .returning();
  if (!row) throw new Error("makeBillableTenant: no row");
  return row;
}

export async function addSmsUsage(
  db: Queryable,
  tenantId: string,
  quantity: number,
  at: Date,
): Promise<void> {
  await db.insert(platformUsageEvents).values({
    tenantId,
    metric: "sms_segments",
    quantity,
    occurredAt: at,
    idempotencyKey: `test:${tag()}`,
  });
}

/** Takes every billable tenant out of the cycle, so a test's run sees only the tenants it makes. */
export async function retireBillableTenants(db: Queryable): Promise<void> {
  await db
    .update(platformTenants)
    .set({ status: "suspended" })
    .where(inArray(platformTenants.status, ["active", "past_due"]));
}

export async function invoicesOf(db: Queryable, tenantId: string) {
  return db
    .select()
    .from(platformInvoices)
    .where(eq(platformInvoices.tenantId, tenantId))
    .orderBy(asc(platformInvoices.periodStart));
}

export async function linesOf(db: Queryable, invoiceId: string) {
  const rows = await db
    .select()
    .from(platformInvoiceLines)
    .where(eq(platformInvoiceLines.invoiceId, invoiceId))
    .orderBy(sql`${platformInvoiceLines.kind}`, asc(platformInvoiceLines.sourceKey));
  return rows.map((l) => ({
    kind: l.kind,
    quantity: l.quantity,
    unit: l.unitAmountMinor,
    amount: l.amountMinor,
    key: l.sourceKey,
  }));
}

export async function tenantRow(db: Queryable, id: string): Promise<Tenant> {
  const [row] = await db.select().from(platformTenants).where(eq(platformTenants.id, id));
  if (!row) throw new Error("tenant not found");
  return row;
}

export const utc = (iso: string) => new Date(iso);
