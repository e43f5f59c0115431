// Template → text → log row for one send: find the template through the fallback chain, render it
// with the tenant's formatting context, write the message log row. A missing template or a render
// error is not thrown: it becomes a failed message in the log, so the problem is visible where
// staff look for it.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { countSmsSegments } from "@/lib/messaging/sms/segments";
import { lookupTemplate } from "@/lib/messaging/templates/lookup";
import { type RenderContext, renderTemplate, type TemplateChannel } from "@/lib/messaging/templates/render";
import { htmlToText } from "./html-text";
import { insertMessage } from "./message-log";
import type { MessageRow } from "./types";

/** What the template chain and the helpers need to know about the sender. */
export type SenderContext = {
  tenantId: string | null;
  defaultLocale: string;
  timezone: string;
  currency: string;
};

const platformContext: SenderContext = {
  tenantId: null,
  defaultLocale: "en",
  timezone: "UTC",
  currency: "USD",
};

export async function loadSenderContext(db: Queryable, tenantId: string | null): Promise<SenderContext> {
  if (!tenantId) return platformContext;
  const [tenant] = await db
    .select({
      locale: platformTenants.locale,
      timezone: platformTenants.timezone,
      currency: platformTenants.currency,
    })
    .from(platformTenants)
    .where(eq(platformTenants.id, tenantId))
    .limit(1);
  if (!tenant) throw new AppError("NOT_FOUND", "This hotel does not exist.");
  return { tenantId, defaultLocale: tenant.locale, timezone: tenant.timezone, currency: tenant.currency };
}

export type PreparedMessage =
  | {
      ok: true;
      templateId: string;
      /** The template's locale: what the guest actually reads. */
      locale: string;
      subject: string | null;
      /** SMS text, or the email's plain-text part. */
      body: string;
      html: string | null;
    }
  | { ok: false; templateId: string | null; locale: string; error: string };

export async function prepareMessage(
  db: Queryable,
  input: {
    sender: SenderContext;
    event: string;
    channel: TemplateChannel;
    locale: string;
    data: Record<string, unknown>;
  },
): Promise<PreparedMessage> {
  const { sender, event, channel, locale, data } = input;
  const found = await lookupTemplate(db, {
    tenantId: sender.tenantId,
    event,
    channel,
    locale,
    tenantDefaultLocale: sender.defaultLocale,
  });
  if (!found) {
    return {
      ok: false,
      templateId: null,
      locale,
      error: `No active ${channel} template for ${event} (${locale}).`,
    };
  }
  const { template } = found;
  const context: RenderContext = {
    timezone: sender.timezone,
    currency: sender.currency,
    locale: template.locale,
  };
  try {
    if (channel === "sms") {
      const body = renderTemplate({ source: template.body, data, channel, context });
      if (!body.trim())
        return {
          ok: false,
          templateId: template.id,
          locale: template.locale,
          error: "The rendered SMS is empty.",
        };
      return { ok: true, templateId: template.id, locale: template.locale, subject: null, body, html: null };
    }
    // Subjects are plain text: rendered like SMS, without HTML escaping.
    const subject = renderTemplate({ source: template.subject ?? "", data, channel: "sms", context }).trim();
    const html = renderTemplate({ source: template.body, data, channel, context });
    if (!subject)
      return {
        ok: false,
        templateId: template.id,
        locale: template.locale,
        error: "The email subject is empty.",
      };
    return {
      ok: true,
      templateId: template.id,
      locale: template.locale,
      subject,
      body: htmlToText(html),
      html,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      templateId: template.id,
      locale: template.locale,
      error: `The template could not be rendered: ${reason}`,
    };
  }
}

/** The parsed send input (sendSmsSchema / sendEmailSchema) as far as the log row needs it. */
export type PrepareSendInput = {
  tenantId: string | null;
  event: string;
  to: string;
  locale: string;
  data: Record<string, unknown>;
  idempotencyKey: string;
};

/**
 * Everything before the providers: render, then write the log row once per idempotency key.
 * `sendNow` is false when nothing may go out: the template failed (the row is logged as failed
 * with the reason), or the key was seen before (that send, done, failed or in flight, is the one).
 */
export async function prepareSend(
  db: Queryable,
  channel: TemplateChannel,
  input: PrepareSendInput,
): Promise<{ message: MessageRow; sendNow: boolean }> {
  const sender = await loadSenderContext(db, input.tenantId);
  const prepared = await prepareMessage(db, {
    sender,
    event: input.event,
    channel,
    locale: input.locale,
    data: input.data,
  });
  const base = {
    tenantId: input.tenantId,
    event: input.event,
    channel,
    recipient: input.to,
    idempotencyKey: input.idempotencyKey,
    templateId: prepared.templateId,
    locale: prepared.locale,
  };
  if (!prepared.ok) {
    const { message } = await insertMessage(db, {
      ...base,
      body: "",
      status: "failed",
      error: prepared.error,
      failedAt: new Date(),
      attempts: 1,
    });
    return { message, sendNow: false };
  }
  const { message, created } = await insertMessage(db, {
    ...base,
    subject: prepared.subject,
    body: prepared.body,
    html: prepared.html,
    // SMS credits are counted per segment.
    ...(channel === "sms" ? { segments: countSmsSegments(prepared.body).segments } : {}),
  });
  return { message, sendNow: created };
}
