// The platform's billing mail and SMS to a hotel on the real database: "invoice.issued" when an
// invoice is finalised, "payment.received" when money arrives (once each, to the billing contact),
// and dunning's "invoice.overdue" SMS paid by the platform, not out of the hotel's credits.
import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import {
  devSinkMessages,
  messages,
  platformBillingSettings,
  platformInvoiceLines,
  platformInvoices,
  platformPayments,
  platformTenants,
} from "@/db/schema";
import { notifyInvoiceIssuedFn, notifyPaymentReceivedFn } from "@/inngest/functions/messaging/notify-billing";
import { dunInvoice } from "@/lib/billing/dunning";
import { finalizeInvoice } from "@/lib/billing/invoices/finalize";
import { getCreditBalance } from "@/lib/credits/queries";
import { debitCredits } from "@/lib/credits/service";
import { drainEmbeddedRunner, type sendEvent } from "@/lib/jobs/send-event";
import { listMessages } from "@/lib/messaging/log/queries";
import { notifyInvoiceIssued, notifyPaymentReceived } from "@/lib/messaging/notify/billing";
import { retryMessage } from "@/lib/messaging/retry";
import { sendSms } from "@/lib/messaging/send/send-sms";
import type { Tenant } from "@/lib/tenants/queries";
import { createDunningTenant, createOpenInvoice } from "@/tests/billing/dunning/world";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser } from "@/tests/helpers/fixtures";
import { actor, addSmsProvider, assignProviders, ledgerOf, seedMessaging } from "./send/helpers";

// Embedded mode: no Inngest configured.
for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

const at = (iso: string) => new Date(iso);

