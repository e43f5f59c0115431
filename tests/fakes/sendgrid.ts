import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { listenLocal, readText } from "./http";

/**
 * A local imitation of SendGrid's v3 API (the endpoints we call): Bearer auth, JSON in, 202 with an
 * empty body and the id in `X-Message-Id`, errors as `{errors:[{message, field, help}]}`.
 */

export type SendGridFakeRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
};

export type SendGridFakeError = { status: number; message: string; field?: string | null };

export type SendGridFake = {
  url: string;
  apiKey: string;
  requests: SendGridFakeRequest[];
  failNext(error: SendGridFakeError): void;
  close(): Promise<void>;
};

export const TEST_SENDGRID_KEY = "SG.fake-key.0123456789";

function sendError(res: ServerResponse, error: SendGridFakeError): void {
  res.writeHead(error.status, { "content-type": "application/json" });
  res.end(JSON.stringify({ errors: [{ message: error.message, field: error.field ?? null, help: null }] }));
}

function firstRecipient(body: unknown): unknown {
  if (typeof body !== "object" || body === null || !("personalizations" in body)) return undefined;
  const personalizations: unknown = body.personalizations;
  if (!Array.isArray(personalizations)) return undefined;
  const to: unknown = personalizations[0]?.to;
  return Array.isArray(to) ? to[0]?.email : undefined;
}

export async function startSendGridFake(options: { apiKey?: string } = {}): Promise<SendGridFake> {
  const apiKey = options.apiKey ?? TEST_SENDGRID_KEY;
  const requests: SendGridFakeRequest[] = [];
  const scripted: SendGridFakeError[] = [];

  const server = await listenLocal(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const raw = await readText(req);
    const body: unknown = raw ? JSON.parse(raw) : null;
    const authorization = req.headers.authorization;
    requests.push({ method: req.method ?? "", path, authorization, body });

    const failure = scripted.shift();
    if (failure) return sendError(res, failure);
    if (authorization !== `Bearer ${apiKey}`) {
      return sendError(res, {
        status: 401,
        message: "The provided authorization grant is invalid, expired, or revoked",
      });
    }
    if (req.method === "GET" && path === "/v3/scopes") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ scopes: ["mail.send"] }));
    }
    if (req.method === "POST" && path === "/v3/mail/send") {
      const to = firstRecipient(body);
      if (typeof to !== "string" || !/^[^@\s]+@[^@\s]+$/.test(to)) {
        return sendError(res, {
          status: 400,
          message: "Does not contain a valid address.",
          field: "personalizations.0.to.0.email",
        });
      }
      res.writeHead(202, { "x-message-id": randomBytes(11).toString("base64url") });
      return res.end();
    }
    return sendError(res, { status: 404, message: "Not found" });
  });

  return {
    url: server.url,
    apiKey,
    requests,
    failNext: (error) => scripted.push(error),
    close: server.close,
  };
}
