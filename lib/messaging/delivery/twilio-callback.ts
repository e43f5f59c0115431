// Twilio status callbacks (POST /api/webhooks/twilio?messageId=…&attempt=…). The message id in the
// URL finds the message and, through it, the provider row whose auth token signed the callback:
// the send path names that provider on the row before calling it, so a callback that beats
// Twilio's API answer (it can, by milliseconds) is verified too. Until the answer is in, the row has
// no MessageSid: the callback's attempt must be the one in flight, and its MessageSid becomes the
// row's. Answers: 200 applied or ignored; 400 unparseable body, no/invalid messageId or another
// MessageSid; 403 missing or bad signature; 404 unknown message (or one not sent through Twilio);
// 409 a callback of an earlier attempt or provider while a new one is in flight. All are recorded.
import { and, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { messages, platformSmsProviders } from "@/db/schema";
import { publicWebhookUrl } from "@/lib/messaging/send/callback-url";
import type { MessageRow } from "@/lib/messaging/send/types";
import { verifyTwilioSignature } from "@/lib/messaging/sms/twilio";
import {
  applyDeliveryStatus,
  type CallbackRecord,
  type DeliveryStatus,
  recordCallback,
} from "./apply-status";
import { readCredential } from "./credential";

export type CallbackResult = {
  status: number;
  outcome: "applied" | "ignored" | "refused";
  reason: string | null;
};

const formSchema = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
});

const statusMap: Record<string, DeliveryStatus> = {
  sent: "sent",
  delivered: "delivered",
  read: "delivered",
  undelivered: "undelivered",
  failed: "failed",
};

/**
 * Writes the MessageSid of a verified early callback on the row, unless the row has since moved to
 * another provider or holds another MessageSid; the send's own write later sets the same one.
 */
async function claimMessageSid(
  db: Queryable,
  message: MessageRow,
  providerId: string,
  messageSid: string,
): Promise<boolean> {
  const [row] = await db
    .update(messages)
    .set({ providerMessageId: messageSid })
    .where(
      and(
        eq(messages.id, message.id),
        eq(messages.providerId, providerId),
        or(isNull(messages.providerMessageId), eq(messages.providerMessageId, messageSid)),
      ),
    )
    .returning({ id: messages.id });
  return row !== undefined;
}

export async function handleTwilioCallback(
  db: Queryable,
  request: { url: string; signature: string | null; rawBody: string },
): Promise<CallbackResult> {
  const params = Object.fromEntries(new URLSearchParams(request.rawBody));
  const form = formSchema.safeParse(params);
  const query = new URL(request.url).searchParams;
  const messageId = z.uuid().safeParse(query.get("messageId"));
  const attempt = z.coerce.number().int().positive().safeParse(query.get("attempt"));
  const record: CallbackRecord = {
    providerKind: "twilio",
    providerMessageId: form.success ? form.data.MessageSid : null,
    messageId: null,
    status: form.success ? form.data.MessageStatus : null,
    payload: params,
  };
  const refuse = async (status: number, reason: string, messageRef: string | null = null) => {
    await recordCallback(db, { ...record, messageId: messageRef, outcome: "refused", reason });
    return { status, outcome: "refused" as const, reason };
  };
  if (!form.success) return refuse(400, "unparseable body: MessageSid and MessageStatus are required");
  if (!messageId.success) return refuse(400, "missing or invalid messageId in the callback URL");

  const [message] = await db.select().from(messages).where(eq(messages.id, messageId.data)).limit(1);
  if (!message) return refuse(404, "unknown message");
  if (message.providerKind !== "twilio" || !message.providerId) {
    return refuse(404, "this message was not sent through Twilio", message.id);
  }
  const [provider] = await db
    .select()
    .from(platformSmsProviders)
    .where(eq(platformSmsProviders.id, message.providerId))
    .limit(1);
  if (!provider) return refuse(404, "the provider that sent this message no longer exists", message.id);
  const authToken = readCredential(provider, "authToken");
  if (!request.signature) return refuse(403, "missing X-Twilio-Signature", message.id);
  const valid =
    authToken !== undefined &&
    verifyTwilioSignature({
      authToken,
      url: publicWebhookUrl(request.url),
      params,
      signature: request.signature,
    });
  if (!valid) return refuse(403, "bad signature", message.id);
  if (message.providerMessageId === null) {
    // In flight: the row names the provider being called but not yet the MessageSid it assigned.
    if (!attempt.success || attempt.data !== message.attempts + 1) {
      return refuse(409, "a callback of an earlier attempt; a new one is in flight", message.id);
    }
    const claimed = await claimMessageSid(db, message, provider.id, form.data.MessageSid);
    if (!claimed) return refuse(409, "the message moved on to another provider or attempt", message.id);
  } else if (form.data.MessageSid !== message.providerMessageId) {
    return refuse(400, "MessageSid does not match the message", message.id);
  }

  const status = statusMap[form.data.MessageStatus];
  const verified = { ...record, messageId: message.id };
  if (!status) {
    const reason = `interim status "${form.data.MessageStatus}"`;
    await recordCallback(db, { ...verified, outcome: "ignored", reason });
    return { status: 200, outcome: "ignored", reason };
  }
  const error = form.data.ErrorCode ? `Twilio error ${form.data.ErrorCode}` : null;
  const applied = await applyDeliveryStatus(db, { message, status, error, record: verified });
  return { status: 200, ...applied };
}
