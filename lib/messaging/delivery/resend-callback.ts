// Resend webhooks (POST /api/webhooks/resend), signed the Standard Webhooks (svix) way. The event
// names the email by Resend's id; that finds our message and the provider row whose webhook
// secret must have signed it. Answers: 200 applied or ignored; 400 unparseable body; 403 bad
// signature or no webhook secret on the provider; 404 unknown email. Every one is recorded.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { messages, platformEmailProviders } from "@/db/schema";
import { verifyResendWebhook } from "@/lib/messaging/email/resend";
import {
  applyDeliveryStatus,
  type CallbackRecord,
  type DeliveryStatus,
  recordCallback,
} from "./apply-status";
import { readCredential } from "./credential";
import type { CallbackResult } from "./twilio-callback";

const bodySchema = z.object({
  type: z.string().min(1),
  data: z.looseObject({
    email_id: z.string().min(1),
    bounce: z.looseObject({ message: z.string().optional() }).optional(),
    failed: z.looseObject({ reason: z.string().optional() }).optional(),
  }),
});

const statusMap: Record<string, DeliveryStatus> = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.bounced": "undelivered",
  "email.failed": "failed",
};

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export async function handleResendWebhook(
  db: Queryable,
  request: { headers: Headers; rawBody: string },
): Promise<CallbackResult> {
  const json = parseJson(request.rawBody);
  const body = bodySchema.safeParse(json);
  const payload =
    json && typeof json === "object" && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : { raw: request.rawBody.slice(0, 2_000) };
  const record: CallbackRecord = {
    providerKind: "resend",
    providerMessageId: body.success ? body.data.data.email_id : null,
    messageId: null,
    status: body.success ? body.data.type : null,
    payload,
  };
  const refuse = async (status: number, reason: string, messageRef: string | null = null) => {
    await recordCallback(db, { ...record, messageId: messageRef, outcome: "refused", reason });
    return { status, outcome: "refused" as const, reason };
  };
  if (!body.success) return refuse(400, "unparseable body: type and data.email_id are required");

  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.providerKind, "resend"), eq(messages.providerMessageId, body.data.data.email_id)))
    .limit(1);
  if (!message?.providerId) return refuse(404, "unknown email");
  const [provider] = await db
    .select()
    .from(platformEmailProviders)
    .where(eq(platformEmailProviders.id, message.providerId))
    .limit(1);
  const secret = provider ? readCredential(provider, "webhookSecret") : undefined;
  if (!secret) return refuse(403, "the provider has no webhook secret configured", message.id);
  const event = verifyResendWebhook({ secret, headers: request.headers, rawBody: request.rawBody });
  if (!event) return refuse(403, "bad or stale signature", message.id);

  const status = statusMap[body.data.type];
  const verified = { ...record, messageId: message.id };
  if (!status) {
    const reason = `"${body.data.type}" does not change the delivery status`;
    await recordCallback(db, { ...verified, outcome: "ignored", reason });
    return { status: 200, outcome: "ignored", reason };
  }
  const detail = body.data.data.bounce?.message ?? body.data.data.failed?.reason;
  const error = detail ? `Resend: ${detail}` : null;
  const applied = await applyDeliveryStatus(db, { message, status, error, record: verified });
  return { status: 200, ...applied };
}
