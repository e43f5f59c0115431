import { createHmac, timingSafeEqual } from "node:crypto";
import Mailgun from "mailgun.js";
import { z } from "zod";
import type { EmailMessage, EmailProvider, SendResult } from "@/lib/messaging/providers/types";
import { errorMessage, failureFromStatus, invalidRecipient, type SendFailure } from "./result";

/**
 * Mailgun through `mailgun.js` with Node's built-in FormData (multipart, as Mailgun expects).
 * Mailgun has no idempotency header: our key travels as the `v:hearth-message-id` custom variable,
 * which Mailgun echoes in every webhook event (`user-variables`).
 */

export type MailgunConfig = {
  apiKey: string;
  /** The sending domain, part of every message path: `/v3/{domain}/messages`. */
  domain: string;
  from?: string;
  /** `https://api.mailgun.net` (US, default), `https://api.eu.mailgun.net` (EU), or a fake. */
  baseUrl?: string;
};

type MailgunClient = ReturnType<Mailgun["client"]>;

/** mailgun.js throws `{ type: "MailgunAPIError", status, message, details }` for HTTP errors. */
const apiErrorShape = z.object({
  type: z.literal("MailgunAPIError"),
  status: z.number().optional(),
  message: z.string(),
  details: z.string().optional(),
});

const NETWORK_ERROR_CODE = /^(E[A-Z_]{3,}|ERR_[A-Z_]+)$/;

export function mapMailgunError(error: unknown): SendFailure {
  const parsed = apiErrorShape.safeParse(error);
  if (!parsed.success) return failureFromStatus(undefined, { message: errorMessage(error) });
  const { status } = parsed.data;
  const message = parsed.data.details || parsed.data.message || "Mailgun error";
  // mailgun.js reports a network failure as a *400* whose message is the socket error code
  // (`ECONNREFUSED`, `ETIMEDOUT`, …): that is an unreachable provider, not a refused message.
  if (NETWORK_ERROR_CODE.test(parsed.data.message)) return failureFromStatus(undefined, { message });
  // Mailgun answers a malformed recipient with 400 "to parameter is not a valid address".
  if (status === 400 && /\bto\b.*not a valid address/i.test(message))
    return invalidRecipient(status, { message });
  return failureFromStatus(status, { message });
}

export function createMailgunProvider(config: MailgunConfig): EmailProvider {
  let client: MailgunClient | undefined;
  // Built on first use so importing this module never touches the SDK.
  const getClient = (): MailgunClient => {
    client ??= new Mailgun(FormData).client({
      username: "api",
      key: config.apiKey,
      ...(config.baseUrl ? { url: config.baseUrl } : {}),
    });
    return client;
  };

  return {
    kind: "mailgun",
    async send(message: EmailMessage): Promise<SendResult> {
      const from = message.from ?? config.from;
      if (!from)
        return { ok: false, kind: "rejected", retryable: false, message: "No sender address configured" };
      const variables = Object.fromEntries(
        Object.entries(message.tags ?? {}).map(([name, value]) => [`v:${name}`, value]),
      );
      try {
        const result = await getClient().messages.create(config.domain, {
          from,
          to: [message.to],
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.replyTo ? { "h:Reply-To": message.replyTo } : {}),
          ...variables,
          ...(message.idempotencyKey ? { "v:hearth-message-id": message.idempotencyKey } : {}),
        });
        if (!result.id)
          return {
            ok: false,
            kind: "unknown",
            retryable: false,
            message: result.message ?? "Mailgun answered without an id",
            status: result.status,
          };
        return { ok: true, providerMessageId: result.id, raw: result };
      } catch (error) {
        return mapMailgunError(error);
      }
    },
    async testConnection() {
      try {
        await getClient().domains.get(config.domain);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: mapMailgunError(error).message };
      }
    },
  };
}

export type MailgunSignatureInput = {
  /** The account's HTTP webhook signing key (not the API key). */
  signingKey: string;
  timestamp: string;
  token: string;
  signature: string;
  /** Refuse signatures older than this many seconds (replays); default 5 minutes. */
  toleranceSeconds?: number;
  now?: Date;
};

/** True only for hex HMAC-SHA256(signingKey, timestamp + token), compared in constant time, and fresh. */
export function verifyMailgunWebhook(input: MailgunSignatureInput): boolean {
  const seconds = Number(input.timestamp);
  const now = (input.now ?? new Date()).getTime() / 1000;
  if (!Number.isFinite(seconds) || Math.abs(now - seconds) > (input.toleranceSeconds ?? 300)) return false;
  const expected = createHmac("sha256", input.signingKey)
    .update(input.timestamp + input.token)
    .digest();
  const given = Buffer.from(input.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
