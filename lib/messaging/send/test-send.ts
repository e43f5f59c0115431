// "Test send" from the template editor: an already-rendered body goes through the normal send
// path (log row, credits for a hotel's SMS, providers with failover), to an address staff type in.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { countSmsSegments } from "@/lib/messaging/sms/segments";
import { attemptEmail, attemptSms } from "./attempt";
import { htmlToText } from "./html-text";
import { insertMessage, type NewMessage } from "./message-log";
import { type MessageRow, sendEmailSchema, sendSmsSchema } from "./types";

const testSendSchema = z.object({
  tenantId: z.uuid().nullable(),
  channel: z.enum(["sms", "email"]),
  to: z.string().trim().min(1, "Enter a recipient"),
  subject: z.string().trim().max(300).optional(),
  body: z.string().min(1, "The message is empty").max(100_000),
  event: sendSmsSchema.shape.event,
  locale: sendSmsSchema.shape.locale,
});
export type SendTestMessageInput = z.input<typeof testSendSchema> & { actor: Actor };

export async function sendTestMessage(db: Queryable, input: SendTestMessageInput): Promise<MessageRow> {
  const data = testSendSchema.parse(input);
  const base = {
    tenantId: data.tenantId,
    event: data.event,
    locale: data.locale,
    // Every test send is a new message.
    idempotencyKey: `test:${randomUUID()}`,
  };
  let values: NewMessage;
  if (data.channel === "sms") {
    const to = sendSmsSchema.shape.to.safeParse(data.to);
    if (!to.success) {
      throw new AppError("INVALID", "Use an international number such as +2348031234567.", { field: "to" });
    }
    values = {
      ...base,
      channel: "sms",
      recipient: to.data,
      body: data.body,
      segments: countSmsSegments(data.body).segments,
    };
  } else {
    const to = sendEmailSchema.shape.to.safeParse(data.to);
    if (!to.success) throw new AppError("INVALID", "Enter a valid email address.", { field: "to" });
    if (!data.subject) throw new AppError("INVALID", "An email needs a subject.", { field: "subject" });
    values = {
      ...base,
      channel: "email",
      recipient: to.data,
      subject: data.subject,
      body: htmlToText(data.body),
      html: data.body,
    };
  }
  // The log row and its audit entry commit together; the send itself runs after, outside.
  const message = await db.transaction(async (tx) => {
    const { message: row } = await insertMessage(tx, values);
    await recordAudit(tx, {
      actor: input.actor,
      tenantId: data.tenantId,
      action: "message.test_send",
      targetType: "message",
      targetId: row.id,
      details: { channel: data.channel, event: data.event, locale: data.locale, to: row.recipient },
    });
    return row;
  });
  return data.channel === "sms"
    ? attemptSms(db, message, { creditReference: message.id })
    : attemptEmail(db, message);
}
