import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { platformTenants } from "./tenants";
import { users } from "./users";

export const usageMetric = pgEnum("usage_metric", [
  "sms_segments",
  "emails",
  "active_staff",
  "rooms",
  "storage_mb",
]);

/**
 * Raw usage, append-only. Counters (sms_segments, emails) add up over a day; gauges (active_staff,
 * rooms, storage_mb) are snapshots whose daily value is the day's maximum. A correction is a new
 * row with `isAdjustment` (a signed quantity for counters), never an edit.
 */
export const platformUsageEvents = pgTable(
  "platform_usage_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    metric: usageMetric().notNull(),
    quantity: integer().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    /** Recording the same key twice keeps one row (a message id, `rooms:<tenant>:<day>`, …). */
    idempotencyKey: text().notNull(),
    isAdjustment: boolean().notNull().default(false),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_usage_events_key").on(t.idempotencyKey),
    index("platform_usage_events_tenant_idx").on(t.tenantId, t.occurredAt),
    index("platform_usage_events_created_idx").on(t.createdAt),
  ],
);

/** Daily rollup per tenant and metric (UTC days), rebuilt set-based by the usage-sync job. */
export const platformUsage = pgTable(
  "platform_usage",
  {
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    day: date().notNull(),
    metric: usageMetric().notNull(),
    quantity: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.metric] })],
);

