import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
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

export const messageChannel = pgEnum("message_channel", ["sms", "email"]);
export const smsProviderKind = pgEnum("sms_provider_kind", ["twilio", "termii", "dev-sink"]);
export const emailProviderKind = pgEnum("email_provider_kind", [
  "resend",
  "sendgrid",
  "ses",
  "mailgun",
  "dev-sink",
]);
export const messageStatus = pgEnum("message_status", [
  "queued",
  "sent",
  "delivered",
  "failed",
  "undelivered",
]);

/**
 * Columns both provider tables share. Credentials are one JSON object (per kind, see
 * lib/messaging/providers/credentials.ts) encrypted with AES-256-GCM; `credentialsKeyId` names the
 * key that sealed it so keys can rotate, `credentialsHint` is the "•••• last 4" the console shows.
 */
function providerColumns() {
  return {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    enabled: boolean().notNull().default(true),
    /** Serves tenants without their own assignment; at most one per table (partial unique index). */
    isDefault: boolean().notNull().default(false),
    credentialsCiphertext: text(),
    credentialsKeyId: text(),
    credentialsHint: text(),
    /** Non-secret settings: base URL (points at a fake in tests), region, domain, … */
    config: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** What the platform pays the provider per SMS segment / email, in `costCurrency` minor units. */
    costPerMessageMinor: integer().notNull().default(0),
    costCurrency: text().notNull().default("USD"),
    /** Sends per second this provider accepts; the worker throttles to it. */
    throttlePerSecond: integer().notNull().default(10),
    lastTestedAt: timestamp({ withTimezone: true }),
    lastTestOk: boolean(),
    lastTestMessage: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  };
}

export const platformSmsProviders = pgTable(
  "platform_sms_providers",
  {
    ...providerColumns(),
    kind: smsProviderKind().notNull(),
    /** Default sender id or number. */
    senderId: text(),
  },
  (t) => [uniqueIndex("platform_sms_providers_default_idx").on(t.isDefault).where(sql`${t.isDefault}`)],
);

export const platformEmailProviders = pgTable(
  "platform_email_providers",
  {
    ...providerColumns(),
    kind: emailProviderKind().notNull(),
    /** Default From address, e.g. "Hearth <no-reply@hearth.example>". */
    fromAddress: text().notNull(),
  },
  (t) => [uniqueIndex("platform_email_providers_default_idx").on(t.isDefault).where(sql`${t.isDefault}`)],
);

/**
 * Which providers serve a tenant on a channel, tried in ascending `priority`; exactly one of the
 * two provider columns is set, matching `channel` (check constraint).
 */
export const tenantProviderAssignments = pgTable(
  "tenant_provider_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    channel: messageChannel().notNull(),
    smsProviderId: uuid().references(() => platformSmsProviders.id, { onDelete: "cascade" }),
    emailProviderId: uuid().references(() => platformEmailProviders.id, { onDelete: "cascade" }),
    priority: integer().notNull().default(1),
    /** Overrides the provider's sender id / From address for this tenant. */
    sender: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("tenant_provider_assignments_priority_key").on(t.tenantId, t.channel, t.priority),
    check(
      "tenant_provider_assignments_provider_check",
      sql`(${t.channel} = 'sms' AND ${t.smsProviderId} IS NOT NULL AND ${t.emailProviderId} IS NULL)
       OR (${t.channel} = 'email' AND ${t.emailProviderId} IS NOT NULL AND ${t.smsProviderId} IS NULL)`,
    ),
  ],
);

/**
 * Templates for both channels. `tenant_id` null is a platform default; a tenant row overrides it
 * for that event, channel and locale. `event` is a domain event name (hotel/booking.confirmed) or
 * a platform event name (tenant.welcome).
 */
export const platformMessageTemplates = pgTable(
  "platform_message_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid().references(() => platformTenants.id, { onDelete: "cascade" }),
    event: text().notNull(),
    channel: messageChannel().notNull(),
    locale: text().notNull(),
    /** Email only; rendered as plain text. */
    subject: text(),
    body: text().notNull(),
    active: boolean().notNull().default(true),
    updatedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("platform_message_templates_key").on(t.tenantId, t.event, t.channel, t.locale).nullsNotDistinct(),
  ],
);

/** Per tenant, per event and channel: whether guests are notified. No row means on. */
export const tenantNotificationPreferences = pgTable(
  "tenant_notification_preferences",
  {
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    event: text().notNull(),
    channel: messageChannel().notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.event, t.channel] })],
);

/**
 * The message log: one row per message, from queued to its final delivery status. The
 * idempotency key (event id + channel + recipient) makes a redelivered event send once.
 * `tenant_id` is null for platform mail that concerns no hotel.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid().references(() => platformTenants.id, { onDelete: "cascade" }),
    event: text().notNull(),
    channel: messageChannel().notNull(),
    templateId: uuid().references(() => platformMessageTemplates.id, { onDelete: "set null" }),
    locale: text(),
    recipient: text().notNull(),
    subject: text(),
    body: text().notNull(),
    html: text(),
    /** The provider that took it (after failover): kind plus row id in its channel's table. */
    providerKind: text(),
    providerId: uuid(),
    providerMessageId: text(),
    status: messageStatus().notNull().default("queued"),
    error: text(),
    segments: integer().notNull().default(0),
    credits: integer().notNull().default(0),
    costMinor: integer().notNull().default(0),
    costCurrency: text(),
    attempts: integer().notNull().default(0),
    idempotencyKey: text().notNull(),
    /** The ledger reference of this message's credit debit (refunded once on failure). */
    creditReference: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_idempotency_key").on(t.idempotencyKey),
    index("messages_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("messages_status_idx").on(t.status, t.createdAt),
    index("messages_provider_message_idx").on(t.providerKind, t.providerMessageId),
  ],
);

/**
 * What the dev-sink providers "sent": the embedded mode's outbox, shown in the console and the
 * tenant's message log. Platform-written; tenants read their own rows.
 */
export const devSinkMessages = pgTable(
  "dev_sink_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid().references(() => platformTenants.id, { onDelete: "cascade" }),
    channel: messageChannel().notNull(),
    to: text().notNull(),
    from: text(),
    subject: text(),
    body: text().notNull(),
    html: text(),
    /** Our `messages.id`, when the send came through the log (it always does outside tests). */
    messageId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("dev_sink_messages_tenant_idx").on(t.tenantId, t.createdAt),
    index("dev_sink_messages_created_idx").on(t.createdAt),
  ],
);

/**
 * Every delivery callback received, applied or not: forged, unknown and stale callbacks are kept
 * here with the reason they were refused, and never touch `messages`.
 */
export const messageDeliveryEvents = pgTable(
  "message_delivery_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerKind: text().notNull(),
    providerMessageId: text(),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    status: text(),
    outcome: text({ enum: ["applied", "ignored", "refused"] }).notNull(),
    reason: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("message_delivery_events_message_idx").on(t.messageId),
    index("message_delivery_events_received_idx").on(t.receivedAt),
  ],
);
