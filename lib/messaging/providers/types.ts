/**
 * One interface per channel. Every real client maps its API's responses and errors onto
 * `SendResult`, so the sender can fail over on `retryable` errors without knowing the provider.
 */

export type SendFailureKind =
  | "rate_limited" // 429 or the provider's throttling code: retry later, or fail over
  | "invalid_recipient" // bad number/address: never retry, never fail over
  | "auth_failed" // wrong credentials: fail over, alert the platform
  | "rejected" // the provider refused this message (content, sender id): fail over
  | "server_error" // 5xx or network failure: retry / fail over
  | "unknown";

export type SendResult =
  | { ok: true; providerMessageId: string; segments?: number; raw?: unknown }
  | {
      ok: false;
      kind: SendFailureKind;
      retryable: boolean;
      message: string;
      providerCode?: string | number;
      status?: number;
    };

export type SmsMessage = {
  /** E.164, e.g. +2348031234567. */
  to: string;
  body: string;
  /** Sender id or number; falls back to the provider's configured default. */
  from?: string;
  /** Where the provider should post delivery status, when it supports callbacks. */
  statusCallbackUrl?: string;
  /** Our message id, for idempotency where the provider supports it. */
  idempotencyKey?: string;
};

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  from?: string;
  replyTo?: string;
  idempotencyKey?: string;
  /** Custom metadata echoed back in webhooks (e.g. our message id). */
  tags?: Record<string, string>;
};

export type SmsProvider = {
  kind: "twilio" | "termii" | "dev-sink";
  send(message: SmsMessage): Promise<SendResult>;
  /** A cheap authenticated call that proves the credentials work. */
  testConnection(): Promise<{ ok: true } | { ok: false; message: string }>;
};

export type EmailProvider = {
  kind: "resend" | "sendgrid" | "ses" | "mailgun" | "dev-sink";
  send(message: EmailMessage): Promise<SendResult>;
  testConnection(): Promise<{ ok: true } | { ok: false; message: string }>;
};
