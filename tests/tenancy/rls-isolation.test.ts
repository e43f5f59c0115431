import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformTenants, tenantMembers, tenantNavOverrides, users } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

// The second wall: even a query that forgets its tenant filter sees and touches only the
// tenant its transaction is bound to.
describe.each(testDatabaseKinds)("row-level security on %s", (kind) => {
  let database: TestDatabase;
  let a: string;
  let b: string;
  let userA: string;
  let userB: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const [ta, tb] = await db
      .insert(platformTenants)
      .values([
        { slug: "alpha", name: "Alpha" },
        { slug: "bravo", name: "Bravo" },
      ])
      .returning();
    const [ua, ub] = await db
      .insert(users)
      .values([
        { email: "a@alpha.test", name: "A" },
        { email: "b@bravo.test", name: "B" },
      ])
      .returning();
    if (!ta || !tb || !ua || !ub) throw new Error("fixtures");
    [a, b, userA, userB] = [ta.id, tb.id, ua.id, ub.id];
    await db.insert(tenantMembers).values([
      { tenantId: a, userId: userA, role: "owner" },
      { tenantId: b, userId: userB, role: "owner" },
    ]);
    await db.insert(tenantNavOverrides).values([
      { tenantId: a, itemKey: "team", hidden: true },
      { tenantId: b, itemKey: "team", label: "Crew" },
    ]);
  });
  afterAll(() => database.drop());

  test("reads without a tenant filter return only the bound tenant's rows", async () => {
    const members = await withTenant(database.db, a, (tx) => tx.select().from(tenantMembers));
    expect(members.map((m) => m.tenantId)).toEqual([a]);
    const overrides = await withTenant(database.db, a, (tx) => tx.select().from(tenantNavOverrides));
    expect(overrides.map((o) => o.tenantId)).toEqual([a]);
    const raw = await withTenant(database.db, a, (tx) =>
      tx.execute(sql`select count(*)::int as n from tenant_members`),
    );
    expect(JSON.stringify(raw)).toContain('"n":1');
  });

  test("reading B by id while bound to A finds nothing", async () => {
    const rows = await withTenant(database.db, a, (tx) =>
      tx.select().from(tenantMembers).where(eq(tenantMembers.tenantId, b)),
    );
    expect(rows).toEqual([]);
  });

  test("inserting a row for B while bound to A is refused", async () => {
    await expect(
      withTenant(database.db, a, (tx) =>
        tx.insert(tenantNavOverrides).values({ tenantId: b, itemKey: "dashboard", hidden: true }),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(database.db, a, (tx) =>
        tx.insert(tenantMembers).values({ tenantId: b, userId: userA, role: "owner" }),
      ),
    ).rejects.toThrow();
  });

  test("updating or deleting B's rows while bound to A changes nothing", async () => {
    await withTenant(database.db, a, async (tx) => {
      await tx
        .update(tenantNavOverrides)
        .set({ label: "Hijacked" })
        .where(eq(tenantNavOverrides.tenantId, b));
      await tx.delete(tenantMembers).where(eq(tenantMembers.tenantId, b));
      await tx.execute(sql`update tenant_nav_overrides set label = 'Hijacked'`);
    });
    const [bOverride] = await database.db
      .select()
      .from(tenantNavOverrides)
      .where(eq(tenantNavOverrides.tenantId, b));
    expect(bOverride?.label).toBe("Crew");
    const bMembers = await database.db.select().from(tenantMembers).where(eq(tenantMembers.tenantId, b));
    expect(bMembers).toHaveLength(1);
    const [aOverride] = await database.db
      .select()
      .from(tenantNavOverrides)
      .where(eq(tenantNavOverrides.tenantId, a));
    expect(aOverride?.label).toBe("Hijacked");
  });

  test("moving A's row over to B is refused", async () => {
    await expect(
      withTenant(database.db, a, (tx) =>
        tx.update(tenantNavOverrides).set({ tenantId: b }).where(eq(tenantNavOverrides.tenantId, a)),
      ),
    ).rejects.toThrow();
  });

  test("a nested tenant scope hands the outer transaction back unbound", async () => {
    const seen = await database.db.transaction(async (tx) => {
      const inner = await withTenant(tx, a, (t) => t.select().from(tenantMembers));
      const after = await tx.select().from(tenantMembers);
      return { inner: inner.length, after: after.length };
    });
    expect(seen).toEqual({ inner: 1, after: 2 });
    const nestedTwice = await withTenant(database.db, a, async (tx) => {
      await withTenant(tx, b, async () => {});
      return tx.select().from(tenantMembers);
    });
    expect(nestedTwice.map((m) => m.tenantId)).toEqual([a]);
  });

  test("the tenant binding ends with the transaction", async () => {
    await withTenant(database.db, a, async () => {});
    const setting = await database.db.execute(
      sql`select coalesce(current_setting('app.tenant_id', true), '') as t, current_user as u`,
    );
    expect(JSON.stringify(setting)).toContain('"t":""');
    expect(JSON.stringify(setting)).not.toContain("hearth_app");
  });
});
