import { createHmac, randomBytes } from "node:crypto";
import { listenLocal, readBody, sendJson } from "./http";

/**
 * A local imitation of Mailgun's API (the endpoints we call): Basic auth `api:<key>`, multipart
 * form in, `{id, message}` out, errors as `{message}`.
 */

export type MailgunFakeRequest = {
  method: string;
  path: string;
  auth: { username: string; password: string } | null;
  contentType: string | undefined;
  /** Multipart fields; repeated names (several `to`) keep every value. */
  form: Record<string, string[]>;
};

export type MailgunFakeError = { status: number; message: string };

export type MailgunFake = {
  url: string;
  apiKey: string;
  domain: string;
  requests: MailgunFakeRequest[];
  failNext(error: MailgunFakeError): void;
  close(): Promise<void>;
};

export const TEST_MAILGUN_KEY = "key-fake0123456789";
export const TEST_MAILGUN_DOMAIN = "mg.hearth.example";

function parseBasic(header: string | undefined): MailgunFakeRequest["auth"] {
  const match = header?.match(/^Basic (.+)$/);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Lets the platform's own multipart parser (undici's Response) read the body. */
async function parseForm(raw: Buffer, contentType: string | undefined): Promise<Record<string, string[]>> {
  if (!contentType?.startsWith("multipart/form-data")) return {};
  const form = await new Response(new Uint8Array(raw), {
    headers: { "content-type": contentType },
  }).formData();
  const fields: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = [...(fields[name] ?? []), value];
  }
  return fields;
}

export async function startMailgunFake(
  options: { apiKey?: string; domain?: string } = {},
): Promise<MailgunFake> {
  const apiKey = options.apiKey ?? TEST_MAILGUN_KEY;
  const domain = options.domain ?? TEST_MAILGUN_DOMAIN;
  const requests: MailgunFakeRequest[] = [];
  const scripted: MailgunFakeError[] = [];

  const server = await listenLocal(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const contentType = req.headers["content-type"];
    const form = await parseForm(await readBody(req), contentType);
    const auth = parseBasic(req.headers.authorization);
    requests.push({ method: req.method ?? "", path, auth, contentType, form });

    const failure = scripted.shift();
    if (failure) return sendJson(res, failure.status, { message: failure.message });
    // Mailgun answers bad credentials with a bare 401 "Forbidden".
    if (auth?.username !== "api" || auth.password !== apiKey) {
      res.writeHead(401, { "content-type": "text/plain" });
      return res.end("Forbidden");
    }
    if (req.method === "GET" && /^\/v[34]\/domains\/[^/]+$/.test(path)) {
      if (!path.endsWith(`/${domain}`)) return sendJson(res, 404, { message: "Domain not found" });
      return sendJson(res, 200, {
        domain: { name: domain, state: "active" },
        receiving_dns_records: [],
        sending_dns_records: [],
      });
    }
    if (req.method === "POST" && path === `/v3/${domain}/messages`) {
      const to = form.to ?? [];
      if (to.length === 0 || !to.every((address) => /^[^@\s]+@[^@\s]+$/.test(address))) {
        return sendJson(res, 400, {
          message: "to parameter is not a valid address. please check documentation",
        });
      }
      return sendJson(res, 200, {
        id: `<${randomBytes(8).toString("hex")}@${domain}>`,
        message: "Queued. Thank you.",
      });
    }
    return sendJson(res, 404, { message: "Not Found" });
  });

  return {
    url: server.url,
    apiKey,
    domain,
    requests,
    failNext: (error) => scripted.push(error),
    close: server.close,
  };
}

/** A webhook signature block exactly as Mailgun puts it in the event body. */
export function signMailgunWebhook(
  signingKey: string,
  at = new Date(),
): { timestamp: string; token: string; signature: string } {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const token = randomBytes(25).toString("hex");
  const signature = createHmac("sha256", signingKey)
    .update(timestamp + token)
    .digest("hex");
  return { timestamp, token, signature };
}
