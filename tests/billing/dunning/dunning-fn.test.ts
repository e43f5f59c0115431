// The dunning Inngest functions under @inngest/test: the daily cron takes one step per overdue
// invoice (its clock recorded in a step, mocked here), and a succeeded payment reactivates.
import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformInvoices } from "@/db/schema";
import { dunningFn, reactivateOnPaymentFn } from "@/inngest/functions/billing/dunning";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createDunningTenant, createOpenInvoice, seedDunningMessaging, statusOf, stepsOf } from "./world";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

describe.each(testDatabaseKinds)("dunning functions (InngestTestEngine) on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedDunningMessaging(database.db);
  });
  afterAll(() => database.drop());

  const cronEvent = { name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 0 3 * * *" } } as const;
  const clock = (iso: string) => [{ id: "read-clock", handler: () => iso }];

  test("the cron takes the due steps of each overdue invoice, one step per invoice; a rerun adds nothing", async () => {
    const { db } = database;
    const tenant = await createDunningTenant(db);
    const overdue = await createOpenInvoice(db, tenant, { dueDate: "2026-03-01" });
    const notYet = await createOpenInvoice(db, tenant, { dueDate: "2026-03-10" });

    const run = () =>
      new InngestTestEngine({ function: dunningFn }).execute({
        events: [cronEvent],
        steps: clock("2026-03-04T03:00:00.000Z"),
      });
    const { result, error, ctx } = await run();
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith("list-overdue", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith(`dun-${overdue.id}`, expect.any(Function));
    expect(ctx.step.run).not.toHaveBeenCalledWith(`dun-${notYet.id}`, expect.any(Function));
    expect(result).toMatchObject({
      now: "2026-03-04T03:00:00.000Z",
      invoices: 1,
      reminders: 1,
      pastDue: 1,
      suspended: 0,
      failed: 0,
    });
    expect(await stepsOf(db, overdue.id)).toEqual(["past_due", "reminder:1", "reminder:3"]);
    expect(await stepsOf(db, notYet.id)).toEqual([]);
    expect((await statusOf(db, tenant.id)).status).toBe("past_due");

    const again = await run();
    expect(again.result).toMatchObject({ invoices: 1, reminders: 0, pastDue: 0 });
    expect(await stepsOf(db, overdue.id)).toEqual(["past_due", "reminder:1", "reminder:3"]);
  });

  test("billing/payment.succeeded reactivates a past-due hotel once nothing is overdue", async () => {
    const { db } = database;
    const tenant = await createDunningTenant(db);
    const invoice = await createOpenInvoice(db, tenant, { dueDate: "2026-01-01" });
    await new InngestTestEngine({ function: dunningFn }).execute({
      events: [cronEvent],
      steps: clock("2026-01-03T03:00:00.000Z"),
    });
    expect((await statusOf(db, tenant.id)).status).toBe("past_due");

    // Settled by hand (a real payment would announce itself and the in-process runner would
    // reactivate before this test could): the function under test does the reactivation.
    await db
      .update(platformInvoices)
      .set({ status: "paid", amountPaidMinor: invoice.totalMinor, paidAt: new Date() })
      .where(eq(platformInvoices.id, invoice.id));
    const paid = {
      name: "billing/payment.succeeded",
      data: { paymentId: randomUUID(), tenantId: tenant.id, invoiceId: invoice.id, purchaseId: null },
    } as const;
    const { result, ctx } = await new InngestTestEngine({ function: reactivateOnPaymentFn }).execute({
      events: [paid],
    });
    expect(ctx.step.run).toHaveBeenCalledWith("reactivate-if-settled", expect.any(Function));
    expect(result).toEqual({ reactivated: true, from: "past_due" });
    expect((await statusOf(db, tenant.id)).status).toBe("active");

    // Redelivered: nothing more to do.
    const again = await new InngestTestEngine({ function: reactivateOnPaymentFn }).execute({
      events: [paid],
    });
    expect(again.result).toMatchObject({ reactivated: false });
  });
});
