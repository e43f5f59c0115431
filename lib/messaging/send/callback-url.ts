import { env } from "@/lib/env";
import { rootUrl } from "@/lib/tenancy/host";

/**
 * Where Twilio posts a message's delivery status: the public root domain (webhooks are not
 * tenant-scoped), with our message id so the route finds the message and the provider that sent it.
 */
export function twilioStatusCallbackUrl(messageId: string): string {
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  return rootUrl(
    ROOT_DOMAIN,
    PUBLIC_PROTOCOL,
    `/api/webhooks/twilio?messageId=${encodeURIComponent(messageId)}`,
  );
}

/** The public URL a webhook was called at, from the request's path and query (proxies change the host). */
export function publicWebhookUrl(requestUrl: string): string {
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  const url = new URL(requestUrl);
  return rootUrl(ROOT_DOMAIN, PUBLIC_PROTOCOL, `${url.pathname}${url.search}`);
}
