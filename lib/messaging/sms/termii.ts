import { z } from "zod";
import type { SendResult, SmsMessage, SmsProvider } from "@/lib/messaging/providers/types";

/**
 * Termii SMS over its HTTP API (no SDK). The API key travels in the JSON body / query string, not a
 * header. Accounts get their own base URL, so it is always configured, never assumed.
 */

export type TermiiConfig = {
  apiKey: string;
  /** Registered sender id (3–11 characters). */
  senderId: string;
  baseUrl: string;
  /**
   * Defaults to "dnd": the "generic" route silently skips numbers on the Do-Not-Disturb list, and
   * our messages are transactional (booking confirmations), which DND routing is for.
   */
  channel?: "generic" | "dnd";
};

const successSchema = z.object({ message_id: z.union([z.string(), z.number()]).transform(String) });
// Termii's error shape is not documented precisely: `message` is the one field we rely on.
const errorSchema = z.object({ message: z.string() }).partial();

function endpoint(baseUrl: string, path: string): URL {
  return new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

function mapTermiiFailure(status: number, message: string): Extract<SendResult, { ok: false }> {
  const base = { message, status };
  if (status === 401 || status === 403) return { ok: false, kind: "auth_failed", retryable: false, ...base };
  if (status === 429) return { ok: false, kind: "rate_limited", retryable: true, ...base };
  if (status >= 500) return { ok: false, kind: "server_error", retryable: true, ...base };
  if (status === 400 && /invalid|number/i.test(message)) {
    return { ok: false, kind: "invalid_recipient", retryable: false, ...base };
  }
  return { ok: false, kind: "rejected", retryable: false, ...base };
}

export function createTermiiProvider(config: TermiiConfig): SmsProvider {
  const channel = config.channel ?? "dnd";
  return {
    kind: "termii",
    async send(message: SmsMessage): Promise<SendResult> {
      const payload = {
        api_key: config.apiKey,
        // Termii wants international digits without the "+".
        to: message.to.replace(/^\+/, ""),
        from: message.from ?? config.senderId,
        sms: message.body,
        type: "plain",
        channel,
      };
      let response: Response;
      try {
        response = await fetch(endpoint(config.baseUrl, "api/sms/send"), {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(payload),
        });
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return { ok: false, kind: "server_error", retryable: true, message: text };
      }
      const body = await readJson(response);
      if (response.status === 200) {
        const parsed = successSchema.safeParse(body);
        if (parsed.success) return { ok: true, providerMessageId: parsed.data.message_id, raw: body };
        return {
          ok: false,
          kind: "unknown",
          retryable: false,
          message: "Termii answered 200 without a message_id",
          status: 200,
        };
      }
      const text = errorSchema.safeParse(body).data?.message ?? `HTTP ${response.status}`;
      return mapTermiiFailure(response.status, text);
    },
    async testConnection() {
      const url = endpoint(config.baseUrl, "api/get-balance");
      url.searchParams.set("api_key", config.apiKey);
      try {
        const response = await fetch(url, { headers: { accept: "application/json" } });
        if (response.status === 200) return { ok: true };
        const body = await readJson(response);
        const text = errorSchema.safeParse(body).data?.message ?? `HTTP ${response.status}`;
        return { ok: false, message: text };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
