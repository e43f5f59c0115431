import { GetAccountCommand, SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { EmailMessage, EmailProvider, SendResult } from "@/lib/messaging/providers/types";
import { errorMessage, failureFromStatus, invalidRecipient, type SendFailure } from "./result";

/**
 * AWS SES v2 through `@aws-sdk/client-sesv2` (SigV4 signing by the SDK). SES has no idempotency
 * header: our key travels as the `hearth_message_id` email tag, echoed in SES event notifications.
 * The SDK's own retries are off by default (`maxAttempts: 1`): our sender retries and fails over.
 */

export type SesConfig = {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  from?: string;
  /** Replaces the regional AWS endpoint; for fakes and VPC endpoints. */
  endpoint?: string;
  configurationSetName?: string;
  maxAttempts?: number;
};

const THROTTLING = new Set([
  "TooManyRequestsException",
  "Throttling",
  "ThrottlingException",
  "LimitExceededException",
]);
const AUTH = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "AccessDeniedException",
  "InvalidClientTokenId",
  "ExpiredTokenException",
]);

function httpStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("$metadata" in error)) return undefined;
  const metadata: unknown = error.$metadata;
  if (typeof metadata !== "object" || metadata === null || !("httpStatusCode" in metadata)) return undefined;
  return typeof metadata.httpStatusCode === "number" ? metadata.httpStatusCode : undefined;
}

export function mapSesError(error: unknown): SendFailure {
  const name = error instanceof Error ? error.name : "Error";
  const status = httpStatus(error);
  const details = { message: errorMessage(error), providerCode: name };
  if (THROTTLING.has(name)) return failureFromStatus(429, details);
  if (AUTH.has(name)) return failureFromStatus(403, details);
  // SES rejects a malformed address as BadRequestException "Illegal address" / "Missing final '@domain'".
  if (name === "BadRequestException" && /address|@domain/i.test(details.message))
    return invalidRecipient(status, details);
  // MessageRejected, SendingPaused, AccountSuspended, MailFromDomainNotVerified: SES refuses this
  // message or account; another provider may still deliver it (4xx → rejected). No HTTP status
  // means the request never got an answer (refused, reset, timeout) → server_error.
  return failureFromStatus(status, details);
}

export function createSesProvider(config: SesConfig): EmailProvider {
  let client: SESv2Client | undefined;
  // Built on first use so importing this module never touches the SDK.
  const getClient = (): SESv2Client => {
    client ??= new SESv2Client({
      region: config.region,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      maxAttempts: config.maxAttempts ?? 1,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    });
    return client;
  };

  return {
    kind: "ses",
    async send(message: EmailMessage): Promise<SendResult> {
      const from = message.from ?? config.from;
      if (!from)
        return { ok: false, kind: "rejected", retryable: false, message: "No sender address configured" };
      const tags = Object.entries({
        ...message.tags,
        ...(message.idempotencyKey ? { hearth_message_id: message.idempotencyKey } : {}),
      }).map(([Name, Value]) => ({ Name, Value }));
      try {
        const result = await getClient().send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [message.to] },
            ...(message.replyTo ? { ReplyToAddresses: [message.replyTo] } : {}),
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: "UTF-8" },
                Body: {
                  Text: { Data: message.text, Charset: "UTF-8" },
                  ...(message.html ? { Html: { Data: message.html, Charset: "UTF-8" } } : {}),
                },
              },
            },
            ...(tags.length > 0 ? { EmailTags: tags } : {}),
            ...(config.configurationSetName ? { ConfigurationSetName: config.configurationSetName } : {}),
          }),
        );
        if (!result.MessageId)
          return {
            ok: false,
            kind: "unknown",
            retryable: false,
            message: "SES answered without a MessageId",
          };
        return { ok: true, providerMessageId: result.MessageId };
      } catch (error) {
        return mapSesError(error);
      }
    },
    async testConnection() {
      try {
        await getClient().send(new GetAccountCommand({}));
        return { ok: true };
      } catch (error) {
        return { ok: false, message: mapSesError(error).message };
      }
    },
  };
}
