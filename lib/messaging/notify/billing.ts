// The platform's billing mail to a hotel, through sendEmail with the platform default templates in
// the hotel's locale: "invoice.issued" when an invoice is finalised, "payment.received" when money
// arrives. Both go to the hotel's billing contact and are logged under the hotel. Each is sent once
// however often it runs: the idempotency key names the invoice or the payment.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformInvoices, platformPayments, users } from "@/db/schema";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/messaging/send/send-email";
import { type MessageStatus, sendEmailSchema, sendSmsSchema } from "@/lib/messaging/send/types";
import { platformEventSchemas } from "@/lib/messaging/templates/platform-events";
import { tenantUrl } from "@/lib/tenancy/host";
import { getTenantById, type Tenant } from "@/lib/tenants/queries";

export type BillingNotifyResult =
  | { status: MessageStatus; messageId: string }
  | { status: "skipped"; reason: string };

export type BillingContact = { name: string; email: string | null; phone: string | null };

/**
 * The hotel's billing contact: its contact email (else its owner's) and its contact phone, each
 * null when missing or unusable. The name is the owner's, else the hotel's.
 */
export async function billingContact(
  db: Queryable,
  tenant: Pick<Tenant, "name" | "ownerUserId" | "contactEmail" | "contactPhone">,
): Promise<BillingContact> {
  const [owner] = tenant.ownerUserId
    ? await db
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(eq(users.id, tenant.ownerUserId))
        .limit(1)
    : [];
  const email = [tenant.contactEmail, owner?.email]
    .map((candidate) => sendEmailSchema.shape.to.safeParse(candidate ?? ""))
    .find((parsed) => parsed.success);
  const phone = sendSmsSchema.shape.to.safeParse(tenant.contactPhone ?? "");
  return {
    name: owner?.name.trim() || tenant.name,
    email: email?.success ? email.data : null,
    phone: phone.success ? phone.data : null,
  };
}

/** The hotel portal's billing page: where its invoices are listed and paid. */
export function tenantBillingUrl(slug: string): string {
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  return tenantUrl(slug, ROOT_DOMAIN, PUBLIC_PROTOCOL, "/billing");
}

export function invoiceIssuedIdempotencyKey(invoiceId: string): string {
  return `invoice.issued:${invoiceId}`;
}

export function paymentReceivedIdempotencyKey(paymentId: string): string {
  return `payment.received:${paymentId}`;
}

type Recipient = { tenant: Tenant; contact: BillingContact & { email: string } };

/** The live hotel and its billing email, or why there is no one to write to. */
async function recipientOf(db: Queryable, tenantId: string): Promise<Recipient | { skipped: string }> {
  const tenant = await getTenantById(db, tenantId);
  if (!tenant) return { skipped: "tenant not found" };
  if (tenant.status === "deleted") return { skipped: "tenant deleted" };
  const contact = await billingContact(db, tenant);
  if (!contact.email) return { skipped: "the hotel has no billing email address" };
  return { tenant, contact: { ...contact, email: contact.email } };
}

const invoiceIssuedInput = z.object({ invoiceId: z.uuid() });

export async function notifyInvoiceIssued(
  db: Queryable,
  input: z.input<typeof invoiceIssuedInput>,
): Promise<BillingNotifyResult> {
  const { invoiceId } = invoiceIssuedInput.parse(input);
  const [invoice] = await db
    .select()
    .from(platformInvoices)
    .where(eq(platformInvoices.id, invoiceId))
    .limit(1);
  if (!invoice) return { status: "skipped", reason: "invoice not found" };
  if (invoice.status === "draft") return { status: "skipped", reason: "invoice not issued yet" };
  if (invoice.status === "void") return { status: "skipped", reason: "invoice voided" };
  // Finalising issues a zero invoice as paid: there is nothing to ask the hotel for.
  if (invoice.totalMinor === 0) return { status: "skipped", reason: "zero invoice, issued as paid" };
  if (!invoice.dueDate) return { status: "skipped", reason: "invoice has no due date" };
  const to = await recipientOf(db, invoice.tenantId);
  if ("skipped" in to) return { status: "skipped", reason: to.skipped };
  const { tenant, contact } = to;
  const data = platformEventSchemas["invoice.issued"].parse({
    tenant: { name: tenant.name, slug: tenant.slug },
    recipient: { name: contact.name, email: contact.email },
    invoice: {
      number: invoice.number,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
      dueDate: invoice.dueDate,
      url: tenantBillingUrl(tenant.slug),
    },
  });
  const message = await sendEmail(db, {
    tenantId: tenant.id,
    event: "invoice.issued",
    to: contact.email,
    locale: tenant.locale,
    data,
    idempotencyKey: invoiceIssuedIdempotencyKey(invoice.id),
  });
  return { status: message.status, messageId: message.id };
}

const paymentReceivedInput = z.object({ paymentId: z.uuid() });

/** Payments that are money in hand (a later refund does not unsay that it was received). */
const receivedStatuses: ReadonlySet<string> = new Set(["succeeded", "refunded", "partially_refunded"]);

export async function notifyPaymentReceived(
  db: Queryable,
  input: z.input<typeof paymentReceivedInput>,
): Promise<BillingNotifyResult> {
  const { paymentId } = paymentReceivedInput.parse(input);
  const [row] = await db
    .select({ payment: platformPayments, invoiceNumber: platformInvoices.number })
    .from(platformPayments)
    .leftJoin(platformInvoices, eq(platformInvoices.id, platformPayments.invoiceId))
    .where(eq(platformPayments.id, paymentId))
    .limit(1);
  if (!row) return { status: "skipped", reason: "payment not found" };
  const { payment } = row;
  if (!receivedStatuses.has(payment.status)) {
    return { status: "skipped", reason: `payment is ${payment.status}` };
  }
  const to = await recipientOf(db, payment.tenantId);
  if ("skipped" in to) return { status: "skipped", reason: to.skipped };
  const { tenant, contact } = to;
  const data = platformEventSchemas["payment.received"].parse({
    tenant: { name: tenant.name, slug: tenant.slug },
    recipient: { name: contact.name, email: contact.email },
    payment: {
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      receivedAt: (payment.receivedAt ?? payment.createdAt).toISOString(),
      invoiceNumber: row.invoiceNumber,
    },
  });
  const message = await sendEmail(db, {
    tenantId: tenant.id,
    event: "payment.received",
    to: contact.email,
    locale: tenant.locale,
    data,
    idempotencyKey: paymentReceivedIdempotencyKey(payment.id),
  });
  return { status: message.status, messageId: message.id };
}
