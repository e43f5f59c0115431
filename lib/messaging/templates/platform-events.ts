// Payloads of the platform's own notifications (to hotel owners and staff, not guests). Templates
// for these are validated against these schemas' variables, as guest templates are against
// lib/events/schemas.ts. Amounts are integer minor units of `currency`.
import { z } from "zod";
import { tenantRoles } from "@/lib/auth/permissions";
import { invoiceOverdueSchema } from "@/lib/billing/dunning/schemas";

const tenant = z.object({ name: z.string().min(1), slug: z.string().min(1) });
const recipient = z.object({ name: z.string().min(1), email: z.string().nullable() });

export const platformEventSchemas = {
  "tenant.welcome": z.object({
    tenant,
    recipient,
    portalUrl: z.url(),
    trialEndsAt: z.iso.datetime({ offset: true }).nullable(),
  }),
  "invoice.issued": z.object({
    tenant,
    recipient,
    invoice: z.object({
      number: z.string().min(1),
      totalMinor: z.number().int(),
      currency: z.string().length(3),
      dueDate: z.iso.date(),
      url: z.url(),
    }),
  }),
  // One definition: dunning builds this payload, the templates render it.
  "invoice.overdue": invoiceOverdueSchema,
  "payment.received": z.object({
    tenant,
    recipient,
    payment: z.object({
      amountMinor: z.number().int(),
      currency: z.string().length(3),
      receivedAt: z.iso.datetime({ offset: true }),
      invoiceNumber: z.string().nullable(),
    }),
  }),
  "ticket.updated": z.object({
    tenant,
    recipient,
    ticket: z.object({
      number: z.string().min(1),
      subject: z.string().min(1),
      status: z.string().min(1),
      url: z.url(),
    }),
    comment: z.string().nullable(),
  }),
  "alert.triggered": z.object({
    tenant,
    recipient,
    alert: z.object({
      title: z.string().min(1),
      severity: z.enum(["info", "warning", "critical"]),
      detail: z.string(),
      triggeredAt: z.iso.datetime({ offset: true }),
      url: z.url(),
    }),
  }),
  // A team invitation (lib/team): the link carries the only copy of the invitation's token.
  "member.invite": z.object({
    tenant,
    recipient: z.object({ name: z.string().min(1).optional(), email: z.email() }),
    inviter: z.object({ name: z.string().min(1) }),
    role: z.enum(tenantRoles),
    acceptUrl: z.url(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
} satisfies Record<string, z.ZodObject>;

export type PlatformEventName = keyof typeof platformEventSchemas;
