import { listenLocal, readText, sendJson } from "./http";

/**
 * A local imitation of Termii's SMS API: the API key in the JSON body (send) or query string
 * (balance), `{message_id, message, balance, user}` on success, `{message}` on errors.
 */

export type TermiiFakeRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  /** Parsed JSON body, or null for GET / unparseable bodies. */
  json: Record<string, unknown> | null;
};

export type TermiiFakeResponse = { status: number; body: unknown };

export type TermiiFake = {
  url: string;
  apiKey: string;
  requests: TermiiFakeRequest[];
  /** The next request answers with this status and body (JSON, or raw text for a string) instead. */
  failNext(response: TermiiFakeResponse): void;
  close(): Promise<void>;
};

export const TEST_TERMII_KEY = "TLfakeTermiiKey0123456789";

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

export async function startTermiiFake(options: { apiKey?: string } = {}): Promise<TermiiFake> {
  const apiKey = options.apiKey ?? TEST_TERMII_KEY;
  const requests: TermiiFakeRequest[] = [];
  const scripted: TermiiFakeResponse[] = [];
  let counter = 0;

  const server = await listenLocal(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readText(req);
    const json = raw ? parseJson(raw) : null;
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      method: req.method ?? "",
      path: url.pathname,
      query,
      contentType: req.headers["content-type"],
      json,
    });

    const scriptedResponse = scripted.shift();
    if (scriptedResponse && typeof scriptedResponse.body === "string") {
      // A string body is sent as-is, to imitate a gateway's HTML/text error page.
      res.writeHead(scriptedResponse.status, { "content-type": "text/plain" });
      return res.end(scriptedResponse.body);
    }
    if (scriptedResponse) return sendJson(res, scriptedResponse.status, scriptedResponse.body);

    if (req.method === "GET" && url.pathname === "/api/get-balance") {
      if (query.api_key !== apiKey) return sendJson(res, 401, { message: "Invalid API key" });
      return sendJson(res, 200, { user: "Fake Hotel", balance: 1234.5, currency: "NGN" });
    }
    if (req.method === "POST" && url.pathname === "/api/sms/send") {
      if (json?.api_key !== apiKey) return sendJson(res, 401, { message: "Unauthorized" });
      if (typeof json.to !== "string" || !/^\d{8,15}$/.test(json.to)) {
        return sendJson(res, 400, { message: "Invalid phone number" });
      }
      counter += 1;
      return sendJson(res, 200, {
        code: "ok",
        message_id: `3017${counter.toString().padStart(12, "0")}`,
        message: "Successfully Sent",
        balance: 1234.5 - counter,
        user: "Fake Hotel",
      });
    }
    return sendJson(res, 404, { message: "Not found" });
  });

  return {
    url: server.url,
    apiKey,
    requests,
    failNext: (response) => scripted.push(response),
    close: server.close,
  };
}
