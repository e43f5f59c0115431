import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { Webhook } from "standardwebhooks";
import { listenLocal, readText, sendJson } from "./http";

/**
 * A local imitation of Resend's REST API (the endpoints we call): Bearer auth, JSON in and out,
 * errors in Resend's `{statusCode, name, message}` shape, the `Idempotency-Key` header recorded.
 */

export type ResendFakeRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: unknown;
};

export type ResendFakeError = { status: number; name: string; message: string };

export type ResendFake = {
  url: string;
  apiKey: string;
  requests: ResendFakeRequest[];
  /** The next request answers with this error instead of succeeding. */
  failNext(error: ResendFakeError): void;
  close(): Promise<void>;
};

export const TEST_RESEND_KEY = "re_fake_0123456789";

function sendError(res: ServerResponse, error: ResendFakeError): void {
  sendJson(res, error.status, { statusCode: error.status, name: error.name, message: error.message });
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return raw;
  }
}

function hasRecipient(body: unknown): boolean {
  if (typeof body !== "object" || body === null || !("to" in body)) return false;
  const to: unknown = body.to;
  const list = Array.isArray(to) ? to : [to];
  return (
    list.length > 0 &&
    list.every((address) => typeof address === "string" && /^[^@\s]+@[^@\s]+$/.test(address))
  );
}

export async function startResendFake(options: { apiKey?: string } = {}): Promise<ResendFake> {
  const apiKey = options.apiKey ?? TEST_RESEND_KEY;
  const requests: ResendFakeRequest[] = [];
  const scripted: ResendFakeError[] = [];

  const server = await listenLocal(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const body = parseJson(await readText(req));
    const authorization = req.headers.authorization;
    const idempotencyKey = req.headers["idempotency-key"];
    requests.push({
      method: req.method ?? "",
      path,
      authorization,
      idempotencyKey: typeof idempotencyKey === "string" ? idempotencyKey : undefined,
      body,
    });

    const failure = scripted.shift();
    if (failure) return sendError(res, failure);
    if (!authorization)
      return sendError(res, {
        status: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header.",
      });
    if (authorization !== `Bearer ${apiKey}`)
      return sendError(res, { status: 403, name: "invalid_api_key", message: "API key is invalid" });
    if (req.method === "GET" && path === "/domains") {
      return sendJson(res, 200, { object: "list", has_more: false, data: [] });
    }
    if (req.method === "POST" && path === "/emails") {
      if (!hasRecipient(body)) {
        return sendError(res, {
          status: 422,
          name: "validation_error",
          message:
            "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
        });
      }
      return sendJson(res, 200, { id: randomUUID() });
    }
    return sendError(res, {
      status: 404,
      name: "not_found",
      message: "The requested endpoint does not exist.",
    });
  });

  return {
    url: server.url,
    apiKey,
    requests,
    failNext: (error) => scripted.push(error),
    close: server.close,
  };
}

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from("fake-resend-webhook-secret-32byt").toString("base64")}`;

/** A webhook delivery exactly as Resend (via Svix) signs it; `at` moves the timestamp for stale tests. */
export function signResendWebhook(input: { secret: string; event: unknown; at?: Date; id?: string }): {
  headers: Headers;
  rawBody: string;
} {
  const rawBody = JSON.stringify(input.event);
  const id = input.id ?? `msg_${randomUUID()}`;
  const at = input.at ?? new Date();
  const signature = new Webhook(input.secret).sign(id, at, rawBody);
  return {
    rawBody,
    headers: new Headers({
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    }),
  };
}
