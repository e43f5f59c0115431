import {
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { platformPlans } from "./plans";
import { users } from "./users";

export const tenantStatus = pgEnum("tenant_status", ["trial", "active", "past_due", "suspended", "deleted"]);
export const tenantRole = pgEnum("tenant_role", ["owner", "manager", "staff"]);
export const billingInterval = pgEnum("billing_interval", ["monthly", "yearly"]);

/** A hotel. `slug` is its subdomain. */
export const platformTenants = pgTable(
  "platform_tenants",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    status: tenantStatus().notNull().default("trial"),
    planId: uuid().references(() => platformPlans.id),
    ownerUserId: uuid().references(() => users.id),
    contactEmail: text(),
    contactPhone: text(),
    country: text().notNull().default("US"),
    currency: text().notNull().default("USD"),
    timezone: text().notNull().default("UTC"),
    locale: text().notNull().default("en"),
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    billingInterval: billingInterval().notNull().default("monthly"),
    /** The current billing period [start, end); proration and the billing cycle read it. */
    currentPeriodStart: timestamp({ withTimezone: true }),
    currentPeriodEnd: timestamp({ withTimezone: true }),
    /** Set by the payments module when a card or mandate is on file; trial expiry reads it. */
    hasPaymentMethod: boolean().notNull().default(false),
    /** Overrides the payment provider chosen by currency (Paystack for NGN/GHS/KES/ZAR, else Stripe). */
    paymentProvider: text({ enum: ["stripe", "paystack"] }),
    trialEndsAt: timestamp({ withTimezone: true }),
    suspendedAt: timestamp({ withTimezone: true }),
    suspensionReason: text(),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_tenants_slug_key").on(t.slug),
    index("platform_tenants_status_idx").on(t.status),
  ],
);

/** Membership of a user in a tenant, with the tenant role. Row-level security applies. */
export const tenantMembers = pgTable(
  "tenant_members",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: tenantRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenant_members_tenant_user_key").on(t.tenantId, t.userId),
    index("tenant_members_user_idx").on(t.userId),
  ],
);
