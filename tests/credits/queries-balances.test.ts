import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformSmsCreditPool } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import {
  getCreditBalance,
  listCreditBalances,
  listLedgerWithActors,
  reconcileCredits,
  setLowBalanceThreshold,
} from "@/lib/credits/queries";
import { adjustCredits, grantCredits } from "@/lib/credits/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

describe.each(testDatabaseKinds)("credit balances for the console on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;
  let alpha: string;
  let bravo: string;
  let charlie: string;
  let gone: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    admin = await createUser(db, { name: "Ada Admin" });
    alpha = (await createTenant(db, { name: "Alpha Hotel", slug: `alpha-${kind}` })).id;
    bravo = (await createTenant(db, { name: "Bravo Inn", slug: `bravo-${kind}` })).id;
    // Charlie never had credits: no pool row, no ledger.
    charlie = (await createTenant(db, { name: "Charlie Lodge", slug: `charlie-${kind}` })).id;
    gone = (await createTenant(db, { name: "Gone Hotel", status: "deleted" })).id;
    const actor = systemActor("vitest");
    await grantCredits(db, { tenantId: alpha, amount: 50, reason: "purchase", reference: "a1", actor });
    await grantCredits(db, { tenantId: bravo, amount: 8, reason: "purchase", reference: "b1", actor });
    await grantCredits(db, { tenantId: gone, amount: 5, reason: "purchase", reference: "g1", actor });
    await adjustCredits(db, {
      tenantId: bravo,
      delta: -3,
      note: "Goodwill reversal",
      actor: testActor(admin),
    });
    await setLowBalanceThreshold(db, { tenantId: bravo, threshold: 10 });
  });
  afterAll(() => database.drop());

  test("lists every live tenant with balance, threshold and a reconciled flag", async () => {
    const { rows, total } = await listCreditBalances(database.db);
    expect(total).toBe(3);
    expect(rows).toEqual([
      {
        tenantId: alpha,
        tenantName: "Alpha Hotel",
        tenantSlug: `alpha-${kind}`,
        balance: 50,
        lowBalanceThreshold: null,
        isLow: false,
        ledgerSum: 50,
        reconciled: true,
      },
      {
        tenantId: bravo,
        tenantName: "Bravo Inn",
        tenantSlug: `bravo-${kind}`,
        balance: 5,
        lowBalanceThreshold: 10,
        isLow: true,
        ledgerSum: 5,
        reconciled: true,
      },
      {
        tenantId: charlie,
        tenantName: "Charlie Lodge",
        tenantSlug: `charlie-${kind}`,
        balance: 0,
        lowBalanceThreshold: null,
        isLow: false,
        ledgerSum: 0,
        reconciled: true,
      },
    ]);
  });

  test("sorts, searches, filters to low balances and pages", async () => {
    const byBalance = await listCreditBalances(database.db, { sort: { id: "balance", desc: true } });
    expect(byBalance.rows.map((r) => r.tenantName)).toEqual(["Alpha Hotel", "Bravo Inn", "Charlie Lodge"]);
    const search = await listCreditBalances(database.db, { q: "inn" });
    expect(search.rows.map((r) => r.tenantId)).toEqual([bravo]);
    expect((await listCreditBalances(database.db, { q: "%" })).total).toBe(0);
    const low = await listCreditBalances(database.db, { only: "low" });
    expect(low).toMatchObject({ total: 1, rows: [{ tenantId: bravo }] });
    const page2 = await listCreditBalances(database.db, { page: 2, pageSize: 2 });
    expect(page2.total).toBe(3);
    expect(page2.rows.map((r) => r.tenantId)).toEqual([charlie]);
    const past = await listCreditBalances(database.db, { page: 5, pageSize: 2 });
    expect(past).toEqual({ rows: [], total: 3 });
  });

  test("a pool that disagrees with its ledger is flagged, as reconcileCredits sees it", async () => {
    // A balance written behind the ledger's back, on the platform connection.
    await database.db
      .update(platformSmsCreditPool)
      .set({ balance: 70 })
      .where(eq(platformSmsCreditPool.tenantId, alpha));
    const mismatched = await listCreditBalances(database.db, { only: "mismatch" });
    expect(mismatched).toMatchObject({
      total: 1,
      rows: [{ tenantId: alpha, balance: 70, ledgerSum: 50, reconciled: false }],
    });
    expect((await reconcileCredits(database.db, { tenantId: alpha }))[0]).toMatchObject({ ok: false });
    const all = await listCreditBalances(database.db);
    expect(all.rows.filter((r) => !r.reconciled).map((r) => r.tenantId)).toEqual([alpha]);
    await database.db
      .update(platformSmsCreditPool)
      .set({ balance: 50 })
      .where(eq(platformSmsCreditPool.tenantId, alpha));
    expect((await listCreditBalances(database.db, { only: "mismatch" })).total).toBe(0);
  });

  test("the ledger names who made a manual change", async () => {
    const { rows, total } = await listLedgerWithActors(database.db, {
      tenantId: bravo,
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(2);
    expect(rows.map((r) => [r.reason, r.delta, r.balanceAfter, r.actorLabel])).toEqual([
      ["manual_adjustment", -3, 5, "Ada Admin"],
      ["purchase", 8, 8, null],
    ]);
    // Another tenant's path sees none of Bravo's ledger.
    expect((await listLedgerWithActors(database.db, { tenantId: charlie, limit: 10, offset: 0 })).total).toBe(
      0,
    );
  });

  test("a threshold changed by a person is audited; without an actor it is not", async () => {
    const audits = () =>
      database.db
        .select()
        .from(platformAuditStream)
        .where(
          and(
            eq(platformAuditStream.tenantId, charlie),
            eq(platformAuditStream.action, "credits.threshold.update"),
          ),
        );
    expect(await setLowBalanceThreshold(database.db, { tenantId: charlie, threshold: 3 })).toEqual({
      balance: 0,
      lowBalanceThreshold: 3,
      isLow: true,
    });
    expect(await audits()).toEqual([]);
    await setLowBalanceThreshold(database.db, {
      tenantId: charlie,
      threshold: null,
      actor: testActor(admin),
    });
    const [row] = await audits();
    expect(row).toMatchObject({
      actorUserId: admin.id,
      targetType: "sms_credit_pool",
      targetId: charlie,
      summary: { before: { lowBalanceThreshold: 3 }, after: { lowBalanceThreshold: null } },
    });
    expect((await getCreditBalance(database.db, { tenantId: charlie })).lowBalanceThreshold).toBeNull();
  });
});
