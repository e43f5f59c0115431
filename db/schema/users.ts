import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const platformRole = pgEnum("platform_role", ["super_admin", "billing_admin", "support_agent"]);

/** Every person who can sign in: platform staff and hotel staff alike. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    disabledAt: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Emails are compared case-insensitively; the index makes duplicates impossible.
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

/** Staff of the company that runs Hearth. One row per user at most. */
export const platformUsers = pgTable(
  "platform_users",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: platformRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_users_user_key").on(t.userId)],
);

/** Failed sign-in attempts, per account and per IP, for throttling and lock-outs. */
export const authLoginAttempts = pgTable(
  "auth_login_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: text({ enum: ["yes", "no"] }).notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("auth_login_attempts_email_idx").on(t.email, t.attemptedAt),
    index("auth_login_attempts_ip_idx").on(t.ip, t.attemptedAt),
  ],
);
