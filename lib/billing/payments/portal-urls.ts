import { tenantUrl } from "@/lib/tenancy/host";
import type { PaymentsConfig } from "./config";

export type CheckoutPurpose = "invoice" | "addon";
export type CheckoutOutcome = "succeeded" | "failed" | "cancelled" | "pending";

/**
 * Where the tenant lands after a checkout: the billing page for invoices, the marketplace for
 * add-ons, with `payment=<outcome>&checkout=<id>` for the page to show a banner.
 */
export function checkoutReturnPath(
  purpose: CheckoutPurpose,
  outcome: CheckoutOutcome,
  checkoutId: string,
): string {
  const page = purpose === "invoice" ? "/billing" : "/marketplace";
  return `${page}?payment=${outcome}&checkout=${encodeURIComponent(checkoutId)}`;
}

export function checkoutReturnUrl(
  config: PaymentsConfig,
  slug: string,
  purpose: CheckoutPurpose,
  outcome: CheckoutOutcome,
  checkoutId: string,
): string {
  return tenantUrl(
    slug,
    config.rootDomain,
    config.protocol,
    checkoutReturnPath(purpose, outcome, checkoutId),
  );
}

/** The embedded test checkout page of one checkout. */
export function testCheckoutUrl(config: PaymentsConfig, slug: string, checkoutId: string): string {
  return tenantUrl(slug, config.rootDomain, config.protocol, `/checkout/test/${checkoutId}`);
}

/** Paystack sends the customer back here with `?reference=…`; the page verifies server-side. */
export function paystackCallbackUrl(config: PaymentsConfig, slug: string): string {
  return tenantUrl(slug, config.rootDomain, config.protocol, "/billing/paystack/callback");
}
