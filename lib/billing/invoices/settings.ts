import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformBillingSettings, platformTaxRates } from "@/db/schema";

export type BillingSettings = typeof platformBillingSettings.$inferSelect;

const defaults: BillingSettings = {
  id: 1,
  draftGraceHours: 24,
  paymentTermsDays: 14,
  reminderDays: [1, 3, 7],
  pastDueAfterDays: 1,
  suspendAfterDays: 14,
  updatedAt: new Date(0),
};

/** The singleton settings row (the migration inserts it); the defaults if it was removed. */
export async function getBillingSettings(db: Queryable): Promise<BillingSettings> {
  const [row] = await db.select().from(platformBillingSettings).where(eq(platformBillingSettings.id, 1));
  return row ?? defaults;
}

/** The tax rate for a country in basis points (750 = 7.5%); 0 when the table has no row for it. */
export async function taxRateFor(db: Queryable, country: string): Promise<number> {
  const [row] = await db
    .select({ rateBps: platformTaxRates.rateBps })
    .from(platformTaxRates)
    .where(eq(platformTaxRates.country, country.toUpperCase()))
    .limit(1);
  return row?.rateBps ?? 0;
}

/** `date` column value (YYYY-MM-DD, UTC) `days` after `at`. */
export function dueDateFrom(at: Date, days: number): string {
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
