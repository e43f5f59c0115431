import "server-only";
import Stripe from "stripe";
import type { PaymentsConfig } from "../config";

type StripeSettings = NonNullable<PaymentsConfig["stripe"]>;

const clients = new Map<string, Stripe>();

/**
 * A Stripe client for these settings, made on first use (never at import) and reused. With
 * STRIPE_API_BASE set (a local fake in tests) requests go there instead of api.stripe.com.
 */
export function stripeClient(settings: StripeSettings): Stripe {
  const cacheKey = `${settings.secretKey}@${settings.apiBase ?? ""}`;
  const cached = clients.get(cacheKey);
  if (cached) return cached;
  const base = settings.apiBase ? new URL(settings.apiBase) : null;
  const client = new Stripe(settings.secretKey, {
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
  });
  clients.set(cacheKey, client);
  return client;
}
