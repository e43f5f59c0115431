// What each provider kind needs: secret credentials (sealed in `credentials_ciphertext`) and
// non-secret settings (the `config` column). The console form, the JSON import and the client
// factory all validate through these schemas, so one place knows each provider's fields.
import { z } from "zod";

const secret = z.string().trim().min(1, "Required");
const baseUrl = z.url({ protocol: /^https?$/ }).optional();

export const smsCredentialSchemas = {
  twilio: z.object({
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, "Starts with AC, 34 characters"),
    authToken: secret,
  }),
  termii: z.object({ apiKey: secret }),
  "dev-sink": z.object({}),
} as const;

export const smsConfigSchemas = {
  twilio: z.object({ baseUrl, messagingServiceSid: z.string().trim().optional() }),
  termii: z.object({
    baseUrl: z.url({ protocol: /^https?$/ }).default("https://api.ng.termii.com"),
    channel: z.enum(["generic", "dnd"]).optional(),
  }),
  "dev-sink": z.object({}),
} as const;

export const emailCredentialSchemas = {
  resend: z.object({ apiKey: secret, webhookSecret: z.string().trim().optional() }),
  sendgrid: z.object({ apiKey: secret }),
  ses: z.object({ accessKeyId: secret, secretAccessKey: secret }),
  mailgun: z.object({ apiKey: secret, webhookSigningKey: z.string().trim().optional() }),
  "dev-sink": z.object({}),
} as const;

export const emailConfigSchemas = {
  resend: z.object({ baseUrl }),
  sendgrid: z.object({ baseUrl }),
  ses: z.object({
    region: z.string().trim().min(1, "Required"),
    endpoint: baseUrl,
    configurationSetName: z.string().trim().optional(),
  }),
  mailgun: z.object({ domain: z.string().trim().min(1, "Required"), baseUrl }),
  "dev-sink": z.object({}),
} as const;

export type SmsProviderKind = keyof typeof smsCredentialSchemas;
export type EmailProviderKind = keyof typeof emailCredentialSchemas;
export const smsProviderKinds = Object.keys(smsCredentialSchemas) as SmsProviderKind[];
export const emailProviderKinds = Object.keys(emailCredentialSchemas) as EmailProviderKind[];

/** "•••• 1a2b": the last four characters of the credential that identifies the account. */
export function credentialHint(credentials: Record<string, string | undefined>): string | null {
  const identifying = credentials.accountSid ?? credentials.apiKey ?? credentials.accessKeyId;
  if (!identifying) return null;
  return `•••• ${identifying.slice(-4)}`;
}
