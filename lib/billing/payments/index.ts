// The payments module's public surface: pages, actions and jobs import from here.

export {
  type Checkout,
  cancelCheckout,
  closeCheckout,
  completeCheckout,
  expireCheckout,
  failCheckout,
  type Payment,
  type PaymentResult,
} from "./complete-checkout";
export { type PaymentsConfig, paymentsConfig } from "./config";
export { recordManualPayment } from "./manual-payment";
export { verifyPaystackCallback } from "./paystack/settle";
export { checkoutReturnPath } from "./portal-urls";
export { type CheckoutProvider, PAYSTACK_CURRENCIES, paymentProviderFor } from "./provider-for";
export { type CheckoutSummary, getCheckoutSummary } from "./queries";
export { type RefundResult, recordRefund, refundPayment } from "./refund-payment";
export * from "./schemas";
export { type StartedCheckout, startCheckout } from "./start-checkout";
export { listTenantPayments, type TenantPaymentRow } from "./tenant-payments";
export { getTestCheckout, settleTestCheckout, testCheckoutEnabled } from "./test-checkout";