describe.each(testDatabaseKinds)("billing notifications on %s", (kind) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedMessaging(database.db);
    // Stated here because the reminder text depends on them.
    await database.db
      .update(platformBillingSettings)
      .set({ reminderDays: [1, 3, 7], pastDueAfterDays: 1, suspendAfterDays: 14, paymentTermsDays: 14 })
      .where(eq(platformBillingSettings.id, 1));
    twilio = await startTwilioFake();
  });
  afterEach(() => drainEmbeddedRunner());
  afterAll(async () => {
    await twilio.close();
    await database.drop();
  });

  const db = () => database.db;

  /** A hotel whose owner is Chidi Eze; `contactEmail` is its separate billing address, if any. */
  async function hotel(opts: { contactEmail?: string; locale?: string } = {}) {
    const owner = await createUser(db(), { name: "Chidi Eze" });
    const tenant = await createTenant(db(), { name: "Grandview Hotel" });
    const [row] = await db()
      .update(platformTenants)
      .set({
        ownerUserId: owner.id,
        contactEmail: opts.contactEmail ?? null,
        locale: opts.locale ?? "en",
        timezone: "Africa/Lagos",
        currency: "USD",
      })
      .where(eq(platformTenants.id, tenant.id))
      .returning();
    if (!row) throw new Error("tenant vanished");
    return { tenant: row, owner };
  }

  /** A manual draft invoice with one line per amount (none: a zero invoice). */
  async function draftInvoice(tenant: Tenant, amounts: number[]) {
    const start = at("2031-02-01T00:00:00Z");
    const [invoice] = await db()
      .insert(platformInvoices)
      .values({
        tenantId: tenant.id,
        number: `HRT-T-${randomUUID().slice(0, 8)}`,
        kind: "manual",
        status: "draft",
        periodStart: start,
        periodEnd: at("2031-03-01T00:00:00Z"),
        currency: "USD",
        finalizeAfter: start,
      })
      .returning();
    if (!invoice) throw new Error("invoice insert returned no row");
    if (amounts.length) {
      await db()
        .insert(platformInvoiceLines)
        .values(
          amounts.map((amount, i) => ({
            invoiceId: invoice.id,
            tenantId: tenant.id,
            kind: "adjustment" as const,
            description: `Line ${i + 1}`,
            unitAmountMinor: amount,
            amountMinor: amount,
            sourceKey: `line-${i}`,
          })),
        );
    }
    return invoice;
  }

  /** Finalises through billing, capturing the event it announces instead of dispatching it. */
  async function finalize(invoiceId: string) {
    const announced: unknown[] = [];
    const send: typeof sendEvent = async (event) => {
      announced.push(event);
      return { ids: [] };
    };
    const { invoice } = await finalizeInvoice(db(), { invoiceId, now: at("2031-03-02T10:00:00Z"), send });
    return { invoice, announced };
  }

  async function messagesFor(tenantId: string, event: string) {
    return db()
      .select()
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.event, event)));
  }

  test("invoice issued: the finalised event sends one email to the owner with number, amount and due date", async () => {
    const { tenant, owner } = await hotel();
    const invoice = await draftInvoice(tenant, [4000, 900]);
    const { invoice: issued, announced } = await finalize(invoice.id);
    expect(issued).toMatchObject({ status: "open", totalMinor: 4900, dueDate: "2031-03-16" });
    const event = { name: "billing/invoice.finalized", data: { invoiceId: invoice.id, tenantId: tenant.id } };
    expect(announced).toEqual([expect.objectContaining(event)]);

    const { result, error } = await new InngestTestEngine({ function: notifyInvoiceIssuedFn }).execute({
      events: [event],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "sent" });
    // A redelivered event (or a retried step) sends nothing more.
    const again = await notifyInvoiceIssued(db(), { invoiceId: invoice.id });

    const sent = await messagesFor(tenant.id, "invoice.issued");
    expect(sent).toHaveLength(1);
    const [email] = sent;
    expect(again).toEqual({ status: "sent", messageId: email?.id });
    expect(email).toMatchObject({
      channel: "email",
      recipient: owner.email,
      status: "sent",
      idempotencyKey: `invoice.issued:${invoice.id}`,
      subject: `Invoice ${invoice.number} for Grandview Hotel`,
      credits: 0,
    });
    expect(email?.body).toContain("Hi Chidi Eze,");
    expect(email?.body).toContain(`Invoice ${invoice.number} for $49.00 is due on March 16, 2031.`);
    expect(email?.html).toContain(`href="http://${tenant.slug}.localhost:3000/billing"`);
    const outbox = await db().select().from(devSinkMessages).where(eq(devSinkMessages.tenantId, tenant.id));
    expect(outbox.map((o) => o.to)).toEqual([owner.email]);
  });

  test("invoice issued: the billing contact email wins over the owner's, in the hotel's language", async () => {
    const { tenant } = await hotel({ contactEmail: "compta@grandview.example", locale: "fr" });
    const invoice = await draftInvoice(tenant, [4900]);
    await finalize(invoice.id);
    expect(await notifyInvoiceIssued(db(), { invoiceId: invoice.id })).toMatchObject({ status: "sent" });
    const [email] = await messagesFor(tenant.id, "invoice.issued");
    expect(email).toMatchObject({
      recipient: "compta@grandview.example",
      locale: "fr",
      subject: `Facture ${invoice.number} pour Grandview Hotel`,
    });
    expect(email?.body).toContain("16 mars 2031");
  });

  test("invoice issued: a zero invoice (issued as paid), a draft and an unknown invoice send nothing", async () => {
    const { tenant } = await hotel();
    const zero = await draftInvoice(tenant, []);
    const { invoice: issued } = await finalize(zero.id);
    expect(issued).toMatchObject({ status: "paid", totalMinor: 0 });
    expect(await notifyInvoiceIssued(db(), { invoiceId: zero.id })).toEqual({
      status: "skipped",
      reason: "zero invoice, issued as paid",
    });
    const draft = await draftInvoice(tenant, [100]);
    expect(await notifyInvoiceIssued(db(), { invoiceId: draft.id })).toMatchObject({ status: "skipped" });
    expect(await notifyInvoiceIssued(db(), { invoiceId: randomUUID() })).toMatchObject({
      status: "skipped",
      reason: "invoice not found",
    });
    expect(await messagesFor(tenant.id, "invoice.issued")).toEqual([]);
  });

  async function payment(
    tenant: Tenant,
    opts: { invoiceId: string | null; status?: "succeeded" | "pending"; amountMinor: number },
  ) {
    const [row] = await db()
      .insert(platformPayments)
      .values({
        tenantId: tenant.id,
        invoiceId: opts.invoiceId,
        provider: "manual",
        providerReference: randomUUID(),
        status: opts.status ?? "succeeded",
        amountMinor: opts.amountMinor,
        currency: "USD",
        receivedAt: at("2031-03-05T09:30:00Z"),
      })
      .returning();
    if (!row) throw new Error("payment insert returned no row");
    return row;
  }

  test("payment received: one email with amount, date and invoice number; pending payments send nothing", async () => {
    const { tenant, owner } = await hotel();
    const invoice = await draftInvoice(tenant, [4900]);
    await finalize(invoice.id);
    const paid = await payment(tenant, { invoiceId: invoice.id, amountMinor: 4900 });
    const event = {
      name: "billing/payment.succeeded",
      data: { paymentId: paid.id, tenantId: tenant.id, invoiceId: invoice.id, purchaseId: null },
    };
    const { result, error } = await new InngestTestEngine({ function: notifyPaymentReceivedFn }).execute({
      events: [event],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "sent" });
    await notifyPaymentReceived(db(), { paymentId: paid.id });

    const pending = await payment(tenant, { invoiceId: null, status: "pending", amountMinor: 100 });
    expect(await notifyPaymentReceived(db(), { paymentId: pending.id })).toEqual({
      status: "skipped",
      reason: "payment is pending",
    });
    // An add-on purchase: no invoice to name.
    const addon = await payment(tenant, { invoiceId: null, amountMinor: 1500 });
    await notifyPaymentReceived(db(), { paymentId: addon.id });

    const sent = await messagesFor(tenant.id, "payment.received");
    expect(sent.map((m) => m.idempotencyKey).sort()).toEqual(
      [`payment.received:${paid.id}`, `payment.received:${addon.id}`].sort(),
    );
    const forInvoice = sent.find((m) => m.idempotencyKey === `payment.received:${paid.id}`);
    expect(forInvoice).toMatchObject({
      recipient: owner.email,
      status: "sent",
      subject: "Payment received: $49.00",
    });
    // 09:30 UTC is 10:30 in Lagos, the hotel's timezone.
    expect(forInvoice?.body).toMatch(/We received \$49\.00 on .*10:30.* for invoice HRT-T-/);
    expect(forInvoice?.body).toContain(`for invoice ${invoice.number}. Thank you.`);
    const forAddon = sent.find((m) => m.idempotencyKey === `payment.received:${addon.id}`);
    expect(forAddon?.body).toContain("$15.00");
    expect(forAddon?.body).not.toContain("for invoice");
  });

  /** The dunning hotel (100 credits, billing email and phone) texting through a Twilio that costs 3. */
  async function dunningHotel() {
    const tenant = await createDunningTenant(db());
    const provider = await addSmsProvider(db(), {
      kind: "twilio",
      baseUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      costPerMessageMinor: 3,
    });
    await assignProviders(db(), tenant.id, "sms", [provider.id]);
    return tenant;
  }

  test("overdue reminders: the SMS is paid by the platform (credits untouched, cost recorded) and is in the hotel's log", async () => {
    const tenant = await dunningHotel();
    const before = await getCreditBalance(db(), { tenantId: tenant.id });
    const invoice = await createOpenInvoice(db(), tenant, { dueDate: "2026-03-01" });
    await dunInvoice(db(), { invoiceId: invoice.id, now: at("2026-03-02T03:00:00Z") });

    const sent = await messagesFor(tenant.id, "invoice.overdue");
    const sms = sent.find((m) => m.channel === "sms");
    expect(sms).toMatchObject({
      status: "sent",
      providerKind: "twilio",
      segments: 1,
      credits: 0,
      creditReference: null,
      costMinor: 3,
      costCurrency: "USD",
    });
    expect(sms?.body).toContain(`invoice ${invoice.number}`);
    expect((await getCreditBalance(db(), { tenantId: tenant.id })).balance).toBe(before.balance);
    expect((await ledgerOf(db(), tenant.id)).map((e) => e.reason)).toEqual(["plan_allowance"]);
    // The default template names the suspension date (due date + 14 days).
    const email = sent.find((m) => m.channel === "email");
    expect(email?.body).toContain("will be suspended on March 15, 2026");

    // The hotel sees both in its own message log (tenant session, RLS).
    const log = await listMessages(db(), { tenantId: tenant.id, event: "invoice.overdue" });
    expect(
      log.rows
        .map((r) => ({ channel: r.channel, credits: r.credits }))
        .sort((a, b) => a.channel.localeCompare(b.channel)),
    ).toEqual([
      { channel: "email", credits: 0 },
      { channel: "sms", credits: 0 },
    ]);
  });

  test("a hotel with no credits still gets the reminder SMS, and its retry takes no credits either", async () => {
    const tenant = await dunningHotel();
    await debitCredits(db(), { tenantId: tenant.id, amount: 100, reference: `spent:${tenant.id}` });
    const entries = (await ledgerOf(db(), tenant.id)).length;

    // The first attempt fails at the provider; the retry goes through. Neither needs credits.
    twilio.failNext({ status: 500, code: 20500, message: "Internal Server Error" });
    const invoice = await createOpenInvoice(db(), tenant, { dueDate: "2026-04-01" });
    await dunInvoice(db(), { invoiceId: invoice.id, now: at("2026-04-02T03:00:00Z") });
    const [failed] = (await messagesFor(tenant.id, "invoice.overdue")).filter((m) => m.channel === "sms");
    expect(failed).toMatchObject({ status: "failed", credits: 0, providerKind: "twilio" });
    const retried = await retryMessage(db(), { messageId: failed?.id ?? "", actor });
    expect(retried).toMatchObject({ status: "sent", credits: 0, costMinor: 3, attempts: 2 });
    expect((await getCreditBalance(db(), { tenantId: tenant.id })).balance).toBe(0);
    expect(await ledgerOf(db(), tenant.id)).toHaveLength(entries);

    // The same SMS billed to the hotel is refused for want of credits.
    const billed = await sendSms(db(), {
      tenantId: tenant.id,
      event: "invoice.overdue",
      to: "+2348031234567",
      locale: "en",
      data: {
        invoice: {
          number: invoice.number,
          amountDueMinor: 5000,
          currency: "USD",
          daysOverdue: 1,
          url: "http://x",
        },
      },
      idempotencyKey: randomUUID(),
      billTo: "tenant",
    });
    expect(billed).toMatchObject({ status: "failed", credits: 0 });
    expect(billed.error).toMatch(/credit/i);
  });
});
