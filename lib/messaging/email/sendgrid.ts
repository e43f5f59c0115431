import sendgridClient from "@sendgrid/client";
import sendgridMail from "@sendgrid/mail";
import { z } from "zod";
import type { EmailMessage, EmailProvider, SendResult } from "@/lib/messaging/providers/types";
import { errorMessage, failureFromStatus, invalidRecipient, type SendFailure } from "./result";

/**
 * SendGrid through `@sendgrid/mail`, with a Client and MailService of our own (never the SDK's
 * module-level singletons, which would share one API key across providers). SendGrid has no
 * idempotency header, so our key travels in `custom_args` and comes back in event webhooks.
 */

export type SendGridConfig = {
  apiKey: string;
  /** Default sender address; a per-message `from` wins. */
  from?: string;
  /** Replaces `https://api.sendgrid.com`; for fakes and proxies. */
  baseUrl?: string;
};

const sendGridErrorBody = z.object({
  errors: z.array(z.object({ message: z.string(), field: z.string().nullish() })).min(1),
});

/** axios errors carry the response; the SDK wraps ≥400 answers in a ResponseError with `.code`. */
const responseErrorShape = z.object({
  code: z.number(),
  response: z.object({ body: z.unknown() }),
});

export function mapSendGridError(error: unknown): SendFailure {
  const parsed = responseErrorShape.safeParse(error);
  if (!parsed.success) return failureFromStatus(undefined, { message: errorMessage(error) });
  const status = parsed.data.code;
  const body = sendGridErrorBody.safeParse(parsed.data.response.body);
  const first = body.success ? body.data.errors[0] : undefined;
  const details = {
    message: first?.message ?? errorMessage(error),
    ...(first?.field ? { providerCode: first.field } : {}),
  };
  // SendGrid names the offending field, e.g. `personalizations.0.to.0.email`.
  if (status === 400 && first?.field && /^personalizations\.\d+\.to\b/.test(first.field)) {
    return invalidRecipient(status, details);
  }
  return failureFromStatus(status, details);
}

/*
 * Both packages export their singleton (`module.exports = new Client()`), and their typings declare
 * only that instance, although the classes are exported at runtime too. The singletons' constructors
 * ARE the classes; fresh instances keep each provider's API key and base URL to itself.
 */
type Client = typeof sendgridClient;
type MailService = typeof sendgridMail;
const ClientClass = sendgridClient.constructor as new () => Client;
const MailServiceClass = sendgridMail.constructor as new () => MailService;

function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const value: unknown = Reflect.get(headers, name);
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

export function createSendGridProvider(config: SendGridConfig): EmailProvider {
  let state: { client: Client; mail: MailService } | undefined;
  // Built on first use so importing this module never touches the SDK.
  const getState = () => {
    if (!state) {
      const client = new ClientClass();
      // setApiKey resets the base URL to the region default, so it must come first.
      client.setApiKey(config.apiKey);
      if (config.baseUrl) client.setDefaultRequest("baseUrl", config.baseUrl);
      const mail = new MailServiceClass();
      mail.setClient(client);
      state = { client, mail };
    }
    return state;
  };

  return {
    kind: "sendgrid",
    async send(message: EmailMessage): Promise<SendResult> {
      const from = message.from ?? config.from;
      if (!from)
        return { ok: false, kind: "rejected", retryable: false, message: "No sender address configured" };
      const customArgs = {
        ...message.tags,
        ...(message.idempotencyKey ? { hearth_idempotency_key: message.idempotencyKey } : {}),
      };
      try {
        const [response] = await getState().mail.send({
          to: message.to,
          from,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          ...(Object.keys(customArgs).length > 0 ? { customArgs } : {}),
        });
        const id = headerValue(response.headers, "x-message-id");
        if (!id)
          return {
            ok: false,
            kind: "unknown",
            retryable: false,
            message: "SendGrid answered without X-Message-Id",
            status: response.statusCode,
          };
        return { ok: true, providerMessageId: id };
      } catch (error) {
        return mapSendGridError(error);
      }
    },
    async testConnection() {
      try {
        // Every valid key can read its own scopes; nothing is sent.
        await getState().client.request({ method: "GET", url: "/v3/scopes" });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: mapSendGridError(error).message };
      }
    },
  };
}
