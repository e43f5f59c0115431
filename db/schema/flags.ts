import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Feature flags. Issue 3 adds ordered rules and per-tenant overrides; navigation conditions read them now. */
export const platformFeatureFlags = pgTable(
  "platform_feature_flags",
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    description: text().notNull().default(""),
    defaultEnabled: boolean().notNull().default(false),
    killed: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_feature_flags_key").on(t.key)],
);
