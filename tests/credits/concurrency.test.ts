import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformSmsCreditLedger } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { getCreditBalance, reconcileCredits } from "@/lib/credits/queries";
import { debitCredits, grantCredits } from "@/lib/credits/service";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant } from "@/tests/helpers/fixtures";

// The conditional UPDATE is what keeps this exact: a read-then-write debit would let more than
// 100 through on Postgres, where the 200 transactions really run side by side.
describe.each(testDatabaseKinds)("SMS credit debits under concurrency on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.drop();
  });

  test("200 concurrent debits of 1 against 100 credits: exactly 100 succeed", {
    timeout: 60_000,
  }, async () => {
    const { id } = await createTenant(database.db);
    await grantCredits(database.db, {
      tenantId: id,
      amount: 100,
      reason: "purchase",
      reference: "bulk",
      actor: systemActor("vitest"),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        debitCredits(database.db, { tenantId: id, amount: 1, reference: `m-${i}` }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(100);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect(r.reason).toMatchObject({ code: "LIMIT_REACHED" });
    }
    expect((await getCreditBalance(database.db, { tenantId: id })).balance).toBe(0);
    const sends = await database.db
      .select()
      .from(platformSmsCreditLedger)
      .where(eq(platformSmsCreditLedger.tenantId, id));
    expect(sends.filter((s) => s.reason === "send")).toHaveLength(100);
    expect(await reconcileCredits(database.db, { tenantId: id })).toEqual([
      { tenantId: id, balance: 0, ledgerSum: 0, ok: true },
    ]);
  });
});
