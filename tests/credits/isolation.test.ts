import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformSmsCreditLedger, platformSmsCreditPool } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { getCreditBalance, reconcileCredits } from "@/lib/credits/queries";
import { grantCredits } from "@/lib/credits/service";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant } from "@/tests/helpers/fixtures";

// Row-level security: a transaction bound to tenant A neither sees nor touches B's credits,
// even with a query that forgets its tenant filter.
describe.each(testDatabaseKinds)("SMS credit isolation on %s", (kind) => {
  let database: TestDatabase;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    a = (await createTenant(database.db)).id;
    b = (await createTenant(database.db)).id;
    const actor = systemActor("vitest");
    await grantCredits(database.db, { tenantId: a, amount: 10, reason: "purchase", reference: "a1", actor });
    await grantCredits(database.db, { tenantId: b, amount: 20, reason: "purchase", reference: "b1", actor });
  });
  afterAll(async () => {
    await database.drop();
  });

  test("A sees only its own pool and ledger", async () => {
    const seen = await withTenant(database.db, a, async (tx) => ({
      pools: await tx.select().from(platformSmsCreditPool),
      ledger: await tx.select().from(platformSmsCreditLedger),
    }));
    expect(seen.pools.map((p) => p.tenantId)).toEqual([a]);
    expect(seen.ledger.map((l) => l.tenantId)).toEqual([a]);
  });

  test("A cannot change or write B's pool and ledger", async () => {
    await withTenant(database.db, a, async (tx) => {
      const updated = await tx
        .update(platformSmsCreditPool)
        .set({ balance: 999 })
        .where(eq(platformSmsCreditPool.tenantId, b))
        .returning();
      expect(updated).toEqual([]);
      const deleted = await tx
        .delete(platformSmsCreditLedger)
        .where(eq(platformSmsCreditLedger.tenantId, b))
        .returning();
      expect(deleted).toEqual([]);
    });
    await expect(
      withTenant(database.db, a, (tx) =>
        tx
          .insert(platformSmsCreditLedger)
          .values({ tenantId: b, delta: 5, balanceAfter: 25, reason: "purchase", reference: "forged" }),
      ),
    ).rejects.toThrow();
    await expect(
      grantCredits(database.db, {
        tenantId: b,
        amount: 1,
        reason: "purchase",
        reference: "via-a",
        actor: systemActor("vitest"),
      }).then(() => withTenant(database.db, a, (tx) => tx.select().from(platformSmsCreditLedger))),
    ).resolves.toHaveLength(1);
    expect((await getCreditBalance(database.db, { tenantId: b })).balance).toBe(21);
    expect((await reconcileCredits(database.db)).every((r) => r.ok)).toBe(true);
  });
});
