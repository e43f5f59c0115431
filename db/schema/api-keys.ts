import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { platformRole, users } from "./users";

/** Platform API keys: shown once, stored as a SHA-256 hash, scoped to a platform role, revocable. */
export const platformApiKeys = pgTable(
  "platform_api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** The first characters of the key (e.g. `hk_live_ab12`), shown in the console to tell keys apart. */
    prefix: text().notNull(),
    keyHash: text().notNull(),
    role: platformRole().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_api_keys_hash_key").on(t.keyHash),
    index("platform_api_keys_created_idx").on(t.createdAt),
  ],
);

/**
 * Stored responses of requests that carried an Idempotency-Key, so a retried create returns the
 * first answer instead of creating twice. Scoped by principal so keys of different callers never collide.
 */
export const platformIdempotencyKeys = pgTable(
  "platform_idempotency_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    scope: text().notNull(),
    principal: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    responseStatus: text(),
    responseBody: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_idempotency_keys_scope_key").on(t.scope, t.principal, t.key)],
);
