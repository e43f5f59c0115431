import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { platformTenants } from "./tenants";
import { users } from "./users";

/**
 * A tenant's SMS credits. The balance is a cache of the ledger's sum, kept in the same
 * transaction as every ledger row; `CHECK (balance >= 0)` (0009_sms_credits_security) is the
 * backstop behind the conditional debit.
 */
export const platformSmsCreditPool = pgTable("platform_sms_credit_pool", {
  tenantId: uuid()
    .primaryKey()
    .references(() => platformTenants.id, { onDelete: "cascade" }),
  balance: integer().notNull().default(0),
  /** The tenant's low-balance warning level; null means no warning. */
  lowBalanceThreshold: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const smsCreditReason = pgEnum("sms_credit_reason", [
  "trial_grant",
  "plan_allowance",
  "purchase",
  "send",
  "refund",
  "manual_adjustment",
]);

/**
 * Every change to a pool, append-only. `(tenant_id, reason, reference)` is unique so that a
 * repeated grant, a redelivered send or a second refund of one debit writes nothing.
 */
export const platformSmsCreditLedger = pgTable(
  "platform_sms_credit_ledger",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    /** Signed and non-zero (checked in 0009_sms_credits_security). */
    delta: integer().notNull(),
    balanceAfter: integer().notNull(),
    reason: smsCreditReason().notNull(),
    reference: text().notNull(),
    note: text(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_sms_credit_ledger_reference_idx").on(t.tenantId, t.reason, t.reference),
    index("platform_sms_credit_ledger_tenant_idx").on(t.tenantId, t.createdAt),
  ],
);
