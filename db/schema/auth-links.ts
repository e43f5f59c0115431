import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { platformTenants } from "./tenants";
import { users } from "./users";

/** One-time, short-lived sign-in links that let a platform admin open a tenant portal. Only a hash is stored. */
export const authSigninLinks = pgTable(
  "auth_signin_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_signin_links_user_idx").on(t.userId)],
);
