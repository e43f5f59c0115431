// The overdue reminder: one email and one SMS to the hotel's billing contact, through the
// messaging pipeline (template "invoice.overdue", in the hotel's locale). The idempotency keys name
// the invoice and the reminder day, so a retried or concurrent run sends each message once. The
// SMS is the platform chasing its own invoice: logged under the hotel, paid by the platform.
import type { Queryable } from "@/db/connect";
import type { Invoice } from "@/lib/billing/invoices/settle";
import { outstandingMinor } from "@/lib/billing/payments/invoice-balance";
import { billingContact, tenantBillingUrl } from "@/lib/messaging/notify/billing";
import { sendEmail } from "@/lib/messaging/send/send-email";
import { sendSms } from "@/lib/messaging/send/send-sms";
import type { Tenant } from "@/lib/tenants/queries";
import { addDays } from "./overdue";
import { INVOICE_OVERDUE_EVENT, type InvoiceOverduePayload, invoiceOverdueSchema } from "./schemas";

export type ReminderMessage =
  | { channel: "email" | "sms"; messageId: string; status: string }
  | { channel: "email" | "sms"; skipped: string };

export async function sendOverdueReminder(
  db: Queryable,
  input: { tenant: Tenant; invoice: Invoice; day: number; daysOverdue: number; suspendAfterDays: number },
): Promise<ReminderMessage[]> {
  const { tenant, invoice, day } = input;
  if (!invoice.dueDate) return [];
  const contact = await billingContact(db, tenant);
  const data: InvoiceOverduePayload = invoiceOverdueSchema.parse({
    tenant: { name: tenant.name, slug: tenant.slug },
    recipient: { name: contact.name, email: contact.email },
    invoice: {
      number: invoice.number,
      totalMinor: invoice.totalMinor,
      amountDueMinor: outstandingMinor(invoice),
      currency: invoice.currency,
      dueDate: invoice.dueDate,
      daysOverdue: input.daysOverdue,
      url: tenantBillingUrl(tenant.slug),
    },
    suspendOn: addDays(invoice.dueDate, input.suspendAfterDays),
  });
  const common = {
    tenantId: tenant.id,
    event: INVOICE_OVERDUE_EVENT,
    locale: tenant.locale,
    data,
  };
  const key = (channel: string) => `dunning:${invoice.id}:reminder:${day}:${channel}`;
  const sent: ReminderMessage[] = [];
  if (contact.email) {
    const m = await sendEmail(db, { ...common, to: contact.email, idempotencyKey: key("email") });
    sent.push({ channel: "email", messageId: m.id, status: m.status });
  } else {
    sent.push({ channel: "email", skipped: "the hotel has no billing email address" });
  }
  if (contact.phone) {
    const m = await sendSms(db, {
      ...common,
      to: contact.phone,
      idempotencyKey: key("sms"),
      billTo: "platform",
    });
    sent.push({ channel: "sms", messageId: m.id, status: m.status });
  } else {
    sent.push({ channel: "sms", skipped: "the hotel has no valid contact phone" });
  }
  return sent;
}
