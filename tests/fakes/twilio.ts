import type { ServerResponse } from "node:http";
import twilio from "twilio";
import { countSmsSegments } from "@/lib/messaging/sms/segments";
import { listenLocal, readText, sendJson } from "./http";

/**
 * A local imitation of Twilio's REST API (the two endpoints we call): HTTP Basic auth with
 * AccountSid:AuthToken, form-encoded PascalCase fields in, snake_case JSON out, errors in Twilio's
 * `{code, message, more_info, status}` shape.
 */

export type TwilioFakeRequest = {
  method: string;
  path: string;
  /** Decoded Basic credentials, or null when the header is missing or malformed. */
  auth: { username: string; password: string } | null;
  contentType: string | undefined;
  form: Record<string, string>;
};

export type TwilioFakeError = { status: number; code: number; message: string };

export type TwilioFake = {
  url: string;
  accountSid: string;
  authToken: string;
  requests: TwilioFakeRequest[];
  /** The next request (of any kind) answers with this Twilio error instead of succeeding. */
  failNext(error: TwilioFakeError): void;
  close(): Promise<void>;
};

export const TEST_ACCOUNT_SID = `AC${"0".repeat(31)}1`;
export const TEST_AUTH_TOKEN = "fake-auth-token-0123456789abcdef";

function parseBasic(header: string | undefined): TwilioFakeRequest["auth"] {
  const match = header?.match(/^Basic (.+)$/);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function sendError(res: ServerResponse, error: TwilioFakeError): void {
  sendJson(res, error.status, {
    code: error.code,
    message: error.message,
    more_info: `https://www.twilio.com/docs/errors/${error.code}`,
    status: error.status,
  });
}

let messageCounter = 0;
function nextMessageSid(): string {
  messageCounter += 1;
  return `SM${messageCounter.toString(16).padStart(32, "0")}`;
}

export async function startTwilioFake(
  options: { accountSid?: string; authToken?: string } = {},
): Promise<TwilioFake> {
  const accountSid = options.accountSid ?? TEST_ACCOUNT_SID;
  const authToken = options.authToken ?? TEST_AUTH_TOKEN;
  const requests: TwilioFakeRequest[] = [];
  const scripted: TwilioFakeError[] = [];
  const accountPath = `/2010-04-01/Accounts/${accountSid}`;

  const server = await listenLocal(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readText(req);
    const auth = parseBasic(req.headers.authorization);
    const form = Object.fromEntries(new URLSearchParams(raw));
    requests.push({
      method: req.method ?? "",
      path: url.pathname,
      auth,
      contentType: req.headers["content-type"],
      form,
    });

    const failure = scripted.shift();
    if (failure) return sendError(res, failure);
    if (auth?.username !== accountSid || auth.password !== authToken) {
      return sendError(res, { status: 401, code: 20003, message: "Authenticate" });
    }
    if (req.method === "GET" && url.pathname === `${accountPath}.json`) {
      return sendJson(res, 200, { sid: accountSid, friendly_name: "Fake account", status: "active" });
    }
    if (req.method === "POST" && url.pathname === `${accountPath}/Messages.json`) {
      if (!form.To || !form.Body || !(form.From || form.MessagingServiceSid)) {
        return sendError(res, { status: 400, code: 21604, message: "A 'To' phone number is required." });
      }
      return sendJson(res, 201, {
        sid: nextMessageSid(),
        account_sid: accountSid,
        status: form.MessagingServiceSid ? "accepted" : "queued",
        to: form.To,
        from: form.From ?? null,
        messaging_service_sid: form.MessagingServiceSid ?? null,
        body: form.Body,
        // Twilio sends counts as strings.
        num_segments: String(countSmsSegments(form.Body).segments),
        error_code: null,
        error_message: null,
        date_created: new Date().toUTCString(),
      });
    }
    return sendError(res, { status: 404, code: 20404, message: "The requested resource was not found" });
  });

  return {
    url: server.url,
    accountSid,
    authToken,
    requests,
    failNext: (error) => scripted.push(error),
    close: server.close,
  };
}

/**
 * A status callback exactly as Twilio would POST it to `url`: the form fields plus the
 * `X-Twilio-Signature` computed with the account's auth token.
 */
export function signedStatusCallback(input: {
  authToken: string;
  url: string;
  messageSid: string;
  status: "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "read";
  errorCode?: string;
  accountSid?: string;
}): { params: Record<string, string>; signature: string } {
  const params: Record<string, string> = {
    MessageSid: input.messageSid,
    SmsSid: input.messageSid,
    MessageStatus: input.status,
    SmsStatus: input.status,
    AccountSid: input.accountSid ?? TEST_ACCOUNT_SID,
    To: "+2348031234567",
    From: "+15005550006",
    ApiVersion: "2010-04-01",
    ...(input.errorCode ? { ErrorCode: input.errorCode } : {}),
  };
  return { params, signature: twilio.getExpectedTwilioSignature(input.authToken, input.url, params) };
}
