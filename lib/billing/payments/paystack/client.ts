import "server-only";
import { z } from "zod";
import type { PaymentsConfig } from "../config";

// Paystack's REST API (no SDK): initialize a transaction, verify it by reference. The top-level
// `status` only says the call worked; whether money moved is `data.status`.

type PaystackSettings = NonNullable<PaymentsConfig["paystack"]>;

export class PaystackError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = "PaystackError";
    this.status = status;
  }
}

const envelope = z.object({
  status: z.boolean(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});

const initializeData = z.object({
  authorization_url: z.url(),
  access_code: z.string(),
  reference: z.string(),
});

/** The transaction as verify and the `charge.success` webhook describe it. */
export const paystackTransactionSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  status: z.string(),
  reference: z.string(),
  amount: z.number().int(),
  currency: z.string().transform((c) => c.toUpperCase()),
  paid_at: z.string().nullish(),
  channel: z.string().nullish(),
  metadata: z.unknown().optional(),
});
export type PaystackTransaction = z.infer<typeof paystackTransactionSchema>;

async function call(settings: PaystackSettings, path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(
    new URL(path, settings.baseUrl.endsWith("/") ? settings.baseUrl : `${settings.baseUrl}/`),
    {
      ...init,
      headers: {
        authorization: `Bearer ${settings.secretKey}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      signal: AbortSignal.timeout(20_000),
    },
  );
  const text = await response.text();
  let body: z.infer<typeof envelope>;
  try {
    body = envelope.parse(JSON.parse(text));
  } catch {
    throw new PaystackError(`Paystack answered ${response.status} with an unreadable body`, response.status);
  }
  if (!response.ok || !body.status) {
    throw new PaystackError(body.message ?? `Paystack answered ${response.status}`, response.status);
  }
  return body.data;
}

export async function initializePaystackTransaction(
  settings: PaystackSettings,
  request: {
    email: string;
    amountMinor: number;
    currency: string;
    reference: string;
    callbackUrl: string;
    metadata: Record<string, string>;
  },
): Promise<{ authorizationUrl: string; accessCode: string; reference: string }> {
  const data = await call(settings, "transaction/initialize", {
    method: "POST",
    body: JSON.stringify({
      email: request.email,
      amount: request.amountMinor,
      currency: request.currency,
      reference: request.reference,
      callback_url: request.callbackUrl,
      metadata: request.metadata,
    }),
  });
  const parsed = initializeData.parse(data);
  return {
    authorizationUrl: parsed.authorization_url,
    accessCode: parsed.access_code,
    reference: parsed.reference,
  };
}

export async function verifyPaystackTransaction(
  settings: PaystackSettings,
  reference: string,
): Promise<PaystackTransaction> {
  const data = await call(settings, `transaction/verify/${encodeURIComponent(reference)}`, { method: "GET" });
  return paystackTransactionSchema.parse(data);
}
