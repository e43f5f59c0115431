import { env } from "@/lib/env";
import { rootUrl } from "@/lib/tenancy/host";

/**
 * Where Twilio posts a message's delivery status: the public root domain (webhooks are not
 * tenant-scoped), with our message id so the route finds the message and the provider that sent it,
 * and the attempt number, so a callback that arrives before Twilio's API has answered us (no
 * MessageSid on our row yet) can be told from a late one of an earlier attempt. Twilio signs it all.
 */
export function twilioStatusCallbackUrl(messageId: string, attempt: number): string {
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  const query = new URLSearchParams({ messageId, attempt: String(attempt) });
  return rootUrl(ROOT_DOMAIN, PUBLIC_PROTOCOL, `/api/webhooks/twilio?${query}`);
}

/** The public URL a webhook was called at, from the request's path and query (proxies change the host). */
export function publicWebhookUrl(requestUrl: string): string {
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  const url = new URL(requestUrl);
  return rootUrl(ROOT_DOMAIN, PUBLIC_PROTOCOL, `${url.pathname}${url.search}`);
}
