import { createHmac, randomInt } from "node:crypto";
import { listenLocal, readText, sendJson } from "./http";

/**
 * A local imitation of Paystack's transaction API: `POST /transaction/initialize` (JSON, Bearer
 * secret key, integer amount in the subunit, unique reference) and `GET /transaction/verify/:ref`.
 * A transaction is `abandoned` until the test pays it; `{status:false,message}` on errors, as Paystack.
 */

export const TEST_PAYSTACK_KEY = "sk_test_fakePaystackKey0123456789";

export type PaystackFakeRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  json: Record<string, unknown> | null;
};

export type PaystackFakeTransaction = {
  id: number;
  status: "abandoned" | "success" | "failed";
  reference: string;
  amount: number;
  currency: string;
  paid_at: string | null;
  channel: string;
  metadata: unknown;
  customer: { email: string };
  callback_url: string;
};

export type PaystackFake = {
  url: string;
  requests: PaystackFakeRequest[];
  transactions: Map<string, PaystackFakeTransaction>;
  /** The customer pays (or fails); `amount`/`currency` override what was charged (a tampered payment). */
  settle(
    reference: string,
    opts?: { status?: "success" | "failed"; amount?: number; currency?: string },
  ): PaystackFakeTransaction;
  close(): Promise<void>;
};

function parseJson(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function startPaystackFake(options: { secretKey?: string } = {}): Promise<PaystackFake> {
  const secretKey = options.secretKey ?? TEST_PAYSTACK_KEY;
  const requests: PaystackFakeRequest[] = [];
  const transactions = new Map<string, PaystackFakeTransaction>();

  const server = await listenLocal(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readText(req);
    const json = raw ? parseJson(raw) : null;
    const authorization = req.headers.authorization;
    requests.push({ method: req.method ?? "", path: url.pathname, authorization, json });
    const fail = (status: number, message: string) => sendJson(res, status, { status: false, message });

    if (authorization !== `Bearer ${secretKey}`) return fail(401, "Invalid key");
    if (req.method === "POST" && url.pathname === "/transaction/initialize") {
      const amount = json?.amount;
      const reference = json?.reference;
      if (typeof json?.email !== "string" || !json.email.includes("@"))
        return fail(400, "Invalid Email Address Passed");
      if (typeof amount !== "number" || !Number.isInteger(amount) || amount <= 0)
        return fail(400, "Invalid Amount Sent");
      if (typeof reference !== "string" || !/^[A-Za-z0-9\-.=]+$/.test(reference))
        return fail(400, "Invalid reference");
      if (transactions.has(reference)) return fail(400, "Duplicate Transaction Reference");
      transactions.set(reference, {
        id: randomInt(1_000_000, 9_999_999),
        status: "abandoned",
        reference,
        amount,
        currency: typeof json.currency === "string" ? json.currency : "NGN",
        paid_at: null,
        channel: "card",
        metadata: json.metadata ?? null,
        customer: { email: json.email },
        callback_url: typeof json.callback_url === "string" ? json.callback_url : "",
      });
      const accessCode = `ac_${reference.slice(0, 8)}`;
      return sendJson(res, 200, {
        status: true,
        message: "Authorization URL created",
        data: {
          authorization_url: `https://checkout.paystack.com/${accessCode}`,
          access_code: accessCode,
          reference,
        },
      });
    }
    const verify = /^\/transaction\/verify\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && verify?.[1]) {
      const transaction = transactions.get(decodeURIComponent(verify[1]));
      if (!transaction) return fail(400, "Transaction reference not found");
      const { callback_url: _omit, ...data } = transaction;
      return sendJson(res, 200, { status: true, message: "Verification successful", data });
    }
    return fail(404, "Not found");
  });

  return {
    url: server.url,
    requests,
    transactions,
    settle(reference, opts = {}) {
      const transaction = transactions.get(reference);
      if (!transaction) throw new Error(`no fake transaction ${reference}`);
      const status = opts.status ?? "success";
      const settled: PaystackFakeTransaction = {
        ...transaction,
        status,
        amount: opts.amount ?? transaction.amount,
        currency: opts.currency ?? transaction.currency,
        paid_at: status === "success" ? new Date().toISOString() : null,
      };
      transactions.set(reference, settled);
      return settled;
    },
    close: server.close,
  };
}

/** The `charge.success` webhook body Paystack posts for a settled transaction. */
export function paystackChargeSuccess(transaction: PaystackFakeTransaction): string {
  const { callback_url: _omit, ...data } = transaction;
  return JSON.stringify({ event: "charge.success", data });
}

/** `x-paystack-signature`: hex HMAC-SHA512 of the raw body under the secret key. */
export function signPaystackBody(rawBody: string, secretKey = TEST_PAYSTACK_KEY): string {
  return createHmac("sha512", secretKey).update(rawBody).digest("hex");
}
