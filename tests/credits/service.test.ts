import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformSmsCreditLedger, platformTenants } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import {
  getCreditBalance,
  listLedger,
  reconcileCredits,
  setLowBalanceThreshold,
} from "@/lib/credits/queries";
import {
  adjustCredits,
  debitCredits,
  grantCredits,
  grantPendingTrialCredits,
  refundCredits,
} from "@/lib/credits/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";

describe.each(testDatabaseKinds)("SMS credits on %s", (kind) => {
  let database: TestDatabase;
  const actor = systemActor("vitest");
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.drop();
  });

  async function expectReconciled(tenantId: string, balance: number) {
    const [row] = await reconcileCredits(database.db, { tenantId });
    expect(row).toEqual({ tenantId, balance, ledgerSum: balance, ok: true });
    expect((await getCreditBalance(database.db, { tenantId })).balance).toBe(balance);
  }

  test("grant, debit, refund and adjust keep the balance equal to the ledger", async () => {
    const { id } = await createTenant(database.db);
    const user = await createUser(database.db);
    expect(await getCreditBalance(database.db, { tenantId: id })).toEqual({
      balance: 0,
      lowBalanceThreshold: null,
      isLow: false,
    });
    const grant = await grantCredits(database.db, {
      tenantId: id,
      amount: 50,
      reason: "purchase",
      reference: "order-1",
      actor,
    });
    expect(grant).toMatchObject({
      replayed: false,
      entry: { delta: 50, balanceAfter: 50, reason: "purchase" },
    });
    await expectReconciled(id, 50);
    const debit = await debitCredits(database.db, { tenantId: id, amount: 3, reference: "msg-1" });
    expect(debit.entry).toMatchObject({ delta: -3, balanceAfter: 47, reason: "send" });
    await expectReconciled(id, 47);
    const refund = await refundCredits(database.db, { tenantId: id, debitReference: "msg-1" });
    expect(refund.entry).toMatchObject({ delta: 3, balanceAfter: 50, reason: "refund", reference: "msg-1" });
    await expectReconciled(id, 50);
    const adjust = await adjustCredits(database.db, {
      tenantId: id,
      delta: -10,
      note: "Goodwill reversal",
      actor: testActor(user),
    });
    expect(adjust.entry).toMatchObject({ delta: -10, balanceAfter: 40, actorUserId: user.id });
    await expectReconciled(id, 40);
    const ledger = await listLedger(database.db, { tenantId: id, limit: 10, offset: 0 });
    expect(ledger.total).toBe(4);
    expect(ledger.rows).toHaveLength(4);
  });

  test("repeats are idempotent: a grant, a debit and a refund apply once", async () => {
    const { id } = await createTenant(database.db);
    const first = await grantCredits(database.db, {
      tenantId: id,
      amount: 20,
      reason: "plan_allowance",
      reference: "2026-11",
      actor,
    });
    const again = await grantCredits(database.db, {
      tenantId: id,
      amount: 20,
      reason: "plan_allowance",
      reference: "2026-11",
      actor,
    });
    expect(again).toEqual({ entry: first.entry, replayed: true });
    const debit = await debitCredits(database.db, { tenantId: id, amount: 2, reference: "evt-9" });
    const redelivered = await debitCredits(database.db, { tenantId: id, amount: 2, reference: "evt-9" });
    expect(redelivered).toEqual({ entry: debit.entry, replayed: true });
    const refund = await refundCredits(database.db, { tenantId: id, debitReference: "evt-9" });
    const second = await refundCredits(database.db, { tenantId: id, debitReference: "evt-9" });
    expect(second).toEqual({ entry: refund.entry, replayed: true });
    await expectReconciled(id, 20);
    expect((await listLedger(database.db, { tenantId: id, limit: 50, offset: 0 })).total).toBe(3);
  });

  test("concurrent twins of one grant still apply once", async () => {
    const { id } = await createTenant(database.db);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        grantCredits(database.db, { tenantId: id, amount: 7, reason: "purchase", reference: "dup", actor }),
      ),
    );
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    await expectReconciled(id, 7);
  });

  test("a refund needs a debit", async () => {
    const { id } = await createTenant(database.db);
    await expect(refundCredits(database.db, { tenantId: id, debitReference: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await reconcileCredits(database.db, { tenantId: id })).toEqual([]);
  });

  test("a debit past the balance is refused and writes no ledger row", async () => {
    const { id } = await createTenant(database.db);
    await grantCredits(database.db, { tenantId: id, amount: 2, reason: "purchase", reference: "p", actor });
    await expect(
      debitCredits(database.db, { tenantId: id, amount: 3, reference: "big" }),
    ).rejects.toMatchObject({
      code: "LIMIT_REACHED",
      message: "Not enough SMS credits: 3 needed, 2 left.",
    });
    const rows = await database.db
      .select()
      .from(platformSmsCreditLedger)
      .where(and(eq(platformSmsCreditLedger.tenantId, id), eq(platformSmsCreditLedger.reference, "big")));
    expect(rows).toEqual([]);
    await expectReconciled(id, 2);
  });

  test("manual adjustments are audited, need a note and never go below zero", async () => {
    const { id } = await createTenant(database.db);
    const user = await createUser(database.db);
    const credit = await adjustCredits(database.db, {
      tenantId: id,
      delta: 5,
      note: "Support credit",
      actor: testActor(user),
    });
    const audits = await database.db
      .select()
      .from(platformAuditStream)
      .where(and(eq(platformAuditStream.tenantId, id), eq(platformAuditStream.action, "credits.adjust")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: user.id, targetId: id });
    expect(audits[0]?.summary).toMatchObject({ before: { balance: 0 }, after: { balance: 5 }, delta: 5 });
    expect(credit.entry.note).toBe("Support credit");
    await expect(
      adjustCredits(database.db, { tenantId: id, delta: -6, note: "Too much", actor: testActor(user) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      adjustCredits(database.db, { tenantId: id, delta: -1, note: "x", actor: testActor(user) }),
    ).rejects.toThrow();
    await expect(
      adjustCredits(database.db, { tenantId: id, delta: 0, note: "Nothing", actor: testActor(user) }),
    ).rejects.toThrow();
    await expectReconciled(id, 5);
  });

  test("pending trial credits are granted once and the key removed", async () => {
    const { id } = await createTenant(database.db);
    await database.db
      .update(platformTenants)
      .set({ settings: { pendingTrialSmsCredits: 25, keep: true } })
      .where(eq(platformTenants.id, id));
    const [first, second] = await Promise.all([
      grantPendingTrialCredits(database.db, { tenantId: id, actor }),
      grantPendingTrialCredits(database.db, { tenantId: id, actor }),
    ]);
    const granted = [first, second].filter((r) => r !== null);
    expect(granted).toHaveLength(1);
    expect(granted[0]?.entry).toMatchObject({ reason: "trial_grant", reference: `trial:${id}`, delta: 25 });
    expect(await grantPendingTrialCredits(database.db, { tenantId: id, actor })).toBeNull();
    const [tenant] = await database.db.select().from(platformTenants).where(eq(platformTenants.id, id));
    expect(tenant?.settings).toEqual({ keep: true });
    await expectReconciled(id, 25);
  });

  test("the low-balance threshold marks the balance low", async () => {
    const { id } = await createTenant(database.db);
    await grantCredits(database.db, { tenantId: id, amount: 10, reason: "purchase", reference: "t", actor });
    expect(await setLowBalanceThreshold(database.db, { tenantId: id, threshold: 10 })).toEqual({
      balance: 10,
      lowBalanceThreshold: 10,
      isLow: true,
    });
    expect((await setLowBalanceThreshold(database.db, { tenantId: id, threshold: 5 })).isLow).toBe(false);
    expect((await setLowBalanceThreshold(database.db, { tenantId: id, threshold: null })).isLow).toBe(false);
  });

  test("the database refuses a negative balance and a zero delta as a backstop", async () => {
    const { id } = await createTenant(database.db);
    await grantCredits(database.db, { tenantId: id, amount: 1, reason: "purchase", reference: "b", actor });
    await expect(
      database.db.execute(
        // Bypasses the service on purpose: the CHECK constraints are the last wall.
        sql`update platform_sms_credit_pool set balance = -1 where tenant_id = ${id}`,
      ),
    ).rejects.toThrow();
    await expect(
      database.db
        .insert(platformSmsCreditLedger)
        .values({ tenantId: id, delta: 0, balanceAfter: 1, reason: "purchase", reference: "zero" }),
    ).rejects.toThrow();
  });
});
