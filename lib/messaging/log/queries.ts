// Reads of the message log for the console and the portal. With `tenantId` a query runs on the
// tenant path (withTenant: RLS plus an explicit filter) and sees that tenant's rows only; without
// it, it is the platform's view of every tenant. Delivery callbacks and what the platform pays a
// provider are platform-only and never returned on the tenant path.
import { and, asc, count, desc, eq, gte, ilike, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { messageDeliveryEvents, messages, platformTenants } from "@/db/schema";
import { likePattern, onScope, pagingSchema } from "./shared";
import { type MessageSortId, messageChannels, messageSortable, messageStatuses } from "./table";

export type { MessageChannel, MessageStatus } from "./table";

const uuid = z.uuid();

const listInput = z.object({
  tenantId: uuid.optional(),
  filterTenantId: uuid.optional(),
  status: z.enum(messageStatuses).optional(),
  channel: z.enum(messageChannels).optional(),
  event: z.string().trim().min(1).max(120).optional(),
  search: z.string().trim().max(200).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  ...pagingSchema,
  sort: z.object({ id: z.enum(messageSortable), desc: z.boolean() }).default({ id: "createdAt", desc: true }),
});

export type MessageListRow = {
  id: string;
  tenantId: string | null;
  tenantName: string | null;
  event: string;
  channel: (typeof messageChannels)[number];
  recipient: string;
  subject: string | null;
  status: (typeof messageStatuses)[number];
  providerKind: string | null;
  segments: number;
  credits: number;
  attempts: number;
  error: string | null;
  createdAt: Date;
};

const sortColumns = {
  createdAt: messages.createdAt,
  status: messages.status,
  channel: messages.channel,
  event: messages.event,
  recipient: messages.recipient,
  attempts: messages.attempts,
  tenantName: platformTenants.name,
} satisfies Record<MessageSortId, unknown>;

/**
 * One page of the log, newest first by default. `tenantId` = a tenant's own log; without it the
 * console's view of all tenants, optionally narrowed to `filterTenantId`. `search` matches the
 * recipient; `from` is inclusive and `to` exclusive.
 */
export async function listMessages(
  db: Queryable,
  input: z.input<typeof listInput>,
): Promise<{ rows: MessageListRow[]; total: number }> {
  const opts = listInput.parse(input);
  const m = messages;
  const conditions: SQL[] = [];
  // The tenant path filters by tenant itself too: RLS is the second wall, not the first.
  const scopeTenant = opts.tenantId ?? opts.filterTenantId;
  if (scopeTenant) conditions.push(eq(m.tenantId, scopeTenant));
  if (opts.status) conditions.push(eq(m.status, opts.status));
  if (opts.channel) conditions.push(eq(m.channel, opts.channel));
  if (opts.event) conditions.push(eq(m.event, opts.event));
  if (opts.search) conditions.push(ilike(m.recipient, likePattern(opts.search)));
  if (opts.from) conditions.push(gte(m.createdAt, opts.from));
  if (opts.to) conditions.push(lt(m.createdAt, opts.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const column = sortColumns[opts.sort.id];
  const order = opts.sort.desc ? desc(column) : asc(column);

  return onScope(db, opts.tenantId, async (q) => {
    const rows = await q
      .select({
        id: m.id,
        tenantId: m.tenantId,
        tenantName: platformTenants.name,
        event: m.event,
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        status: m.status,
        providerKind: m.providerKind,
        segments: m.segments,
        credits: m.credits,
        attempts: m.attempts,
        error: m.error,
        createdAt: m.createdAt,
      })
      .from(m)
      .leftJoin(platformTenants, eq(platformTenants.id, m.tenantId))
      .where(where)
      .orderBy(order, desc(m.createdAt), desc(m.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize);
    const [totals] = await q.select({ total: count() }).from(m).where(where);
    return { rows, total: totals?.total ?? 0 };
  });
}

type MessageRow = typeof messages.$inferSelect;

/** What a tenant may see of one of its messages: no provider cost, no internal keys. */
export type MessageView = Omit<
  MessageRow,
  "costMinor" | "costCurrency" | "providerId" | "idempotencyKey" | "creditReference"
> & { tenantName: string | null };

export type DeliveryEventRow = typeof messageDeliveryEvents.$inferSelect;

export type MessageDetail = {
  message: MessageView;
  /** Console only (null on the tenant path): cost, internal references and every status callback. */
  platform: {
    costMinor: number;
    costCurrency: string | null;
    providerId: string | null;
    idempotencyKey: string;
    creditReference: string | null;
    /** Oldest first: the delivery timeline. */
    deliveryEvents: DeliveryEventRow[];
  } | null;
};

/**
 * One message. On the tenant path another tenant's id (or a platform message) is simply not
 * found, and the delivery callbacks (a platform-only table) are not read at all.
 */
export async function getMessage(
  db: Queryable,
  input: { id: string; tenantId?: string },
): Promise<MessageDetail | null> {
  const id = uuid.safeParse(input.id);
  if (!id.success) return null;
  const tenantId = input.tenantId === undefined ? undefined : uuid.parse(input.tenantId);
  const row = await onScope(db, tenantId, async (q) => {
    const [found] = await q
      .select({ message: messages, tenantName: platformTenants.name })
      .from(messages)
      .leftJoin(platformTenants, eq(platformTenants.id, messages.tenantId))
      .where(and(eq(messages.id, id.data), tenantId ? eq(messages.tenantId, tenantId) : undefined))
      .limit(1);
    return found;
  });
  if (!row) return null;
  const { costMinor, costCurrency, providerId, idempotencyKey, creditReference, ...visible } = row.message;
  const message: MessageView = { ...visible, tenantName: row.tenantName };
  if (tenantId) return { message, platform: null };
  const deliveryEvents = await db
    .select()
    .from(messageDeliveryEvents)
    .where(eq(messageDeliveryEvents.messageId, id.data))
    .orderBy(asc(messageDeliveryEvents.receivedAt), asc(messageDeliveryEvents.id));
  return {
    message,
    platform: { costMinor, costCurrency, providerId, idempotencyKey, creditReference, deliveryEvents },
  };
}

export type MessageStats = {
  total: number;
  byStatus: Record<(typeof messageStatuses)[number], number>;
  byChannel: Record<(typeof messageChannels)[number], number>;
  /** Credits of SMS the window's messages were charged (failed sends are refunded and do not count). */
  creditsUsed: number;
};

/**
 * Counts of messages created since `since`, by status and by channel, and the credits they used.
 * Credits are read from the messages, not the ledger, so a refund of a failed send is left out by
 * its status.
 */
export async function messageStats(
  db: Queryable,
  input: { tenantId?: string; since: Date },
): Promise<MessageStats> {
  const tenantId = input.tenantId === undefined ? undefined : uuid.parse(input.tenantId);
  const since = z.date().parse(input.since);
  const rows = await onScope(db, tenantId, (q) =>
    q
      .select({
        status: messages.status,
        channel: messages.channel,
        n: count(),
        credits: sql<number>`coalesce(sum(${messages.credits}) filter (where ${messages.status} <> 'failed'), 0)::int`,
      })
      .from(messages)
      .where(and(gte(messages.createdAt, since), tenantId ? eq(messages.tenantId, tenantId) : undefined))
      .groupBy(messages.status, messages.channel),
  );
  const stats: MessageStats = {
    total: 0,
    byStatus: { queued: 0, sent: 0, delivered: 0, failed: 0, undelivered: 0 },
    byChannel: { sms: 0, email: 0 },
    creditsUsed: 0,
  };
  for (const r of rows) {
    stats.total += r.n;
    stats.byStatus[r.status] += r.n;
    stats.byChannel[r.channel] += r.n;
    stats.creditsUsed += Number(r.credits);
  }
  return stats;
}

/** The events that appear in a log (for its filter), alphabetically. */
export async function listMessageEvents(db: Queryable, input: { tenantId?: string } = {}): Promise<string[]> {
  const tenantId = input.tenantId === undefined ? undefined : uuid.parse(input.tenantId);
  const rows = await onScope(db, tenantId, (q) =>
    q
      .selectDistinct({ event: messages.event })
      .from(messages)
      .where(tenantId ? eq(messages.tenantId, tenantId) : undefined)
      .orderBy(asc(messages.event))
      .limit(200),
  );
  return rows.map((r) => r.event);
}

export { type DevSinkRow, listDevSinkMessages } from "./dev-outbox";
