// Console > Billing > Settings: tax rates per country and the billing settings row (draft grace,
// payment terms, dunning schedule). Every change is audited with its before and after. The
// invoicing code reads them through lib/billing/invoices/settings.ts (taxRateFor, getBillingSettings).
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformBillingSettings, platformTaxRates } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { countrySchema } from "@/lib/tenants/schemas";
import { type BillingSettings, getBillingSettings } from "./invoices/settings";

export { type BillingSettings, getBillingSettings };
export type TaxRate = typeof platformTaxRates.$inferSelect;

/** Basis points in a percentage: 100% = 10,000 bps. */
const MAX_RATE_BPS = 10_000;

/**
 * "7.5" → 750 without floats: a percentage with at most two decimals is an exact number of basis
 * points. Null for anything else.
 */
export function percentToBps(percent: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 750 → "7.5", 1000 → "10", 5 → "0.05": the form's and the tables' spelling of a rate. */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

const countryField = z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), countrySchema);

export const taxRateInputSchema = z.object({
  country: countryField,
  label: z.string().trim().min(1, "Name the tax, e.g. VAT.").max(60, "At most 60 characters."),
  /** A percentage as typed: "7.5" means 7.5 %. */
  ratePercent: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const bps = percentToBps(v);
      if (bps === null || bps > MAX_RATE_BPS) {
        ctx.addIssue({ code: "custom", message: "A percentage from 0 to 100, at most two decimals (7.5)." });
        return z.NEVER;
      }
      return bps;
    }),
});
export type TaxRateInput = z.input<typeof taxRateInputSchema>;

export const taxRateKeySchema = z.object({ country: countryField });

/** A whole number typed in a form ("14") or sent as one (14); "" is missing, not zero. */
const days = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (/^\s*\d+\s*$/.test(v) ? Number(v) : v.trim() || undefined) : v),
    z
      .number({ error: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(0, `${label} cannot be negative.`)
      .max(max, `${label} is at most ${max}.`),
  );

/** "1, 3, 7" (the form) or [1, 3, 7] → [1, 3, 7], sorted and without repeats. */
const reminderDaysField = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((d) => (/^\d+$/.test(d) ? Number(d) : d))
      : v,
  z
    .array(
      z
        .number({ error: "Reminder days are whole numbers, e.g. 1, 3, 7." })
        .int("Reminder days are whole numbers, e.g. 1, 3, 7.")
        .min(1, "Reminders go out 1 day after the due date at the earliest.")
        .max(365, "Reminders go out within a year of the due date."),
    )
    .max(10, "At most 10 reminders.")
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
);

export const billingSettingsInputSchema = z
  .object({
    draftGraceHours: days("The draft grace period", 168),
    paymentTermsDays: days("The payment terms", 365),
    reminderDays: reminderDaysField,
    pastDueAfterDays: days("Days before past due", 365),
    suspendAfterDays: days("Days before suspension", 365),
  })
  .refine((s) => s.suspendAfterDays > s.pastDueAfterDays, {
    path: ["suspendAfterDays"],
    message: "Suspension must come after the hotel is marked past due.",
  });
export type BillingSettingsInput = z.input<typeof billingSettingsInputSchema>;

export async function listTaxRates(db: Queryable): Promise<TaxRate[]> {
  return db.select().from(platformTaxRates).orderBy(asc(platformTaxRates.country));
}

async function findTaxRate(db: Queryable, country: string): Promise<TaxRate | null> {
  const [row] = await db.select().from(platformTaxRates).where(eq(platformTaxRates.country, country));
  return row ?? null;
}

const auditView = (r: TaxRate) => ({ label: r.label, rateBps: r.rateBps });

/** Adds a country's rate; a second rate for the same country is refused (edit the first). */
export async function createTaxRate(db: Queryable, input: TaxRateInput & { actor: Actor }): Promise<TaxRate> {
  const data = taxRateInputSchema.parse(input);
  // The rate and its audit row commit together.
  return db.transaction(async (tx) => {
    if (await findTaxRate(tx, data.country)) {
      throw new AppError("CONFLICT", `${data.country} already has a tax rate: edit it instead.`, {
        field: "country",
      });
    }
    const [row] = await tx
      .insert(platformTaxRates)
      .values({ country: data.country, label: data.label, rateBps: data.ratePercent })
      .returning();
    if (!row) throw new Error("tax rate insert returned no row");
    await recordAudit(tx, {
      actor: input.actor,
      action: "billing.tax_rate.create",
      targetType: "tax_rate",
      targetId: row.country,
      after: auditView(row),
    });
    return row;
  });
}

/** Changes a country's label or rate. Invoices already issued keep the rate they were issued with. */
export async function updateTaxRate(db: Queryable, input: TaxRateInput & { actor: Actor }): Promise<TaxRate> {
  const data = taxRateInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await findTaxRate(tx, data.country);
    if (!before) throw new AppError("NOT_FOUND", `${data.country} has no tax rate.`, { field: "country" });
    const [row] = await tx
      .update(platformTaxRates)
      .set({ label: data.label, rateBps: data.ratePercent, updatedAt: new Date() })
      .where(eq(platformTaxRates.country, data.country))
      .returning();
    if (!row) throw new Error("tax rate vanished");
    await recordAudit(tx, {
      actor: input.actor,
      action: "billing.tax_rate.update",
      targetType: "tax_rate",
      targetId: row.country,
      before: auditView(before),
      after: auditView(row),
    });
    return row;
  });
}

/** Removes a country's rate: its hotels' next invoices carry no tax. */
export async function deleteTaxRate(
  db: Queryable,
  input: z.input<typeof taxRateKeySchema> & { actor: Actor },
): Promise<void> {
  const { country } = taxRateKeySchema.parse(input);
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(platformTaxRates).where(eq(platformTaxRates.country, country)).returning();
    if (!gone) throw new AppError("NOT_FOUND", `${country} has no tax rate.`, { field: "country" });
    await recordAudit(tx, {
      actor: input.actor,
      action: "billing.tax_rate.delete",
      targetType: "tax_rate",
      targetId: country,
      before: auditView(gone),
    });
  });
}

const settingsView = (s: BillingSettings) => ({
  draftGraceHours: s.draftGraceHours,
  paymentTermsDays: s.paymentTermsDays,
  reminderDays: s.reminderDays,
  pastDueAfterDays: s.pastDueAfterDays,
  suspendAfterDays: s.suspendAfterDays,
});

/**
 * Replaces the billing settings. They apply from the next invoice finalised and the next dunning
 * run; due dates already set stay as they are.
 */
export async function updateBillingSettings(
  db: Queryable,
  input: BillingSettingsInput & { actor: Actor },
): Promise<BillingSettings> {
  const data = billingSettingsInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await getBillingSettings(tx);
    // The migration inserts row 1; the upsert also restores it if someone removed it.
    const [row] = await tx
      .insert(platformBillingSettings)
      .values({ id: 1, ...data, updatedAt: new Date() })
      .onConflictDoUpdate({ target: platformBillingSettings.id, set: { ...data, updatedAt: new Date() } })
      .returning();
    if (!row) throw new Error("billing settings upsert returned no row");
    await recordAudit(tx, {
      actor: input.actor,
      action: "billing.settings.update",
      targetType: "billing_settings",
      targetId: "1",
      before: settingsView(before),
      after: settingsView(row),
    });
    return row;
  });
}
