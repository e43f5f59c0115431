// The overdue reminder: one email and one SMS to the hotel's billing contact, through the
// messaging pipeline (template "invoice.overdue", in the hotel's locale). The idempotency keys name
// the invoice and the reminder day, so a retried or concurrent run sends each message once.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { users } from "@/db/schema";
import type { Invoice } from "@/lib/billing/invoices/settle";
import { outstandingMinor } from "@/lib/billing/payments/invoice-balance";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/messaging/send/send-email";
import { sendSms } from "@/lib/messaging/send/send-sms";
import { sendEmailSchema, sendSmsSchema } from "@/lib/messaging/send/types";
import { tenantUrl } from "@/lib/tenancy/host";
import type { Tenant } from "@/lib/tenants/queries";
import { addDays } from "./overdue";
import { INVOICE_OVERDUE_EVENT, type InvoiceOverduePayload, invoiceOverdueSchema } from "./schemas";

export type ReminderMessage =
  | { channel: "email" | "sms"; messageId: string; status: string }
  | { channel: "email" | "sms"; skipped: string };

/** The hotel's billing contact: its contact email and phone, else the owner's email. */
async function billingContact(db: Queryable, tenant: Tenant) {
  const [owner] = tenant.ownerUserId
    ? await db
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(eq(users.id, tenant.ownerUserId))
        .limit(1)
    : [];
  const email = sendEmailSchema.shape.to.safeParse(tenant.contactEmail ?? owner?.email ?? "");
  const phone = sendSmsSchema.shape.to.safeParse(tenant.contactPhone ?? "");
  return {
    name: owner?.name.trim() || tenant.name,
    email: email.success ? email.data : null,
    phone: phone.success ? phone.data : null,
  };
}

export async function sendOverdueReminder(
  db: Queryable,
  input: { tenant: Tenant; invoice: Invoice; day: number; daysOverdue: number; suspendAfterDays: number },
): Promise<ReminderMessage[]> {
  const { tenant, invoice, day } = input;
  if (!invoice.dueDate) return [];
  const contact = await billingContact(db, tenant);
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
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
      url: tenantUrl(tenant.slug, ROOT_DOMAIN, PUBLIC_PROTOCOL, "/billing"),
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
    const m = await sendSms(db, { ...common, to: contact.phone, idempotencyKey: key("sms") });
    sent.push({ channel: "sms", messageId: m.id, status: m.status });
  } else {
    sent.push({ channel: "sms", skipped: "the hotel has no valid contact phone" });
  }
  return sent;
}
