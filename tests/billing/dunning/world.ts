// The world dunning tests need: messaging defaults plus the proposed "invoice.overdue" templates,
// a hotel with a billing contact and SMS credits, and an open invoice due on a given day.
import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  messages,
  platformAuditStream,
  platformDunningSteps,
  platformInvoices,
  platformMessageTemplates,
  platformTenants,
} from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { grantCredits } from "@/lib/credits/service";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import { seedDefaultTemplates } from "@/lib/messaging/templates/seed";
import type { Tenant } from "@/lib/tenants/queries";
import { createTenant } from "@/tests/helpers/fixtures";

const tag = () => randomBytes(4).toString("hex");

/** Until messaging ships "invoice.overdue" defaults, the tests install the proposed EN ones. */
export async function seedDunningMessaging(db: Queryable): Promise<void> {
  await ensureDefaultProviders(db);
  await seedDefaultTemplates(db);
  await db
    .insert(platformMessageTemplates)
    .values([
      {
        event: "invoice.overdue",
        channel: "email",
        locale: "en",
        subject: "Invoice {{invoice.number}} is overdue",
        body: '<p>Hi {{recipient.name}},</p><p>Invoice {{invoice.number}} for {{money invoice.amountDueMinor invoice.currency}} was due on {{formatDate invoice.dueDate "long"}} and is {{invoice.daysOverdue}} days overdue.</p><p><a href="{{invoice.url}}">Pay now</a></p>',
      },
      {
        event: "invoice.overdue",
        channel: "sms",
        locale: "en",
        body: "Hearth: invoice {{invoice.number}} ({{money invoice.amountDueMinor invoice.currency}}) is {{invoice.daysOverdue}} days overdue. Pay: {{invoice.url}}",
      },
    ])
    .onConflictDoNothing();
}

export async function createDunningTenant(
  db: Queryable,
  opts: { phone?: string | null } = {},
): Promise<Tenant> {
  const tenant = await createTenant(db, { name: "Grandview Hotel" });
  const [row] = await db
    .update(platformTenants)
    .set({
      contactEmail: `billing-${tag()}@example.test`,
      contactPhone: opts.phone === undefined ? "+2348031234567" : opts.phone,
    })
    .where(eq(platformTenants.id, tenant.id))
    .returning();
  if (!row) throw new Error("tenant vanished");
  await grantCredits(db, {
    tenantId: row.id,
    amount: 100,
    reason: "plan_allowance",
    reference: "dunning-test",
    actor: systemActor("vitest"),
  });
  return row;
}

export async function createOpenInvoice(
  db: Queryable,
  tenant: Pick<Tenant, "id" | "currency">,
  opts: { dueDate: string; totalMinor?: number },
) {
  const start = new Date("2026-01-01T00:00:00Z");
  const [row] = await db
    .insert(platformInvoices)
    .values({
      tenantId: tenant.id,
      number: `HRT-TEST-${tag()}`,
      kind: "manual",
      status: "open",
      periodStart: start,
      periodEnd: new Date("2026-02-01T00:00:00Z"),
      currency: tenant.currency,
      subtotalMinor: opts.totalMinor ?? 5000,
      totalMinor: opts.totalMinor ?? 5000,
      finalizeAfter: start,
      issuedAt: start,
      dueDate: opts.dueDate,
    })
    .returning();
  if (!row) throw new Error("invoice insert returned no row");
  return row;
}

export async function stepsOf(db: Queryable, invoiceId: string): Promise<string[]> {
  const rows = await db
    .select({ step: platformDunningSteps.step })
    .from(platformDunningSteps)
    .where(eq(platformDunningSteps.invoiceId, invoiceId))
    .orderBy(asc(platformDunningSteps.takenAt), asc(platformDunningSteps.step));
  return rows.map((r) => r.step).sort();
}

export async function overdueMessagesOf(db: Queryable, tenantId: string) {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.event, "invoice.overdue")));
  return rows.map((m) => ({ channel: m.channel, key: m.idempotencyKey, status: m.status, body: m.body }));
}

export async function auditOf(db: Queryable, tenantId: string, action: string) {
  return db
    .select()
    .from(platformAuditStream)
    .where(and(eq(platformAuditStream.tenantId, tenantId), eq(platformAuditStream.action, action)));
}

export async function statusOf(db: Queryable, tenantId: string) {
  const [row] = await db
    .select({ status: platformTenants.status, suspensionReason: platformTenants.suspensionReason })
    .from(platformTenants)
    .where(eq(platformTenants.id, tenantId));
  if (!row) throw new Error("tenant vanished");
  return row;
}
