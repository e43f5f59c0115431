import { boolean, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { platformTenants } from "./tenants";

export const navScope = pgEnum("nav_scope", ["console", "portal"]);

/** The one source of truth for both menus: the console's and every tenant portal's. */
export const platformNavItems = pgTable(
  "platform_nav_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    scope: navScope().notNull(),
    key: text().notNull(),
    label: text().notNull(),
    href: text().notNull(),
    icon: text().notNull().default("circle"),
    parentKey: text(),
    sortOrder: integer().notNull().default(0),
    /** Roles that see the item (platform roles for the console, tenant roles for portals); empty = everyone. */
    roles: text().array().notNull().default([]),
    featureFlag: text(),
    planFeature: text(),
    isActive: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_nav_items_scope_key").on(t.scope, t.key)],
);

/** A tenant's changes to its portal menu: hide, rename, reorder. Row-level security applies. */
export const tenantNavOverrides = pgTable(
  "tenant_nav_overrides",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    itemKey: text().notNull(),
    hidden: boolean().notNull().default(false),
    label: text(),
    sortOrder: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tenant_nav_overrides_tenant_item_key").on(t.tenantId, t.itemKey)],
);
