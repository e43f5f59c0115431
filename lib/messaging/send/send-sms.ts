// sendSms: the only way an SMS goes out. Template → render → log row (once per idempotency key)
// → credits → providers with failover → outcome on the row. Returns the log row; a send that
// failed (no credits, every provider down, no template) is a row with status "failed", not a throw.
// `billTo: "platform"` logs the SMS under the hotel without taking its credits (dunning).
import type { Queryable } from "@/db/connect";
import { countSmsSegments } from "@/lib/messaging/sms/segments";
import { attemptSms } from "./attempt";
import { insertMessage } from "./message-log";
import { loadSenderContext, prepareMessage } from "./prepare";
import { defaultSmsPayer } from "./sms-payer";
import { type MessageRow, type SendSmsInput, sendSmsSchema } from "./types";

export type { MessageRow, SendSmsInput } from "./types";

export async function sendSms(db: Queryable, input: SendSmsInput): Promise<MessageRow> {
  const data = sendSmsSchema.parse(input);
  const sender = await loadSenderContext(db, data.tenantId);
  const prepared = await prepareMessage(db, {
    sender,
    event: data.event,
    channel: "sms",
    locale: data.locale,
    data: data.data,
  });
  const base = {
    tenantId: data.tenantId,
    event: data.event,
    channel: "sms" as const,
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
    body: prepared.body,
    segments: countSmsSegments(prepared.body).segments,
  });
  // The key was seen before: that send (done, failed or in flight) is the one; nothing goes out.
  if (!created) return message;
  return attemptSms(db, message, {
    creditReference: message.id,
    billTo: data.billTo ?? defaultSmsPayer(data.event),
  });
}
