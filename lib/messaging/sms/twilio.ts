import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type { SendResult, SmsMessage, SmsProvider } from "@/lib/messaging/providers/types";

/**
 * Twilio SMS through the official SDK. The SDK has no base-URL option, so for tests (and any proxy)
 * a `baseUrl` swaps in an http client that rewrites `https://api.twilio.com/...` to that base.
 *
 * Error mapping and what the sender does with it:
 * - 21211 / 21614 (invalid or non-mobile number) → invalid_recipient: never retried, never failed over.
 * - 20003 / HTTP 401 → auth_failed: not retryable on this provider, but the sender fails over to the
 *   next provider (and alerts the platform) because another provider's credentials may work.
 * - 20429 / HTTP 429 → rate_limited, 5xx and network errors → server_error: both retryable.
 * - anything else Twilio refuses → rejected (fail over).
 */

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  /** Sender number; either this or `messagingServiceSid` (or a per-message `from`). */
  from?: string;
  messagingServiceSid?: string;
  /** Replaces `https://api.twilio.com` in every request; for fakes and proxies. */
  baseUrl?: string;
};

const INVALID_NUMBER_CODES = new Set([21211, 21614]);

/** Keeps the SDK's own request logic (auth, form encoding, axios) and only moves the origin. */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const original = new URL(opts.uri);
    const target = new URL(`${original.pathname}${original.search}`, this.baseUrl);
    return super.request<TData>({ ...opts, uri: target.href });
  }
}

function isRestException(error: unknown): error is twilio.RestException {
  return error instanceof twilio.RestException;
}

export function mapTwilioError(error: unknown): Extract<SendResult, { ok: false }> {
  if (!isRestException(error)) {
    // Axios network failures (refused, reset, timeout) carry no HTTP status: the provider is unreachable.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: "server_error", retryable: true, message };
  }
  const { code, status } = error;
  const base = { message: error.message, providerCode: code, status };
  if (code !== undefined && INVALID_NUMBER_CODES.has(code)) {
    return { ok: false, kind: "invalid_recipient", retryable: false, ...base };
  }
  if (code === 20003 || status === 401) return { ok: false, kind: "auth_failed", retryable: false, ...base };
  if (code === 20429 || status === 429) return { ok: false, kind: "rate_limited", retryable: true, ...base };
  if (status >= 500) return { ok: false, kind: "server_error", retryable: true, ...base };
  return { ok: false, kind: "rejected", retryable: false, ...base };
}

export function createTwilioProvider(config: TwilioConfig): SmsProvider {
  let client: twilio.Twilio | undefined;
  // Built on first use so importing this module (or listing providers) never touches the SDK.
  const getClient = (): twilio.Twilio => {
    client ??= twilio(config.accountSid, config.authToken, {
      ...(config.baseUrl ? { httpClient: new RebasedRequestClient(config.baseUrl) } : {}),
    });
    return client;
  };

  return {
    kind: "twilio",
    async send(message: SmsMessage): Promise<SendResult> {
      const from = message.from ?? config.from;
      try {
        const created = await getClient().messages.create({
          to: message.to,
          body: message.body,
          ...(from ? { from } : { messagingServiceSid: config.messagingServiceSid }),
          ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        });
        const segments = Number(created.numSegments);
        return {
          ok: true,
          providerMessageId: created.sid,
          ...(Number.isFinite(segments) && segments > 0 ? { segments } : {}),
          raw: created.toJSON(),
        };
      } catch (error) {
        return mapTwilioError(error);
      }
    },
    async testConnection() {
      try {
        await getClient().api.v2010.accounts(config.accountSid).fetch();
        return { ok: true };
      } catch (error) {
        return { ok: false, message: mapTwilioError(error).message };
      }
    },
  };
}

export type TwilioSignatureInput = {
  authToken: string;
  /** The full public URL Twilio called, including query string (mind proxies and ports). */
  url: string;
  /** The POSTed form fields. */
  params: Record<string, string>;
  /** The `X-Twilio-Signature` header; null/undefined when missing. */
  signature: string | null | undefined;
};

/** True only when the status callback was signed by Twilio with this account's auth token. */
export function verifyTwilioSignature(input: TwilioSignatureInput): boolean {
  if (!input.signature) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}
