import { sql } from "drizzle-orm";
import {
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** What happens when a trial ends: become a paying tenant (needs a payment method) or be suspended. */
export const trialEndAction = pgEnum("trial_end_action", ["activate", "suspend"]);

/** Minimal plan catalogue; prices are integer minor units with a currency code. */
export const platformPlans = pgTable(
  "platform_plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    currency: text().notNull().default("USD"),
    monthlyPriceMinor: integer().notNull().default(0),
    yearlyPriceMinor: integer().notNull().default(0),
    includedSms: integer().notNull().default(0),
    smsOveragePriceMinor: integer().notNull().default(0),
    limits: jsonb().$type<Record<string, number>>().notNull().default({}),
    features: text().array().notNull().default([]),
    trialDays: integer().notNull().default(14),
    /** SMS credits granted once when a tenant starts a trial on this plan. */
    trialSmsCredits: integer().notNull().default(0),
    trialEndAction: trialEndAction().notNull().default("suspend"),
    /** The plan self-service signups get. At most one (partial unique index). */
    isDefault: boolean().notNull().default(false),
    isPublic: boolean().notNull().default(true),
    isActive: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_plans_code_key").on(t.code),
    uniqueIndex("platform_plans_one_default").on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);
