// Writes to message templates. A hotel writes only its own rows, for guest events, inside
// withTenant (RLS refuses anything else); platform defaults (tenant_id null) are written on the
// plain connection by console actions that require "messaging.write". Every change is audited in
// the transaction that makes it.
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Tx } from "@/db/connect";
import { platformMessageTemplates } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { isDomainEventName } from "@/lib/events/schemas";
import { sendTestMessage } from "@/lib/messaging/send/test-send";
import type { MessageRow } from "@/lib/messaging/send/types";
import { withTenant } from "@/lib/tenancy/with-tenant";
import {
  MISSING_BODY,
  MISSING_SUBJECT,
  previewTemplate,
  type TemplateFieldError,
  templateErrors,
} from "./preview";
import type { TemplateRow } from "./queries";
import type { SampleTenant } from "./sample-data";
import {
  isTemplateEvent,
  saveTemplateSchema,
  setTemplateActiveSchema,
  type TemplateEvent,
  templateKeySchema,
  testSendTemplateSchema,
} from "./schemas";

export type { TemplateRow } from "./queries";

const tenantIdSchema = z.uuid().nullable();

/** Input errors become INVALID on their field, like the editor's other refusals. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const field = typeof issue?.path[0] === "string" ? issue.path[0] : undefined;
  throw new AppError("INVALID", issue?.message ?? "Some of the data is invalid.", { field });
}

/** Runs `work` as the hotel (RLS applies) or, for platform rows, in a plain transaction. */
function scoped<T>(db: Queryable, tenantId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tenantId === null ? db.transaction(work) : withTenant(db, tenantId, work);
}

function assertEventInScope(tenantId: string | null, event: string): TemplateEvent {
  if (!isTemplateEvent(event))
    throw new AppError("INVALID", `There is no event "${event}".`, { field: "event" });
  if (tenantId !== null && !isDomainEventName(event)) {
    throw new AppError(
      "FORBIDDEN",
      "Hotels customise guest notifications only; this one is the platform's.",
      {
        field: "event",
      },
    );
  }
  return event;
}

function position(error: TemplateFieldError): string {
  return `line ${error.line}, column ${error.column}`;
}

/** One refusal per save: the first field with errors, all its errors in `details` for the editor. */
function refuseInvalid(errors: TemplateFieldError[]): never {
  const [first] = errors;
  const field = first?.field ?? "body";
  const own = errors
    .filter((e) => e.field === field)
    .map(({ message, line, column }) => ({ message, line, column }));
  const more = own.length > 1 ? ` (and ${own.length - 1} more)` : "";
  const where = first && first.message !== MISSING_SUBJECT && first.message !== MISSING_BODY;
  const message = first
    ? `${field === "subject" ? "Subject" : "Template"}: ${first.message}${where ? ` at ${position(first)}` : ""}${more}.`
    : "The template is not valid.";
  throw new AppError("INVALID", message, {
    field,
    details: { errors: own, all: errors },
  });
}

function exactKey(tenantId: string | null, key: { event: string; channel: "sms" | "email"; locale: string }) {
  const t = platformMessageTemplates;
  return and(
    tenantId === null ? isNull(t.tenantId) : eq(t.tenantId, tenantId),
    eq(t.event, key.event),
    eq(t.channel, key.channel),
    sql`lower(${t.locale}) = lower(${key.locale})`,
  );
}

function auditView(row: TemplateRow) {
  const { event, channel, locale, subject, body, active } = row;
  return { event, channel, locale, subject, body, active };
}

const saveInput = saveTemplateSchema.extend({ tenantId: tenantIdSchema });

/**
 * Creates or replaces the template of (owner, event, channel, locale). Refuses with INVALID, the
 * field ("subject" | "body") and `details.errors` [{ message, line, column }] when the draft does
 * not compile or uses a variable the event does not carry; email needs a subject.
 */
