// sendSms: the only way an SMS goes out. Template → render → log row (once per idempotency key)
// → credits → providers with failover → outcome on the row. Returns the log row; a send that
// failed (no credits, every provider down, no template) is a row with status "failed", not a throw.
// `billTo: "platform"` logs the SMS under the hotel without taking its credits (dunning).
import type { Queryable } from "@/db/connect";
import { attemptSms } from "./attempt";
import { prepareSend } from "./prepare";
import { defaultSmsPayer } from "./sms-payer";
import { type MessageRow, type SendSmsInput, sendSmsSchema } from "./types";

export type { MessageRow, SendSmsInput } from "./types";

export async function sendSms(db: Queryable, input: SendSmsInput): Promise<MessageRow> {
  const data = sendSmsSchema.parse(input);
  const { message, sendNow } = await prepareSend(db, "sms", data);
  if (!sendNow) return message;
  return attemptSms(db, message, {
    creditReference: message.id,
    billTo: data.billTo ?? defaultSmsPayer(data.event),
  });
}
