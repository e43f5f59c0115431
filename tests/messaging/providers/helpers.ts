// Inputs for the provider tests: realistic console submissions with secrets easy to search for.
import type { ProviderInput } from "@/lib/messaging/providers/schemas";

export const TWILIO_SID = `AC${"1234567890abcdef".repeat(2)}`;
export const TWILIO_TOKEN = "s3cret-twilio-token-do-not-leak";
export const RESEND_KEY = "re_s3cret_resend_key_do_not_leak";

export function twilioInput(overrides: Partial<Extract<ProviderInput, { channel: "sms" }>> = {}) {
  return {
    channel: "sms",
    kind: "twilio",
    name: "Twilio main",
    credentials: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
    config: {},
    senderId: "HEARTH",
    costPerMessageMinor: 4,
    costCurrency: "USD",
    throttlePerSecond: 20,
    ...overrides,
  } satisfies ProviderInput;
}

export function resendInput(overrides: Partial<Extract<ProviderInput, { channel: "email" }>> = {}) {
  return {
    channel: "email",
    kind: "resend",
    name: "Resend",
    credentials: { apiKey: RESEND_KEY },
    config: {},
    fromAddress: "Hearth <no-reply@hearth.example>",
    costPerMessageMinor: 1,
    costCurrency: "USD",
    throttlePerSecond: 10,
    ...overrides,
  } satisfies ProviderInput;
}
