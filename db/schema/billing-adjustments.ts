import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { platformPlans } from "./plans";
import { billingInterval, platformTenants } from "./tenants";
import { users } from "./users";

/** A plan change as it happened, with the proration it produced. */
export const platformPlanChanges = pgTable(
  "platform_plan_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    fromPlanId: uuid().references(() => platformPlans.id),
    toPlanId: uuid()
      .notNull()
      .references(() => platformPlans.id),
    fromInterval: billingInterval().notNull(),
    toInterval: billingInterval().notNull(),
    effectiveAt: timestamp({ withTimezone: true }).notNull(),
    creditMinor: integer().notNull().default(0),
    chargeMinor: integer().notNull().default(0),
    currency: text().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("platform_plan_changes_tenant_idx").on(t.tenantId, t.effectiveAt)],
);

export const billingAdjustmentKind = pgEnum("billing_adjustment_kind", [
  "proration_credit",
  "proration_charge",
  "manual",
]);

/**
 * Amounts waiting for the next invoice (signed minor units: credits negative). The billing cycle
 * (issue 6) puts every uninvoiced row on the tenant's next invoice and stamps `invoiced_at`.
 */
export const platformBillingAdjustments = pgTable(
  "platform_billing_adjustments",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    kind: billingAdjustmentKind().notNull(),
    description: text().notNull(),
    amountMinor: integer().notNull(),
    currency: text().notNull(),
    planChangeId: uuid().references(() => platformPlanChanges.id),
    invoiceId: uuid(),
    invoicedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("platform_billing_adjustments_tenant_idx").on(t.tenantId, t.invoicedAt)],
);
