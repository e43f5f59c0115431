import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformAuditStream, platformPlans, platformTenants } from "@/db/schema";
import type { OutgoingEvent } from "@/inngest/events";
import { expireTrialsFn } from "@/inngest/functions/tenants/expire-trials";
import { systemActor } from "@/lib/audit/actor";
import { drainEmbeddedRunner } from "@/lib/jobs/send-event";
import { getTenantById } from "@/lib/tenants/queries";
import { expireTrials, notifyTrialsEnding, SUSPENDED_TRIAL_REASON } from "@/lib/tenants/trial";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant } from "@/tests/helpers/fixtures";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

const DAY = 86_400_000;
const actor = systemActor("trial-expiry");

describe.each(testDatabaseKinds)("trial expiry on %s", (kind) => {
  let database: TestDatabase;
  let activatePlan: string;
  let suspendPlan: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    const plans = await database.db
      .insert(platformPlans)
      .values([
        { code: "paid", name: "Paid", trialEndAction: "activate" },
        { code: "try", name: "Try", trialEndAction: "suspend" },
      ])
      .returning();
    activatePlan = plans.find((p) => p.code === "paid")?.id ?? "";
    suspendPlan = plans.find((p) => p.code === "try")?.id ?? "";
  });
  afterEach(() => drainEmbeddedRunner());
  afterAll(() => database.drop());

  /** Only the tenants a test made are in trial: each test ends them all (or keeps them out of its clock). */
  async function trial(opts: {
    planId: string | null;
    endsAt: Date;
    card?: boolean;
    status?: "trial" | "active";
  }) {
    const t = await createTenant(database.db, { planId: opts.planId, status: opts.status ?? "trial" });
    await database.db
      .update(platformTenants)
      .set({ trialEndsAt: opts.endsAt, hasPaymentMethod: opts.card ?? false })
      .where(eq(platformTenants.id, t.id));
    return t;
  }
  const statusOf = async (id: string) => (await getTenantById(database.db, id))?.status;

  test("ended trials become active (plan activates + card on file) or suspended; others are untouched; a rerun does nothing", async () => {
    const now = new Date("2031-05-10T12:00:00Z");
    const paying = await trial({ planId: activatePlan, endsAt: new Date(now.getTime() - 1000), card: true });
    const noCard = await trial({ planId: activatePlan, endsAt: new Date(now.getTime() - DAY) });
    const suspendRule = await trial({ planId: suspendPlan, endsAt: now, card: true });
    const noPlan = await trial({ planId: null, endsAt: new Date(now.getTime() - DAY) });
    const running = await trial({ planId: activatePlan, endsAt: new Date(now.getTime() + 1000), card: true });
    const alreadyActive = await trial({
      planId: suspendPlan,
      endsAt: new Date(now.getTime() - DAY),
      status: "active",
    });

    const result = await expireTrials(database.db, { now, actor });
    expect(result).toMatchObject({ activated: 1, suspended: 3, skipped: 0 });
    expect(result.tenants).toEqual(
      expect.arrayContaining([
        { tenantId: paying.id, outcome: "activated" },
        { tenantId: noCard.id, outcome: "suspended" },
        { tenantId: suspendRule.id, outcome: "suspended" },
        { tenantId: noPlan.id, outcome: "suspended" },
      ]),
    );
    expect(await statusOf(paying.id)).toBe("active");
    expect(await statusOf(running.id)).toBe("trial");
    expect(await statusOf(alreadyActive.id)).toBe("active");
    const suspended = await getTenantById(database.db, noCard.id);
    expect(suspended).toMatchObject({ status: "suspended", suspensionReason: SUSPENDED_TRIAL_REASON });

    const [audit] = await database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "tenant.status.change"),
          eq(platformAuditStream.targetId, noCard.id),
        ),
      );
    expect(audit).toMatchObject({ actorKind: "system", actorLabel: "trial-expiry" });
    expect(audit?.summary).toMatchObject({ from: "trial", to: "suspended", reason: SUSPENDED_TRIAL_REASON });

    expect(await expireTrials(database.db, { now, actor })).toEqual({
      activated: 0,
      suspended: 0,
      skipped: 0,
      tenants: [],
    });
    // The running trial's turn comes when its end passes.
    const later = await expireTrials(database.db, { now: new Date(now.getTime() + 2000), actor });
    expect(later.tenants).toEqual([{ tenantId: running.id, outcome: "activated" }]);
  });

  test("notices go out 3 days and 1 day before a trial ends, each with a stable event id", async () => {
    const now = new Date("2032-02-01T00:00:00Z");
    const in3 = await trial({ planId: suspendPlan, endsAt: new Date(now.getTime() + 2.5 * DAY) });
    const in1 = await trial({ planId: suspendPlan, endsAt: new Date(now.getTime() + 6 * 3_600_000) });
    await trial({ planId: suspendPlan, endsAt: new Date(now.getTime() + 2 * DAY) });
    await trial({ planId: suspendPlan, endsAt: new Date(now.getTime() + 10 * DAY) });
    await trial({ planId: suspendPlan, endsAt: new Date(now.getTime() + 2.5 * DAY), status: "active" });

    const sent: OutgoingEvent[] = [];
    const send = async (e: OutgoingEvent | OutgoingEvent[]) => {
      sent.push(...(Array.isArray(e) ? e : [e]));
      return { ids: [] };
    };
    const first = await notifyTrialsEnding(database.db, { now, send });
    expect(first.notified).toBe(2);
    expect(sent).toEqual([
      {
        name: "tenant/trial.ending",
        id: `trial-ending:${in1.id}:1`,
        data: {
          tenantId: in1.id,
          daysLeft: 1,
          trialEndsAt: new Date(now.getTime() + 6 * 3_600_000).toISOString(),
        },
      },
      {
        name: "tenant/trial.ending",
        id: `trial-ending:${in3.id}:3`,
        data: {
          tenantId: in3.id,
          daysLeft: 3,
          trialEndsAt: new Date(now.getTime() + 2.5 * DAY).toISOString(),
        },
      },
    ]);
    // An hour later the same trials are in the same windows: the same ids, which Inngest drops.
    const again = await notifyTrialsEnding(database.db, { now: new Date(now.getTime() + 3_600_000), send });
    expect(sent.slice(2).map((e) => e.id)).toEqual(sent.slice(0, 2).map((e) => e.id));
    expect(again.notified).toBe(2);

    // Through the app's sendEvent: the payloads pass the event schema.
    await expect(notifyTrialsEnding(database.db, { now })).resolves.toMatchObject({ notified: 2 });
    await expireTrials(database.db, { now: new Date(now.getTime() + 20 * DAY), actor });
  });

  test("the cron function expires, announces each outcome with tenant/trial.ended, and notifies", async () => {
    const now = Date.now();
    const ended = await trial({ planId: suspendPlan, endsAt: new Date(now - DAY) });
    const paying = await trial({ planId: activatePlan, endsAt: new Date(now - DAY), card: true });
    const ending = await trial({ planId: suspendPlan, endsAt: new Date(now + 0.5 * DAY) });

    const engine = new InngestTestEngine({ function: expireTrialsFn });
    const { result, ctx, error } = await engine.execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "0 * * * *" } }],
      // step.sendEvent would call Inngest itself: its payload is asserted below instead.
      steps: [{ id: "announce-trials-ended", handler: () => ({ ids: ["a", "b"] }) }],
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ activated: 1, suspended: 1, skipped: 0, notified: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "announce-trials-ended",
      expect.arrayContaining([
        {
          name: "tenant/trial.ended",
          data: { tenantId: ended.id, outcome: "suspended" },
          id: `trial-ended:${ended.id}`,
        },
        {
          name: "tenant/trial.ended",
          data: { tenantId: paying.id, outcome: "activated" },
          id: `trial-ended:${paying.id}`,
        },
      ]),
    );
    expect(await statusOf(ended.id)).toBe("suspended");
    expect(await statusOf(paying.id)).toBe("active");
    expect(await statusOf(ending.id)).toBe("trial");

    // A second run finds nothing to end and announces nothing.
    const rerun = await new InngestTestEngine({ function: expireTrialsFn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "0 * * * *" } }],
    });
    expect(rerun.result).toEqual({ activated: 0, suspended: 0, skipped: 0, notified: 1 });
    expect(rerun.ctx.step.sendEvent).not.toHaveBeenCalled();
  });
});
