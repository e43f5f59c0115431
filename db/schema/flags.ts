import { boolean, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { platformTenants } from "./tenants";

/** One targeting rule; rules are evaluated in order and the first that matches decides. */
export type FlagRule =
  | { type: "tenants"; tenantIds: string[]; enabled: boolean }
  | { type: "plans"; planCodes: string[]; enabled: boolean }
  | { type: "percentage"; basisPoints: number };

/** Feature flags: kill switch → per-tenant override → ordered rules → default. */
export const platformFeatureFlags = pgTable(
  "platform_feature_flags",
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    description: text().notNull().default(""),
    defaultEnabled: boolean().notNull().default(false),
    killed: boolean().notNull().default(false),
    rules: jsonb().$type<FlagRule[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_feature_flags_key").on(t.key)],
);

/** A flag forced on or off for one tenant, whatever the rules say (the kill switch still wins). */
export const platformFeatureFlagOverrides = pgTable(
  "platform_feature_flag_overrides",
  {
    id: uuid().primaryKey().defaultRandom(),
    flagId: uuid()
      .notNull()
      .references(() => platformFeatureFlags.id, { onDelete: "cascade" }),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    enabled: boolean().notNull(),
    reason: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_feature_flag_overrides_flag_tenant").on(t.flagId, t.tenantId)],
);
