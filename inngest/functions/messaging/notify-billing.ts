import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { notifyInvoiceIssued, notifyPaymentReceived } from "@/lib/messaging/notify/billing";

/**
 * The hotel's billing mail, thin wrappers over lib/messaging/notify/billing. Inngest runs each once
 * per invoice / payment (`idempotency`; billing also sends the events with ids that dedupe), and
 * the email's idempotency key keeps a retried step to one message where that is not honoured.
 * `concurrency` keeps a billing run that finalises many invoices from taking every worker.
 */
const shared = {
  concurrency: { key: "event.data.tenantId", limit: 2 },
  retries: 4,
} as const;

export const notifyInvoiceIssuedFn = inngest.createFunction(
  {
    id: "notify-invoice-issued",
    name: "Notify hotel: invoice issued",
    triggers: [events["billing/invoice.finalized"]],
    idempotency: "event.data.invoiceId",
    ...shared,
  },
  async ({ event, step }) =>
    step.run("send-invoice-issued", async () =>
      notifyInvoiceIssued(await getDb(), { invoiceId: event.data.invoiceId }),
    ),
);

export const notifyPaymentReceivedFn = inngest.createFunction(
  {
    id: "notify-payment-received",
    name: "Notify hotel: payment received",
    triggers: [events["billing/payment.succeeded"]],
    idempotency: "event.data.paymentId",
    ...shared,
  },
  async ({ event, step }) =>
    step.run("send-payment-received", async () =>
      notifyPaymentReceived(await getDb(), { paymentId: event.data.paymentId }),
    ),
);
