import "server-only";
import type { platformEmailProviders, platformSmsProviders } from "@/db/schema";
import { createDevSinkEmailProvider } from "@/lib/messaging/email/dev-sink";
import { createMailgunProvider } from "@/lib/messaging/email/mailgun";
import { createResendProvider } from "@/lib/messaging/email/resend";
import { createSendGridProvider } from "@/lib/messaging/email/sendgrid";
import { createSesProvider } from "@/lib/messaging/email/ses";
import { createDevSinkSmsProvider } from "@/lib/messaging/sms/dev-sink";
import { createTermiiProvider } from "@/lib/messaging/sms/termii";
import { createTwilioProvider } from "@/lib/messaging/sms/twilio";
import {
  emailConfigSchemas,
  emailCredentialSchemas,
  smsConfigSchemas,
  smsCredentialSchemas,
} from "./credentials";
import { openSecret } from "./crypto";
import type { EmailMessage, EmailProvider, SmsMessage, SmsProvider } from "./types";

export type SmsProviderRow = typeof platformSmsProviders.$inferSelect;
export type EmailProviderRow = typeof platformEmailProviders.$inferSelect;

/** Where dev-sink providers put what they "send"; returns the stored row's id. */
export type DevSinkStores = {
  sms: (message: SmsMessage) => Promise<string>;
  email: (message: EmailMessage) => Promise<string>;
};

/** Decrypts a provider row's credentials (empty for dev-sink) as a plain string map. */
export function decryptCredentials(row: SmsProviderRow | EmailProviderRow): Record<string, string> {
  if (!row.credentialsCiphertext || !row.credentialsKeyId) return {};
  return JSON.parse(openSecret({ ciphertext: row.credentialsCiphertext, keyId: row.credentialsKeyId }));
}

/** A ready client for an SMS provider row. `sender` overrides the row's sender id. */
export function createSmsClient(
  row: SmsProviderRow,
  stores: DevSinkStores,
  sender?: string | null,
): SmsProvider {
  const from = sender ?? row.senderId ?? undefined;
  switch (row.kind) {
    case "twilio": {
      const creds = smsCredentialSchemas.twilio.parse(decryptCredentials(row));
      const config = smsConfigSchemas.twilio.parse(row.config);
      return createTwilioProvider({ ...creds, ...config, from });
    }
    case "termii": {
      const creds = smsCredentialSchemas.termii.parse(decryptCredentials(row));
      const config = smsConfigSchemas.termii.parse(row.config);
      return createTermiiProvider({ ...creds, ...config, senderId: from ?? "Hearth" });
    }
    case "dev-sink":
      return createDevSinkSmsProvider({
        store: (message) => stores.sms({ ...message, from: message.from ?? from }),
      });
  }
}

/** A ready client for an email provider row. `sender` overrides the row's From address. */
export function createEmailClient(
  row: EmailProviderRow,
  stores: DevSinkStores,
  sender?: string | null,
): EmailProvider {
  const from = sender ?? row.fromAddress;
  switch (row.kind) {
    case "resend":
      return createResendProvider({
        ...emailCredentialSchemas.resend.parse(decryptCredentials(row)),
        ...emailConfigSchemas.resend.parse(row.config),
        from,
      });
    case "sendgrid":
      return createSendGridProvider({
        ...emailCredentialSchemas.sendgrid.parse(decryptCredentials(row)),
        ...emailConfigSchemas.sendgrid.parse(row.config),
        from,
      });
    case "ses":
      return createSesProvider({
        ...emailCredentialSchemas.ses.parse(decryptCredentials(row)),
        ...emailConfigSchemas.ses.parse(row.config),
        from,
      });
    case "mailgun":
      return createMailgunProvider({
        ...emailCredentialSchemas.mailgun.parse(decryptCredentials(row)),
        ...emailConfigSchemas.mailgun.parse(row.config),
        from,
      });
    case "dev-sink":
      return createDevSinkEmailProvider({
        store: (message) => stores.email({ ...message, from: message.from ?? from }),
      });
  }
}
