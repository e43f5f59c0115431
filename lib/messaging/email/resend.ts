import { Resend } from "resend";
import { z } from "zod";
import type { EmailMessage, EmailProvider, SendResult } from "@/lib/messaging/providers/types";
import { errorMessage, failureFromStatus, invalidRecipient, type SendFailure } from "./result";

/**
 * Resend through the official SDK. The SDK RETURNS failures (`{ data: null, error }`) instead of
 * throwing, including network failures (`statusCode: null`), so both paths go through `mapResendError`.
 * `baseUrl` is the SDK's own constructor option (not env RESEND_BASE_URL, which is process-global).
 */

export type ResendConfig = {
  apiKey: string;
  /** Default sender, e.g. `Hearth <mail@example.com>`; a per-message `from` wins. */
  from?: string;
  /** Replaces `https://api.resend.com`; for fakes and proxies. */
  baseUrl?: string;
};

type ResendError = { name: string; message: string; statusCode: number | null };

export function mapResendError(error: ResendError): SendFailure {
  const status = error.statusCode ?? undefined;
  const details = { message: error.message, providerCode: error.name };
  // Resend reports a malformed recipient as a 422 validation_error naming the `to` field.
  if (error.name === "validation_error" && /\bto\b/i.test(error.message))
    return invalidRecipient(status, details);
  if (error.name === "rate_limit_exceeded") return failureFromStatus(429, details);
  return failureFromStatus(status, details);
}

export function createResendProvider(config: ResendConfig): EmailProvider {
  let client: Resend | undefined;
  // Built on first use so importing this module (or listing providers) never touches the SDK.
  const getClient = (): Resend => {
    client ??= new Resend(config.apiKey, config.baseUrl ? { baseUrl: config.baseUrl } : undefined);
    return client;
  };

  return {
    kind: "resend",
    async send(message: EmailMessage): Promise<SendResult> {
      const from = message.from ?? config.from;
      if (!from)
        return { ok: false, kind: "rejected", retryable: false, message: "No sender address configured" };
      const tags = Object.entries(message.tags ?? {}).map(([name, value]) => ({ name, value }));
      try {
        const { data, error } = await getClient().emails.send(
          {
            from,
            to: [message.to],
            subject: message.subject,
            text: message.text,
            ...(message.html ? { html: message.html } : {}),
            ...(message.replyTo ? { replyTo: message.replyTo } : {}),
            ...(tags.length > 0 ? { tags } : {}),
          },
          message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
        );
        if (error) return mapResendError(error);
        return { ok: true, providerMessageId: data.id, raw: data };
      } catch (error) {
        // The SDK catches fetch failures itself; this is a backstop for anything it rethrows.
        return failureFromStatus(undefined, { message: errorMessage(error) });
      }
    },
    async testConnection() {
      try {
        const { error } = await getClient().domains.list();
        return error ? { ok: false, message: error.message } : { ok: true };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
  };
}

const resendEventSchema = z.object({
  type: z.string().min(1),
  created_at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type ResendWebhookEvent = z.infer<typeof resendEventSchema>;

export type ResendWebhookInput = {
  /** The endpoint's signing secret, `whsec_…`. */
  secret: string;
  headers: Headers;
  /** The body exactly as received (`await req.text()`), before any JSON parsing. */
  rawBody: string;
};

let verifier: Resend | undefined;

/**
 * The parsed event when the Standard Webhooks (svix) signature is valid and fresh (the library
 * refuses timestamps more than 5 minutes off), otherwise null. Forged, stale or malformed → null.
 */
export function verifyResendWebhook(input: ResendWebhookInput): ResendWebhookEvent | null {
  const id = input.headers.get("svix-id") ?? input.headers.get("webhook-id");
  const timestamp = input.headers.get("svix-timestamp") ?? input.headers.get("webhook-timestamp");
  const signature = input.headers.get("svix-signature") ?? input.headers.get("webhook-signature");
  if (!id || !timestamp || !signature) return null;
  // verify() is a local HMAC check; the SDK insists on a key but it is never sent anywhere.
  verifier ??= new Resend("re_webhook_verification_only");
  try {
    const event: unknown = verifier.webhooks.verify({
      payload: input.rawBody,
      headers: { id, timestamp, signature },
      webhookSecret: input.secret,
    });
    const parsed = resendEventSchema.safeParse(event);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
