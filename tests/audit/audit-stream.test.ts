import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformTenants } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { auditCsvHeader, auditCsvLines, csvCell } from "@/lib/audit/csv";
import { iterateAuditEvents, listAuditEvents } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";

const admin = {
  kind: "user" as const,
  userId: null,
  label: "admin@hearth.test",
  ip: "10.0.0.1",
  userAgent: "vitest",
};
const newest = { id: "occurredAt" as const, desc: true };

describe.each(testDatabaseKinds)("audit stream on %s", (kind) => {
  let database: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [t] = await database.db
      .insert(platformTenants)
      .values({ slug: "grandview", name: "Grandview" })
      .returning();
    if (!t) throw new Error("tenant not created");
    tenantId = t.id;
    await recordAudit(database.db, {
      actor: admin,
      tenantId,
      action: "tenant.suspend",
      targetType: "tenant",
      targetId: tenantId,
      before: { status: "active" },
      after: { status: "suspended", apiKey: "sk_live_123", nested: { password: "hunter2" } },
    });
    await recordAudit(database.db, {
      actor: systemActor("billing-cycle"),
      action: "billing.run",
      targetType: "job",
    });
  });
  afterAll(() => database.drop());

  test("masks secrets at any depth in the summary", async () => {
    const [row] = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.action, "tenant.suspend"));
    expect(row?.summary).toEqual({
      before: { status: "active" },
      after: { status: "suspended", apiKey: "[redacted]", nested: { password: "[redacted]" } },
    });
    expect(row?.ip).toBe("10.0.0.1");
    expect(JSON.stringify(row)).not.toContain("hunter2");
  });

  test("the database refuses UPDATE, DELETE and TRUNCATE, even for the table owner", async () => {
    await expect(database.db.execute(sql`update platform_audit_stream set action = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from platform_audit_stream`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate platform_audit_stream`)).rejects.toThrow();
    const rows = await database.db.select().from(platformAuditStream);
    expect(rows.map((r) => r.action).sort()).toEqual(["billing.run", "tenant.suspend"]);
  });

  test("the app role may append inside a tenant transaction but never change", async () => {
    await withTenant(database.db, tenantId, (tx) =>
      recordAudit(tx, { actor: admin, tenantId, action: "nav.override.upsert", targetType: "nav_override" }),
    );
    await expect(
      withTenant(database.db, tenantId, (tx) =>
        tx.execute(sql`update platform_audit_stream set action = 'x'`),
      ),
    ).rejects.toThrow();
    const [n] = await database.db.select({ n: sql<number>`count(*)::int` }).from(platformAuditStream);
    expect(n?.n).toBe(3);
  });

  test("a rolled-back mutation leaves no audit row", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, { actor: admin, action: "doomed.change", targetType: "x" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const found = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.action, "doomed.change"));
    expect(found).toHaveLength(0);
  });

  test("filters by tenant, action prefix, actor kind and free text, with totals", async () => {
    const byTenant = await listAuditEvents(database.db, {
      filter: { tenantId },
      sort: newest,
      limit: 10,
      offset: 0,
    });
    expect(byTenant.total).toBe(2);
    expect(byTenant.rows.every((r) => r.tenantName === "Grandview")).toBe(true);
    const byAction = await listAuditEvents(database.db, {
      filter: { action: "billing" },
      sort: newest,
      limit: 10,
      offset: 0,
    });
    expect(byAction.rows.map((r) => r.action)).toEqual(["billing.run"]);
    const bySystem = await listAuditEvents(database.db, {
      filter: { actorKind: "system" },
      sort: newest,
      limit: 10,
      offset: 0,
    });
    expect(bySystem.rows.map((r) => r.actorLabel)).toEqual(["billing-cycle"]);
    const byText = await listAuditEvents(database.db, {
      filter: { q: "ADMIN@hearth" },
      sort: newest,
      limit: 1,
      offset: 1,
    });
    expect(byText.total).toBe(2);
    expect(byText.rows).toHaveLength(1);
    const wildcard = await listAuditEvents(database.db, {
      filter: { q: "%" },
      sort: newest,
      limit: 10,
      offset: 0,
    });
    expect(wildcard.total).toBe(0);
  });

  test("exports every row in batches as CSV", async () => {
    const batches: number[] = [];
    let csv = auditCsvHeader();
    for await (const rows of iterateAuditEvents(database.db, {}, 2)) {
      batches.push(rows.length);
      csv += auditCsvLines(rows);
    }
    expect(batches).toEqual([2, 1]);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^id,occurred_at,actor_kind,actor,/);
    expect(csv).toContain("tenant.suspend");
    expect(csv).not.toContain("sk_live_123");
  });
});

describe("csvCell", () => {
  test.each([
    ["plain", "plain"],
    ['say "hi"', '"say ""hi"""'],
    ["a,b", '"a,b"'],
    ["=HYPERLINK(1)", `"'=HYPERLINK(1)"`],
    [null, ""],
    [{ a: 1 }, '"{""a"":1}"'],
  ])("%s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
