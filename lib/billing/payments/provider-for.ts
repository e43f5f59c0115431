import type { Tenant } from "@/lib/tenants/queries";
import { type PaymentsConfig, paymentsConfig } from "./config";

export type CheckoutProvider = "stripe" | "paystack" | "test";

/** Currencies Paystack settles; every other currency goes to Stripe. */
export const PAYSTACK_CURRENCIES: ReadonlySet<string> = new Set(["NGN", "GHS", "KES", "ZAR"]);

/**
 * Who takes a tenant's payments: the console's per-tenant override, else Paystack for the
 * currencies it settles and Stripe for the rest. When that provider has no keys configured the
 * app is in embedded mode and the test checkout stands in for it.
 */
export function paymentProviderFor(
  tenant: Pick<Tenant, "paymentProvider" | "currency">,
  config: PaymentsConfig = paymentsConfig(),
): CheckoutProvider {
  const chosen =
    tenant.paymentProvider ??
    (PAYSTACK_CURRENCIES.has(tenant.currency.toUpperCase()) ? "paystack" : "stripe");
  return config[chosen] ? chosen : "test";
}