/** Tax rate by tenant country (basis points: 750 = 7.5%). No row means no tax. */
export const platformTaxRates = pgTable("platform_tax_rates", {
  country: text().primaryKey(),
  label: text().notNull(),
  rateBps: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Billing settings, one row (id = 1): grace periods and the dunning schedule. */
export const platformBillingSettings = pgTable("platform_billing_settings", {
  id: integer().primaryKey().default(1),
  /** Hours an invoice stays draft after its period ends, so late usage still lands on it. */
  draftGraceHours: integer().notNull().default(24),
  /** Days from issue to due date. */
  paymentTermsDays: integer().notNull().default(14),
  /** Days after the due date on which reminders go out. */
  reminderDays: integer().array().notNull().default([1, 3, 7]),
  /** Days overdue before the tenant becomes past_due, and before it is suspended. */
  pastDueAfterDays: integer().notNull().default(1),
  suspendAfterDays: integer().notNull().default(14),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const invoiceStatus = pgEnum("invoice_status", ["draft", "open", "paid", "void", "uncollectible"]);
export const invoiceKind = pgEnum("invoice_kind", ["cycle", "manual"]);

/** Invoice numbers: HRT-<year>-<6 digits of this sequence>. Gaps are possible, duplicates never. */
export const invoiceNumberSeq = pgSequence("platform_invoice_number_seq", { startWith: 1 });

export const platformInvoices = pgTable(
  "platform_invoices",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    number: text().notNull(),
    kind: invoiceKind().notNull().default("cycle"),
    status: invoiceStatus().notNull().default("draft"),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    currency: text().notNull(),
    subtotalMinor: integer().notNull().default(0),
    taxRateBps: integer().notNull().default(0),
    taxMinor: integer().notNull().default(0),
    totalMinor: integer().notNull().default(0),
    amountPaidMinor: integer().notNull().default(0),
    /** When the draft is finalised (period end + draft grace). */
    finalizeAfter: timestamp({ withTimezone: true }).notNull(),
    dueDate: date(),
    issuedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    voidedAt: timestamp({ withTimezone: true }),
    memo: text(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_invoices_number_key").on(t.number),
    // Exactly one cycle invoice per tenant and period: a rerun or a retried step cannot double-bill.
    uniqueIndex("platform_invoices_tenant_period_key")
      .on(t.tenantId, t.periodStart)
      .where(sql`${t.kind} = 'cycle'`),
    index("platform_invoices_tenant_idx").on(t.tenantId, t.createdAt),
    index("platform_invoices_status_idx").on(t.status, t.dueDate),
  ],
);

export const invoiceLineKind = pgEnum("invoice_line_kind", [
  "plan",
  "sms_overage",
  "addon",
  "proration",
  "adjustment",
  "manual",
]);

export const platformInvoiceLines = pgTable(
  "platform_invoice_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    invoiceId: uuid()
      .notNull()
      .references(() => platformInvoices.id, { onDelete: "cascade" }),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    kind: invoiceLineKind().notNull(),
    description: text().notNull(),
    quantity: integer().notNull().default(1),
    unitAmountMinor: integer().notNull(),
    amountMinor: integer().notNull(),
    /** What the line bills (`plan`, `sms_overage`, an adjustment or purchase id): once per invoice. */
    sourceKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("platform_invoice_lines_source_key").on(t.invoiceId, t.sourceKey)],
);

export const paymentProvider = pgEnum("payment_provider", ["stripe", "paystack", "manual", "test"]);
export const paymentStatus = pgEnum("payment_status", [
  "pending",
  "succeeded",
  "failed",
  "refunded",
  "partially_refunded",
]);

/**
 * Money received (or attempted). `(provider, provider_reference)` is unique, so a webhook and a
 * callback for the same charge record one payment.
 */
export const platformPayments = pgTable(
  "platform_payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    invoiceId: uuid().references(() => platformInvoices.id, { onDelete: "set null" }),
    purchaseId: uuid(),
    provider: paymentProvider().notNull(),
    providerReference: text().notNull(),
    status: paymentStatus().notNull().default("pending"),
    amountMinor: integer().notNull(),
    refundedMinor: integer().notNull().default(0),
    currency: text().notNull(),
    /** Manual payments: bank_transfer, cash, cheque, card, other. */
    method: text(),
    receivedAt: timestamp({ withTimezone: true }),
    recordedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_payments_provider_reference_key").on(t.provider, t.providerReference),
    index("platform_payments_tenant_idx").on(t.tenantId, t.createdAt),
    index("platform_payments_invoice_idx").on(t.invoiceId),
  ],
);

export const platformRefunds = pgTable(
  "platform_refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid()
      .notNull()
      .references(() => platformPayments.id, { onDelete: "cascade" }),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    amountMinor: integer().notNull(),
    reason: text(),
    /** The provider's refund id, or a generated one for manual refunds: applied once. */
    reference: text().notNull(),
    recordedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("platform_refunds_reference_key").on(t.reference)],
);

export const checkoutStatus = pgEnum("checkout_status", [
  "open",
  "completed",
  "failed",
  "cancelled",
  "expired",
]);

/** A payment attempt handed to Stripe Checkout, Paystack or the embedded test checkout. */
export const platformCheckoutSessions = pgTable(
  "platform_checkout_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    provider: paymentProvider().notNull(),
    purpose: text({ enum: ["invoice", "addon"] }).notNull(),
    invoiceId: uuid().references(() => platformInvoices.id, { onDelete: "cascade" }),
    purchaseId: uuid(),
    /** Stripe `cs_…` id or Paystack reference. */
    providerSessionId: text(),
    url: text(),
    amountMinor: integer().notNull(),
    currency: text().notNull(),
    status: checkoutStatus().notNull().default("open"),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("platform_checkout_sessions_provider_session_key").on(t.provider, t.providerSessionId),
    index("platform_checkout_sessions_tenant_idx").on(t.tenantId, t.createdAt),
  ],
);

/** Every webhook event received, once per (provider, event id); redeliveries are recognised here. */
export const platformWebhookEvents = pgTable(
  "platform_webhook_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    provider: paymentProvider().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    error: text(),
  },
  (t) => [uniqueIndex("platform_webhook_events_key").on(t.provider, t.eventId)],
);

/** Dunning steps taken per invoice (`reminder:1`, `past_due`, `suspended`): each happens once. */
export const platformDunningSteps = pgTable(
  "platform_dunning_steps",
  {
    invoiceId: uuid()
      .notNull()
      .references(() => platformInvoices.id, { onDelete: "cascade" }),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    step: text().notNull(),
    takenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.step] })],
);
