import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { listenLocal, readText, sendJson } from "./http";

/**
 * A local imitation of the Stripe API's Checkout Sessions endpoint as the official SDK calls it:
 * form-encoded bodies with bracket notation (`metadata[tenantId]=…`), `Authorization: Bearer sk_…`,
 * an `Idempotency-Key` header (the same key returns the same session), and Stripe's error shape.
 * Webhooks are signed with the SDK's own `generateTestHeaderString`, exactly as Stripe signs them.
 */

export const TEST_STRIPE_KEY = "sk_test_fakeStripeKey0123456789";
export const TEST_STRIPE_WEBHOOK_SECRET = "whsec_fakeStripeWebhookSecret0123";

export type StripeFakeRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  /** The form body, flat: `line_items[0][price_data][unit_amount]` → "1500". */
  form: Record<string, string>;
};

export type StripeSessionObject = {
  id: string;
  object: "checkout.session";
  mode: "payment";
  url: string | null;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  created: number;
};

export type StripeFake = {
  url: string;
  requests: StripeFakeRequest[];
  sessions: Map<string, StripeSessionObject>;
  /** The session as `checkout.session.completed` would carry it: paid, with a payment intent. */
  paidSession(sessionId: string, opts?: { paymentStatus?: "paid" | "unpaid" }): StripeSessionObject;
  close(): Promise<void>;
};

const token = (n = 12) => randomBytes(n).toString("hex");

function metadataOf(form: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match?.[1]) out[match[1]] = value;
  }
  return out;
}

export async function startStripeFake(options: { apiKey?: string } = {}): Promise<StripeFake> {
  const apiKey = options.apiKey ?? TEST_STRIPE_KEY;
  const requests: StripeFakeRequest[] = [];
  const sessions = new Map<string, StripeSessionObject>();
  const byIdempotencyKey = new Map<string, string>();

  const server = await listenLocal(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readText(req);
    const form = Object.fromEntries(new URLSearchParams(raw));
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const request: StripeFakeRequest = {
      method: req.method ?? "",
      path: url.pathname,
      authorization: header("authorization"),
      idempotencyKey: header("idempotency-key"),
      contentType: header("content-type"),
      form,
    };
    requests.push(request);
    const error = (status: number, type: string, message: string, param?: string) =>
      sendJson(
        res,
        status,
        { error: { type, message, ...(param ? { param } : {}) } },
        { "request-id": `req_${token(6)}` },
      );

    if (request.authorization !== `Bearer ${apiKey}`) {
      return error(401, "invalid_request_error", "Invalid API Key provided.");
    }
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const known = request.idempotencyKey ? byIdempotencyKey.get(request.idempotencyKey) : undefined;
      const existing = known ? sessions.get(known) : undefined;
      if (existing) return sendJson(res, 200, existing, { "idempotent-replayed": "true" });
      if (form.mode !== "payment") return error(400, "invalid_request_error", "Invalid mode.", "mode");
      const unitAmount = Number(form["line_items[0][price_data][unit_amount]"]);
      const quantity = Number(form["line_items[0][quantity]"] ?? "1");
      const currency = form["line_items[0][price_data][currency]"];
      if (!Number.isInteger(unitAmount) || unitAmount <= 0 || !currency) {
        return error(
          400,
          "invalid_request_error",
          "Missing required param: line_items[0][price_data].",
          "line_items",
        );
      }
      if (!form.success_url)
        return error(400, "invalid_request_error", "Missing success_url.", "success_url");
      const id = `cs_test_${token()}`;
      const session: StripeSessionObject = {
        id,
        object: "checkout.session",
        mode: "payment",
        url: `https://checkout.stripe.com/c/pay/${id}`,
        status: "open",
        payment_status: "unpaid",
        amount_total: unitAmount * quantity,
        currency,
        client_reference_id: form.client_reference_id ?? null,
        customer_email: form.customer_email ?? null,
        metadata: metadataOf(form),
        payment_intent: null,
        success_url: form.success_url,
        cancel_url: form.cancel_url ?? "",
        created: Math.floor(Date.now() / 1000),
      };
      sessions.set(id, session);
      if (request.idempotencyKey) byIdempotencyKey.set(request.idempotencyKey, id);
      return sendJson(res, 200, session);
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && sessionMatch?.[1]) {
      const session = sessions.get(sessionMatch[1]);
      return session
        ? sendJson(res, 200, session)
        : error(404, "invalid_request_error", "No such checkout.session");
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname}).`);
  });

  return {
    url: server.url,
    requests,
    sessions,
    paidSession(sessionId, opts = {}) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no fake session ${sessionId}`);
      const paid: StripeSessionObject = {
        ...session,
        status: "complete",
        payment_status: opts.paymentStatus ?? "paid",
        url: null,
        payment_intent: session.payment_intent ?? `pi_${token()}`,
      };
      sessions.set(sessionId, paid);
      return paid;
    },
    close: server.close,
  };
}

/** A Stripe event envelope as webhooks deliver it. */
export function stripeEvent(type: string, object: unknown, id = `evt_${token()}`) {
  return {
    id,
    object: "event",
    api_version: "2025-01-27.acacia",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** A `charge.refunded` charge for a payment intent, with the refunds listed as Stripe lists them. */
export function refundedCharge(opts: {
  paymentIntent: string;
  amount: number;
  currency: string;
  refunds: Array<{ id?: string; amount: number }>;
}) {
  const data = opts.refunds.map((r) => ({
    id: r.id ?? `re_${token()}`,
    object: "refund",
    amount: r.amount,
    status: "succeeded",
  }));
  return {
    id: `ch_${token()}`,
    object: "charge",
    payment_intent: opts.paymentIntent,
    amount: opts.amount,
    amount_refunded: data.reduce((s, r) => s + r.amount, 0),
    currency: opts.currency,
    refunded: data.reduce((s, r) => s + r.amount, 0) === opts.amount,
    refunds: { object: "list", data, has_more: false },
  };
}

/** Signs a payload the way Stripe does, with the SDK's own helper. */
export function signStripePayload(payload: string, secret = TEST_STRIPE_WEBHOOK_SECRET): string {
  return new Stripe(TEST_STRIPE_KEY).webhooks.generateTestHeaderString({ payload, secret });
}
