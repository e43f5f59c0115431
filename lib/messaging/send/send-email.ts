// sendEmail: the only way an email goes out (guest notifications and the platform's own mail).
// Same pipeline as sendSms without credits: template → render → log row → providers → outcome.
import type { Queryable } from "@/db/connect";
import { attemptEmail } from "./attempt";
import { prepareSend } from "./prepare";
import { type MessageRow, type SendEmailInput, sendEmailSchema } from "./types";

export type { MessageRow, SendEmailInput } from "./types";

export async function sendEmail(db: Queryable, input: SendEmailInput): Promise<MessageRow> {
  const data = sendEmailSchema.parse(input);
  const { message, sendNow } = await prepareSend(db, "email", data);
  if (!sendNow) return message;
  return attemptEmail(db, message);
}
