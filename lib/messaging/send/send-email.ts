// sendEmail: the only way an email goes out (guest notifications and the platform's own mail).
// Same pipeline as sendSms without credits: template → render → log row → providers → outcome.
import type { Queryable } from "@/db/connect";
import { attemptEmail } from "./attempt";
import { insertMessage } from "./message-log";
import { loadSenderContext, prepareMessage } from "./prepare";
import { type MessageRow, type SendEmailInput, sendEmailSchema } from "./types";

export type { MessageRow, SendEmailInput } from "./types";

export async function sendEmail(db: Queryable, input: SendEmailInput): Promise<MessageRow> {
  const data = sendEmailSchema.parse(input);
  const sender = await loadSenderContext(db, data.tenantId);
  const prepared = await prepareMessage(db, {
    sender,
    event: data.event,
    channel: "email",
    locale: data.locale,
    data: data.data,
  });
  const base = {
    tenantId: data.tenantId,
    event: data.event,
    channel: "email" as const,
    recipient: data.to,
    idempotencyKey: data.idempotencyKey,
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
    return message;
  }
  const { message, created } = await insertMessage(db, {
    ...base,
    subject: prepared.subject,
    body: prepared.body,
    html: prepared.html,
  });
  if (!created) return message;
  return attemptEmail(db, message);
}
