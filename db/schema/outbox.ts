import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { platformTenants } from "./tenants";

/**
 * Emails the platform wants sent, until the messaging module (providers, templates, dev-sink)
 * picks them up and delivers them. Written by platform code only, so no tenant RLS here.
 */
export const platformEmailOutbox = pgTable(
  "platform_email_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for platform mail that concerns no hotel. */
    tenantId: uuid().references(() => platformTenants.id, { onDelete: "cascade" }),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** What caused the email, e.g. `tenant.welcome`. */
    event: text().notNull(),
    /** Queueing the same key twice keeps one row: retried jobs never send an email twice. */
    dedupeKey: text(),
    status: text({ enum: ["queued", "sent", "failed"] })
      .notNull()
      .default("queued"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("platform_email_outbox_tenant_idx").on(t.tenantId, t.createdAt),
    index("platform_email_outbox_created_idx").on(t.createdAt),
    uniqueIndex("platform_email_outbox_dedupe_key").on(t.dedupeKey),
  ],
);
