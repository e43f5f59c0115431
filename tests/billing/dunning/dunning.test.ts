// The dunning path on the real database: an invoice past due → reminders on days 1, 3 and 7 by
// email and SMS, each once → past_due → suspended → paying everything overdue → active again.
// A hotel suspended for another reason stays suspended when it pays.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformBillingSettings, platformTenants } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { reactivateIfSettled, runDunning } from "@/lib/billing/dunning";
import { startCheckout } from "@/lib/billing/payments/start-checkout";
import { settleTestCheckout } from "@/lib/billing/payments/test-checkout";
import { drainEmbeddedRunner } from "@/lib/jobs/send-event";
import { embeddedConfig, getInvoice } from "@/tests/billing/payments/world";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  auditOf,
  createDunningTenant,
  createOpenInvoice,
  overdueMessagesOf,
  seedDunningMessaging,
  statusOf,
  stepsOf,
} from "./world";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

const actor = systemActor("vitest");
const at = (iso: string) => new Date(iso);

describe.each(testDatabaseKinds)("dunning on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedDunningMessaging(database.db);
    // The migration's defaults, stated here because the test depends on them.
    await database.db
      .update(platformBillingSettings)
      .set({ reminderDays: [1, 3, 7], pastDueAfterDays: 1, suspendAfterDays: 14 })
      .where(eq(platformBillingSettings.id, 1));
  });
  afterAll(() => database.drop());

  async function pay(tenantId: string, invoiceId: string) {
    const { checkoutId } = await startCheckout(
      database.db,
      { tenantId, purpose: "invoice", invoiceId },
      actor,
      { config: embeddedConfig },
    );
    await settleTestCheckout(
      database.db,
      { tenantId, checkoutId, outcome: "succeeded", actor },
      { config: embeddedConfig },
    );
  }

  test("reminders on days 1, 3, 7 once each by email and SMS; past_due; suspended; paying reactivates", async () => {
    const { db } = database;
    const tenant = await createDunningTenant(db);
    const invoice = await createOpenInvoice(db, tenant, { dueDate: "2026-03-01" });

    // On the due date nothing happens.
    await runDunning(db, { now: at("2026-03-01T20:00:00Z") });
    expect(await stepsOf(db, invoice.id)).toEqual([]);
    expect((await statusOf(db, tenant.id)).status).toBe("active");

    // Day 1, twice: one reminder by each channel, past_due once.
    for (let i = 0; i < 2; i++) await runDunning(db, { now: at("2026-03-02T03:00:00Z") });
    expect(await stepsOf(db, invoice.id)).toEqual(["past_due", "reminder:1"]);
    expect(await overdueMessagesOf(db, tenant.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          channel: "email",
          key: `dunning:${invoice.id}:reminder:1:email`,
          status: "sent",
        }),
        expect.objectContaining({
          channel: "sms",
          key: `dunning:${invoice.id}:reminder:1:sms`,
          status: "sent",
        }),
      ]),
    );
    expect(await overdueMessagesOf(db, tenant.id)).toHaveLength(2);
    const [sms] = (await overdueMessagesOf(db, tenant.id)).filter((m) => m.channel === "sms");
    expect(sms?.body).toContain(`invoice ${invoice.number}`);
    expect(sms?.body).toContain("1 days overdue");
    expect((await statusOf(db, tenant.id)).status).toBe("past_due");
    expect(await auditOf(db, tenant.id, "billing.dunning.reminder")).toHaveLength(1);
    expect(await auditOf(db, tenant.id, "billing.dunning.past_due")).toHaveLength(1);

    // Day 2: nothing new. Day 3 and day 7 (each run twice): one more reminder each.
    await runDunning(db, { now: at("2026-03-03T03:00:00Z") });
    expect(await overdueMessagesOf(db, tenant.id)).toHaveLength(2);
    for (const day of ["2026-03-04", "2026-03-04", "2026-03-08", "2026-03-08"]) {
      await runDunning(db, { now: at(`${day}T03:00:00Z`) });
    }
    expect(await stepsOf(db, invoice.id)).toEqual(["past_due", "reminder:1", "reminder:3", "reminder:7"]);
    const keys = (await overdueMessagesOf(db, tenant.id)).map((m) => m.key).sort();
    expect(keys).toEqual(
      [1, 3, 7]
        .flatMap((d) => [
          `dunning:${invoice.id}:reminder:${d}:email`,
          `dunning:${invoice.id}:reminder:${d}:sms`,
        ])
        .sort(),
    );
    expect(await auditOf(db, tenant.id, "billing.dunning.reminder")).toHaveLength(3);

    // Day 14: suspended for non-payment, once.
    await runDunning(db, { now: at("2026-03-15T03:00:00Z") });
    await runDunning(db, { now: at("2026-03-16T03:00:00Z") });
    const suspended = await statusOf(db, tenant.id);
    expect(suspended.status).toBe("suspended");
    expect(suspended.suspensionReason).toMatch(/^Non-payment: invoice HRT-TEST-\w+ is 14 days overdue$/);
    expect(await stepsOf(db, invoice.id)).toContain("suspended");
    const changes = await auditOf(db, tenant.id, "tenant.status.change");
    expect(changes.map((c) => (c.summary as { to?: string }).to)).toEqual(["past_due", "suspended"]);

    // Nothing lifts it while the invoice is unpaid.
    expect(
      await reactivateIfSettled(db, { tenantId: tenant.id, actor, now: at("2026-03-16T04:00:00Z") }),
    ).toMatchObject({
      reactivated: false,
    });
    expect((await statusOf(db, tenant.id)).status).toBe("suspended");

    // Paying announces billing/payment.succeeded; its function (run in process here) reactivates.
    await pay(tenant.id, invoice.id);
    await drainEmbeddedRunner();
    expect((await getInvoice(db, invoice.id)).status).toBe("paid");
    const after = await statusOf(db, tenant.id);
    expect(after).toEqual({ status: "active", suspensionReason: null });
    const reactivations = await auditOf(db, tenant.id, "tenant.status.change");
    expect(reactivations.map((c) => (c.summary as { to?: string }).to)).toEqual([
      "past_due",
      "suspended",
      "active",
    ]);
    expect(
      await reactivateIfSettled(db, { tenantId: tenant.id, actor, now: at("2026-03-16T05:00:00Z") }),
    ).toMatchObject({ reactivated: false });
    // A paid invoice is not dunned again.
    await runDunning(db, { now: at("2026-03-20T03:00:00Z") });
    expect((await statusOf(db, tenant.id)).status).toBe("active");
    expect(await overdueMessagesOf(db, tenant.id)).toHaveLength(6);
  });

  test("a hotel with two overdue invoices is reactivated only when both are paid", async () => {
    const { db } = database;
    const tenant = await createDunningTenant(db);
    const first = await createOpenInvoice(db, tenant, { dueDate: "2026-04-01" });
    const second = await createOpenInvoice(db, tenant, { dueDate: "2026-04-02" });
    await runDunning(db, { now: at("2026-04-05T03:00:00Z") });
    expect((await statusOf(db, tenant.id)).status).toBe("past_due");
    // The second invoice's past_due step is recorded without a second status change.
    expect(await stepsOf(db, second.id)).toContain("past_due");
    expect(await auditOf(db, tenant.id, "tenant.status.change")).toHaveLength(1);

    await pay(tenant.id, first.id);
    await drainEmbeddedRunner();
    const now = at("2026-04-05T04:00:00Z");
    expect(await reactivateIfSettled(db, { tenantId: tenant.id, actor, now })).toMatchObject({
      reactivated: false,
    });
    expect((await statusOf(db, tenant.id)).status).toBe("past_due");
    await pay(tenant.id, second.id);
    await drainEmbeddedRunner();
    expect((await statusOf(db, tenant.id)).status).toBe("active");
  });

  test("missed runs: the first run on day 7 sends one reminder (day 7) and records days 1 and 3 as passed", async () => {
    const { db } = database;
    const tenant = await createDunningTenant(db, { phone: null });
    const invoice = await createOpenInvoice(db, tenant, { dueDate: "2026-05-01" });
    await runDunning(db, { now: at("2026-05-08T03:00:00Z") });
    expect(await stepsOf(db, invoice.id)).toEqual(["past_due", "reminder:1", "reminder:3", "reminder:7"]);
    // No valid phone: the email goes, the SMS is skipped (and said so in the audit entry).
    expect((await overdueMessagesOf(db, tenant.id)).map((m) => m.key)).toEqual([
      `dunning:${invoice.id}:reminder:7:email`,
    ]);
    const [entry] = await auditOf(db, tenant.id, "billing.dunning.reminder");
    expect(entry?.summary).toMatchObject({
      day: 7,
      skippedDays: [1, 3],
      messages: expect.arrayContaining([
        expect.objectContaining({ channel: "sms", skipped: expect.any(String) }),
      ]),
    });
  });

  test("a hotel suspended for another reason is not reactivated by paying", async () => {
    const { db } = database;
    const tenant = await createDunningTenant(db);
    const invoice = await createOpenInvoice(db, tenant, { dueDate: "2026-06-01" });
    await runDunning(db, { now: at("2026-06-03T03:00:00Z") });
    expect((await statusOf(db, tenant.id)).status).toBe("past_due");
    // An admin suspends it for something else; later the invoice is paid.
    await db
      .update(platformTenants)
      .set({ status: "suspended", suspendedAt: new Date(), suspensionReason: "Fraud review" })
      .where(eq(platformTenants.id, tenant.id));
    await pay(tenant.id, invoice.id);
    const result = await reactivateIfSettled(db, {
      tenantId: tenant.id,
      actor,
      now: at("2026-06-04T03:00:00Z"),
    });
    expect(result).toMatchObject({ reactivated: false });
    expect(await statusOf(db, tenant.id)).toEqual({ status: "suspended", suspensionReason: "Fraud review" });
  });

  test("an active hotel with nothing overdue is left alone by reactivation", async () => {
    const { db } = database;
    const tenant = await createDunningTenant(db);
    expect(await reactivateIfSettled(db, { tenantId: tenant.id, actor })).toMatchObject({
      reactivated: false,
    });
    expect((await statusOf(db, tenant.id)).status).toBe("active");
  });
});
