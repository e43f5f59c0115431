import "server-only";
import { type Env, env } from "@/lib/env";

/** What the payments module knows of its providers; `null` means not configured (embedded mode). */
export type PaymentsConfig = {
  stripe: { secretKey: string; webhookSecret: string | null; apiBase: string | null } | null;
  paystack: { secretKey: string; baseUrl: string } | null;
  /** Where tenant portals live, for return and callback URLs. */
  rootDomain: string;
  protocol: "http" | "https";
};

/** Reads the payment settings from the environment (tests pass their own config instead). */
export function paymentsConfig(e: Env = env()): PaymentsConfig {
  return {
    stripe: e.STRIPE_SECRET_KEY
      ? {
          secretKey: e.STRIPE_SECRET_KEY,
          webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? null,
          apiBase: e.STRIPE_API_BASE ?? null,
        }
      : null,
    paystack: e.PAYSTACK_SECRET_KEY
      ? { secretKey: e.PAYSTACK_SECRET_KEY, baseUrl: e.PAYSTACK_BASE_URL }
      : null,
    rootDomain: e.ROOT_DOMAIN,
    protocol: e.PUBLIC_PROTOCOL,
  };
}
