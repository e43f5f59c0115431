import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only record of every privileged mutation. The database refuses UPDATE and DELETE. */
export const platformAuditStream = pgTable(
  "platform_audit_stream",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: text({ enum: ["user", "api_key", "system"] }).notNull(),
    actorUserId: uuid(),
    actorLabel: text().notNull(),
    tenantId: uuid(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    summary: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    index("platform_audit_stream_occurred_idx").on(t.occurredAt),
    index("platform_audit_stream_tenant_idx").on(t.tenantId, t.occurredAt),
    index("platform_audit_stream_action_idx").on(t.action),
  ],
);