export async function saveTemplate(
  db: Queryable,
  input: z.input<typeof saveInput> & { actor: Actor },
): Promise<TemplateRow> {
  const parsed = parseInput(saveInput, input);
  const { tenantId, channel, locale, body, active } = parsed;
  const event = assertEventInScope(tenantId, parsed.event);
  const subject = channel === "email" ? (parsed.subject?.trim() ?? "") : null;
  const errors = templateErrors({ event, channel, subject, body });
  if (errors.length > 0) refuseInvalid(errors);

  return scoped(db, tenantId, async (tx) => {
    const t = platformMessageTemplates;
    const [before] = await tx
      .select()
      .from(t)
      .where(exactKey(tenantId, { event, channel, locale }))
      .for("update");
    const values = { subject, body, active, updatedByUserId: input.actor.userId, updatedAt: new Date() };
    const [row] = before
      ? await tx.update(t).set(values).where(eq(t.id, before.id)).returning()
      : await tx
          .insert(t)
          .values({ tenantId, event, channel, locale, ...values })
          .onConflictDoUpdate({ target: [t.tenantId, t.event, t.channel, t.locale], set: values })
          .returning();
    if (!row) throw new Error("saveTemplate: no row returned");
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: "template.save",
      targetType: "message_template",
      targetId: row.id,
      before: before ? auditView(before) : undefined,
      after: auditView(row),
    });
    return row;
  });
}

const resetInput = templateKeySchema.extend({ tenantId: z.uuid() });

/** Deletes the hotel's own template, so sends fall back to the platform's. False when there was none. */
export async function resetTemplate(
  db: Queryable,
  input: z.input<typeof resetInput> & { actor: Actor },
): Promise<{ reset: boolean }> {
  const { tenantId, event, channel, locale } = parseInput(resetInput, input);
  assertEventInScope(tenantId, event);
  return withTenant(db, tenantId, async (tx) => {
    const [deleted] = await tx
      .delete(platformMessageTemplates)
      .where(exactKey(tenantId, { event, channel, locale }))
      .returning();
    if (!deleted) return { reset: false };
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: "template.reset",
      targetType: "message_template",
      targetId: deleted.id,
      before: auditView(deleted),
    });
    return { reset: true };
  });
}

const activeInput = setTemplateActiveSchema.extend({ tenantId: tenantIdSchema });

/**
 * Switches a stored template on or off. Sends skip an inactive template: a hotel's falls back to the
 * platform's, an inactive platform default leaves the event without a message in that locale.
 */
export async function setTemplateActive(
  db: Queryable,
  input: z.input<typeof activeInput> & { actor: Actor },
): Promise<TemplateRow> {
  const { tenantId, event, channel, locale, active } = parseInput(activeInput, input);
  assertEventInScope(tenantId, event);
  return scoped(db, tenantId, async (tx) => {
    const t = platformMessageTemplates;
    const [before] = await tx
      .select()
      .from(t)
      .where(exactKey(tenantId, { event, channel, locale }))
      .for("update");
    if (!before) throw new AppError("NOT_FOUND", "Save this template before switching it on or off.");
    const [row] = await tx
      .update(t)
      .set({ active, updatedByUserId: input.actor.userId, updatedAt: new Date() })
      .where(eq(t.id, before.id))
      .returning();
    if (!row) throw new Error("setTemplateActive: no row returned");
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: active ? "template.activate" : "template.deactivate",
      targetType: "message_template",
      targetId: row.id,
      before: { active: before.active },
      after: { active: row.active },
      details: { event, channel, locale },
    });
    return row;
  });
}

const testSendInput = testSendTemplateSchema.extend({ tenantId: tenantIdSchema });

/**
 * Sends the draft (saved or not), rendered with the sample data, to one recipient through the
 * normal send path; returns the message log row so the editor can show its status. A draft the
 * editor would refuse to save is refused here too.
 */
export async function testSendTemplate(
  db: Queryable,
  input: z.input<typeof testSendInput> & { tenant: SampleTenant; actor: Actor },
): Promise<MessageRow> {
  const { tenantId, to, ...draft } = parseInput(testSendInput, input);
  const event = assertEventInScope(tenantId, draft.event);
  const preview = previewTemplate({ ...draft, event, tenant: input.tenant });
  if (!preview.ok) refuseInvalid(preview.errors);
  return sendTestMessage(db, {
    tenantId,
    channel: draft.channel,
    to,
    subject: preview.subject ?? undefined,
    body: preview.html ?? preview.text,
    event,
    locale: draft.locale,
    actor: input.actor,
  });
}
