import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import type { Db } from "@/db/connect";
import { platformUsage } from "@/db/schema";
import { billingCycleFn } from "@/inngest/functions/billing/billing-cycle";
import { usageSyncFn } from "@/inngest/functions/billing/usage-sync";
import { drainEmbeddedRunner } from "@/lib/jobs/send-event";
import {
  addSmsUsage,
  invoicesOf,
  makeBillableTenant,
  makePlan,
  retireBillableTenants,
  tenantRow,
  utc,
} from "@/tests/billing/helpers";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant } from "@/tests/helpers/fixtures";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

const JAN = utc("2031-01-01T00:00:00Z");
const FEB = utc("2031-02-01T00:00:00Z");

describe.each(testDatabaseKinds)("billing functions (InngestTestEngine) on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    useDatabaseForTests(database);
  });
  beforeEach(() => retireBillableTenants(db));
  afterEach(() => drainEmbeddedRunner());
  afterAll(() => database.drop());

  const requested = (asOf: string) => ({
    name: "billing/cycle.requested",
    data: { asOf, requestedBy: null },
  });

  test("billing-cycle: one step per due tenant, then finalises drafts past their grace", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 2500 });
    const a = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    const b = await makeBillableTenant(db, { plan, start: JAN, end: FEB });

    const { result, error, ctx } = await new InngestTestEngine({ function: billingCycleFn }).execute({
      events: [requested("2031-02-01T02:00:00.000Z")],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({
      asOf: "2031-02-01T02:00:00.000Z",
      invoiced: 2,
      skipped: 0,
      failed: 0,
      finalized: 0,
      continued: false,
    });
    expect(ctx.step.run).toHaveBeenCalledWith("list-tenants", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith(`invoice-${a.id}`, expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith(`invoice-${b.id}`, expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("finalize-due", expect.any(Function));
    expect((await invoicesOf(db, a.id))[0]).toMatchObject({ status: "draft", totalMinor: 2500 });

    // A day later the drafts' grace is over: finalised, and nothing is billed twice.
    const later = await new InngestTestEngine({ function: billingCycleFn }).execute({
      events: [requested("2031-02-02T03:00:00.000Z")],
    });
    expect(later.result).toMatchObject({ invoiced: 0, finalized: 2 });
    expect(await invoicesOf(db, a.id)).toEqual([
      expect.objectContaining({ status: "open", dueDate: "2031-02-16" }),
    ]);
  });

  test("billing-cycle: a tenant whose step keeps failing is counted; the others are billed", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 2500 });
    const ok = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    const broken = await makeBillableTenant(db, { plan, start: JAN, end: FEB });
    const { result, error } = await new InngestTestEngine({ function: billingCycleFn }).execute({
      events: [requested("2031-02-01T02:00:00.000Z")],
      steps: [
        {
          id: `invoice-${broken.id}`,
          handler: () => {
            throw new Error("database went away");
          },
        },
      ],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ invoiced: 1, failed: 1, failures: [{ tenantId: broken.id }] });
    expect(await invoicesOf(db, ok.id)).toHaveLength(1);
    expect(await invoicesOf(db, broken.id)).toHaveLength(0);
    expect((await tenantRow(db, broken.id)).currentPeriodStart).toEqual(JAN);
  });

  test("billing-cycle: the cron bills as of its own clock", async () => {
    const plan = await makePlan(db, { monthlyPriceMinor: 100 });
    // A period that ended long before any clock this runs on.
    const t = await makeBillableTenant(db, {
      plan,
      start: utc("2020-01-01T00:00:00Z"),
      end: utc("2020-02-01T00:00:00Z"),
    });
    const { result } = await new InngestTestEngine({ function: billingCycleFn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 0 2 * * *" } }],
    });
    expect(result).toMatchObject({ invoiced: 1 });
    expect(await invoicesOf(db, t.id)).toHaveLength(1);
  });

  test("usage-sync: collects and rolls up in two steps", async () => {
    const t = await createTenant(db);
    await addSmsUsage(db, t.id, 7, utc("2031-03-03T03:00:00Z"));
    await addSmsUsage(db, t.id, 5, utc("2031-03-03T04:00:00Z"));
    const { result, error, ctx } = await new InngestTestEngine({ function: usageSyncFn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 5 * * * *" } }],
    });
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith("collect-usage", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("sync-usage", expect.any(Function));
    expect(result).toMatchObject({
      collected: { messages: 0, gauges: expect.any(Number) },
      synced: { upserted: expect.any(Number) },
    });
    const rows = await db.select().from(platformUsage).where(eq(platformUsage.tenantId, t.id));
    expect(rows).toContainEqual(
      expect.objectContaining({ day: "2031-03-03", metric: "sms_segments", quantity: 12 }),
    );
    expect(rows.map((r) => r.metric)).toEqual(
      expect.arrayContaining(["rooms", "active_staff", "storage_mb"]),
    );
  });
});
