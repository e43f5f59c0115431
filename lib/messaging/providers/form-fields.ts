// The console dialog's fields per provider kind, read off the credential and config schemas so the
// form, the import and the client factory cannot disagree about what a kind needs.
import { z } from "zod";
import {
  type EmailProviderKind,
  emailConfigSchemas,
  emailCredentialSchemas,
  emailProviderKinds,
  type SmsProviderKind,
  smsConfigSchemas,
  smsCredentialSchemas,
  smsProviderKinds,
} from "./credentials";

export type KindField = {
  name: string;
  label: string;
  required: boolean;
  /** For enums: the allowed values. */
  options?: string[];
  /** The schema's default, shown as the placeholder. */
  placeholder?: string;
};

export type KindFields = { credentials: KindField[]; config: KindField[] };

const labels: Record<string, string> = {
  accountSid: "Account SID",
  authToken: "Auth token",
  apiKey: "API key",
  webhookSecret: "Webhook signing secret",
  webhookSigningKey: "Webhook signing key",
  accessKeyId: "Access key ID",
  secretAccessKey: "Secret access key",
  baseUrl: "API base URL",
  messagingServiceSid: "Messaging service SID",
  channel: "Route",
  region: "Region",
  endpoint: "Endpoint URL",
  configurationSetName: "Configuration set",
  domain: "Sending domain",
};

export const kindLabels: Record<SmsProviderKind | EmailProviderKind, string> = {
  twilio: "Twilio",
  termii: "Termii",
  resend: "Resend",
  sendgrid: "SendGrid",
  ses: "Amazon SES",
  mailgun: "Mailgun",
  "dev-sink": "Dev sink (no delivery)",
};

function describeFields(schema: z.ZodObject): KindField[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const described: KindField = {
      name,
      label: labels[name] ?? name,
      required: !(field as z.ZodType).safeParse(undefined).success,
    };
    let inner: unknown = field;
    if (inner instanceof z.ZodDefault) {
      const fallback = (field as z.ZodType).parse(undefined);
      if (typeof fallback === "string") described.placeholder = fallback;
      inner = inner.unwrap();
    }
    if (inner instanceof z.ZodOptional) inner = inner.unwrap();
    if (inner instanceof z.ZodEnum) described.options = inner.options.map(String);
    return described;
  });
}

export function smsKindFields(): Record<SmsProviderKind, KindFields> {
  return Object.fromEntries(
    smsProviderKinds.map((kind) => [
      kind,
      {
        credentials: describeFields(smsCredentialSchemas[kind]),
        config: describeFields(smsConfigSchemas[kind]),
      },
    ]),
  ) as Record<SmsProviderKind, KindFields>;
}

export function emailKindFields(): Record<EmailProviderKind, KindFields> {
  return Object.fromEntries(
    emailProviderKinds.map((kind) => [
      kind,
      {
        credentials: describeFields(emailCredentialSchemas[kind]),
        config: describeFields(emailConfigSchemas[kind]),
      },
    ]),
  ) as Record<EmailProviderKind, KindFields>;
}
