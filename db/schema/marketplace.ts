import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { paymentProvider, platformInvoices } from "./billing";
import { platformTenants } from "./tenants";
import { users } from "./users";

export const addonKind = pgEnum("addon_kind", ["sms_bundle", "feature"]);
export const addonBilling = pgEnum("addon_billing", ["one_off", "recurring"]);

/** The add-on catalogue: SMS bundles (credits) and feature add-ons (a flag switched on for the tenant). */
export const platformAddons = pgTable(
  "platform_addons",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    kind: addonKind().notNull(),
    /** SMS bundles: credits granted per unit bought. */
    smsCredits: integer(),
    /** Feature add-ons: the flag key turned on for the buyer. */
    featureFlagKey: text(),
    billing: addonBilling().notNull().default("one_off"),
    isActive: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_addons_code_key").on(t.code)],
);

/** An add-on's price per currency, in that currency's minor units. */
export const platformAddonPrices = pgTable(
  "platform_addon_prices",
  {
    addonId: uuid()
      .notNull()
      .references(() => platformAddons.id, { onDelete: "cascade" }),
    currency: text().notNull(),
    amountMinor: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.addonId, t.currency] })],
);

export const purchaseStatus = pgEnum("purchase_status", [
  "pending",
  "fulfilled",
  "failed",
  "cancelled",
  "refunded",
]);

/** A tenant's order of an add-on; fulfilled exactly once when its payment succeeds. */
export const platformAddonPurchases = pgTable(
  "platform_addon_purchases",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    addonId: uuid()
      .notNull()
      .references(() => platformAddons.id),
    quantity: integer().notNull().default(1),
    amountMinor: integer().notNull(),
    currency: text().notNull(),
    status: purchaseStatus().notNull().default("pending"),
    /** Bought on account: billed on the next invoice instead of paid now. */
    onAccount: boolean().notNull().default(false),
    paymentProvider: paymentProvider(),
    invoiceId: uuid().references(() => platformInvoices.id, { onDelete: "set null" }),
    fulfilledAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("platform_addon_purchases_tenant_idx").on(t.tenantId, t.createdAt)],
);

/** Feature add-ons a tenant holds; recurring ones are billed every cycle while active. */
export const platformTenantAddons = pgTable(
  "platform_tenant_addons",
  {
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    addonId: uuid()
      .notNull()
      .references(() => platformAddons.id, { onDelete: "cascade" }),
    purchaseId: uuid().references(() => platformAddonPurchases.id, { onDelete: "set null" }),
    active: boolean().notNull().default(true),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.addonId] })],
);
