import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { listenLocal, readText } from "./http";

/**
 * A local imitation of the SES v2 REST API (the endpoints we call): SigV4 `Authorization` header
 * (the credential's access key id is checked, the signature itself is not recomputed), JSON in,
 * `{MessageId}` out, errors as AWS REST-JSON (`x-amzn-ErrorType` header + `{message}`).
 */

export type SesFakeRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  amzDate: string | undefined;
  body: unknown;
};

export type SesFakeError = { status: number; type: string; message: string };

export type SesFake = {
  url: string;
  accessKeyId: string;
  requests: SesFakeRequest[];
  failNext(error: SesFakeError): void;
  close(): Promise<void>;
};

export const TEST_SES_ACCESS_KEY_ID = "AKIAFAKE0123456789";
export const TEST_SES_SECRET = "fake-secret-access-key";

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", "x-amzn-requestid": randomUUID(), ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: SesFakeError): void {
  sendJson(res, error.status, { message: error.message }, { "x-amzn-errortype": error.type });
}

function toAddresses(body: unknown): unknown[] {
  if (typeof body !== "object" || body === null || !("Destination" in body)) return [];
  const destination: unknown = body.Destination;
  if (typeof destination !== "object" || destination === null || !("ToAddresses" in destination)) return [];
  return Array.isArray(destination.ToAddresses) ? destination.ToAddresses : [];
}

export async function startSesFake(options: { accessKeyId?: string } = {}): Promise<SesFake> {
  const accessKeyId = options.accessKeyId ?? TEST_SES_ACCESS_KEY_ID;
  const requests: SesFakeRequest[] = [];
  const scripted: SesFakeError[] = [];

  const server = await listenLocal(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const raw = await readText(req);
    const authorization = req.headers.authorization;
    const amzDate = req.headers["x-amz-date"];
    requests.push({
      method: req.method ?? "",
      path,
      authorization,
      amzDate: typeof amzDate === "string" ? amzDate : undefined,
      body: raw ? JSON.parse(raw) : null,
    });

    const failure = scripted.shift();
    if (failure) return sendError(res, failure);
    if (!authorization?.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`)) {
      return sendError(res, {
        status: 403,
        type: "UnrecognizedClientException",
        message: "The security token included in the request is invalid.",
      });
    }
    if (req.method === "GET" && path === "/v2/email/account") {
      return sendJson(res, 200, {
        SendingEnabled: true,
        ProductionAccessEnabled: true,
        SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 },
      });
    }
    if (req.method === "POST" && path === "/v2/email/outbound-emails") {
      const to = toAddresses(requests.at(-1)?.body);
      if (
        to.length === 0 ||
        !to.every((address) => typeof address === "string" && /^[^@\s]+@[^@\s]+$/.test(address))
      ) {
        return sendError(res, { status: 400, type: "BadRequestException", message: "Illegal address" });
      }
      return sendJson(res, 200, { MessageId: `0100${randomUUID().replaceAll("-", "")}-000000` });
    }
    return sendError(res, { status: 404, type: "NotFoundException", message: "Not found" });
  });

  return {
    url: server.url,
    accessKeyId,
    requests,
    failNext: (error) => scripted.push(error),
    close: server.close,
  };
}
