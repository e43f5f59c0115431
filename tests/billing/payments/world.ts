// The world payment tests need, inserted directly: a tenant with a currency, open invoices,
// add-ons with prices and purchases, a feature flag. Amounts are minor units.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  platformAddonPurchases,
  platformAddons,
  platformAuditStream,
  platformFeatureFlagOverrides,
  platformFeatureFlags,
  platformInvoices,
  platformPayments,
  platformSmsCreditLedger,
  platformTenants,
} from "@/db/schema";
import type { PaymentsConfig } from "@/lib/billing/payments/config";
import { getCreditBalance } from "@/lib/credits/queries";
import type { Tenant } from "@/lib/tenants/queries";
import { createTenant } from "@/tests/helpers/fixtures";

const tag = () => randomBytes(4).toString("hex");

export const embeddedConfig: PaymentsConfig = {
  stripe: null,
  paystack: null,
  rootDomain: "localhost:3000",
  protocol: "http",
};

export async function createBillingTenant(
  db: Queryable,
  opts: { currency?: string; paymentProvider?: "stripe" | "paystack" | null; contactEmail?: string } = {},
): Promise<Tenant> {
  const tenant = await createTenant(db);
  const [row] = await db
    .update(platformTenants)
    .set({
      currency: opts.currency ?? "USD",
      paymentProvider: opts.paymentProvider ?? null,
      contactEmail: opts.contactEmail ?? `owner-${tag()}@example.test`,
    })
    .where(eq(platformTenants.id, tenant.id))
    .returning();
  if (!row) throw new Error("tenant vanished");
  return row;
}

export async function createInvoice(
  db: Queryable,
  tenant: Pick<Tenant, "id" | "currency">,
  opts: { totalMinor: number; status?: "draft" | "open" | "paid" | "void"; amountPaidMinor?: number },
) {
  const start = new Date("2026-01-01T00:00:00Z");
  const [row] = await db
    .insert(platformInvoices)
    .values({
      tenantId: tenant.id,
      number: `HRT-TEST-${tag()}`,
      kind: "manual",
      status: opts.status ?? "open",
      periodStart: start,
      periodEnd: new Date("2026-02-01T00:00:00Z"),
      currency: tenant.currency,
      subtotalMinor: opts.totalMinor,
      totalMinor: opts.totalMinor,
      amountPaidMinor: opts.amountPaidMinor ?? 0,
      finalizeAfter: start,
      dueDate: "2026-02-15",
    })
    .returning();
  if (!row) throw new Error("invoice insert returned no row");
  return row;
}

export async function getInvoice(db: Queryable, id: string) {
  const [row] = await db.select().from(platformInvoices).where(eq(platformInvoices.id, id));
  if (!row) throw new Error("invoice vanished");
  return row;
}

export async function paymentsOf(db: Queryable, tenantId: string) {
  return db.select().from(platformPayments).where(eq(platformPayments.tenantId, tenantId));
}

export async function createSmsBundle(db: Queryable, opts: { credits: number }) {
  const [row] = await db
    .insert(platformAddons)
    .values({
      code: `sms-${tag()}`,
      name: `SMS ${opts.credits}`,
      kind: "sms_bundle",
      smsCredits: opts.credits,
    })
    .returning();
  if (!row) throw new Error("addon insert returned no row");
  return row;
}

export async function createFeatureAddon(db: Queryable) {
  const key = `addon_feature_${tag()}`;
  await db.insert(platformFeatureFlags).values({ key, description: "Sold as an add-on" });
  const [row] = await db
    .insert(platformAddons)
    .values({ code: `feat-${tag()}`, name: "Channel manager", kind: "feature", featureFlagKey: key })
    .returning();
  if (!row) throw new Error("addon insert returned no row");
  return row;
}

export async function createPurchase(
  db: Queryable,
  tenant: Pick<Tenant, "id" | "currency">,
  addon: { id: string },
  opts: { amountMinor: number; quantity?: number },
) {
  const [row] = await db
    .insert(platformAddonPurchases)
    .values({
      tenantId: tenant.id,
      addonId: addon.id,
      quantity: opts.quantity ?? 1,
      amountMinor: opts.amountMinor,
      currency: tenant.currency,
    })
    .returning();
  if (!row) throw new Error("purchase insert returned no row");
  return row;
}

export async function getPurchase(db: Queryable, id: string) {
  const [row] = await db.select().from(platformAddonPurchases).where(eq(platformAddonPurchases.id, id));
  if (!row) throw new Error("purchase vanished");
  return row;
}

export async function balanceOf(db: Queryable, tenantId: string): Promise<number> {
  return (await getCreditBalance(db, { tenantId })).balance;
}

export async function purchaseLedger(db: Queryable, tenantId: string) {
  const l = platformSmsCreditLedger;
  return db
    .select()
    .from(l)
    .where(and(eq(l.tenantId, tenantId), eq(l.reason, "purchase")));
}

export async function overrideOf(db: Queryable, tenantId: string, key: string) {
  const [row] = await db
    .select({ enabled: platformFeatureFlagOverrides.enabled })
    .from(platformFeatureFlagOverrides)
    .innerJoin(platformFeatureFlags, eq(platformFeatureFlags.id, platformFeatureFlagOverrides.flagId))
    .where(and(eq(platformFeatureFlagOverrides.tenantId, tenantId), eq(platformFeatureFlags.key, key)));
  return row ?? null;
}

export async function auditActions(db: Queryable, tenantId: string): Promise<string[]> {
  const rows = await db
    .select({ action: platformAuditStream.action })
    .from(platformAuditStream)
    .where(eq(platformAuditStream.tenantId, tenantId));
  return rows.map((r) => r.action);
}
