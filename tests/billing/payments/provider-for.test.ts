import { describe, expect, test } from "vitest";
import type { PaymentsConfig } from "@/lib/billing/payments/config";
import { paymentProviderFor } from "@/lib/billing/payments/provider-for";

const both: PaymentsConfig = {
  stripe: { secretKey: "sk_test_x", webhookSecret: "whsec_x", apiBase: null },
  paystack: { secretKey: "sk_test_y", baseUrl: "https://api.paystack.co" },
  rootDomain: "localhost:3000",
  protocol: "http",
};
const stripeOnly: PaymentsConfig = { ...both, paystack: null };
const none: PaymentsConfig = { ...both, stripe: null, paystack: null };

describe("paymentProviderFor", () => {
  test.each([
    // currency, override, config, expected
    ["NGN", null, both, "paystack"],
    ["GHS", null, both, "paystack"],
    ["KES", null, both, "paystack"],
    ["ZAR", null, both, "paystack"],
    ["zar", null, both, "paystack"],
    ["USD", null, both, "stripe"],
    ["EUR", null, both, "stripe"],
    ["NGN", "stripe", both, "stripe"],
    ["USD", "paystack", both, "paystack"],
    // The chosen provider has no keys: embedded mode, the test checkout stands in.
    ["NGN", null, stripeOnly, "test"],
    ["USD", "paystack", stripeOnly, "test"],
    ["USD", null, stripeOnly, "stripe"],
    ["USD", null, none, "test"],
  ] as const)("%s with override %s → %s", (currency, paymentProvider, config, expected) => {
    expect(paymentProviderFor({ currency, paymentProvider }, config)).toBe(expected);
  });
});
