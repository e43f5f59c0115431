import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { platformAuditStream, platformTenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  activateTenant,
  canTransition,
  softDeleteTenant,
  suspendTenant,
  type TenantStatus,
  tenantTransitions,
  transitionTenant,
} from "@/lib/tenants/lifecycle";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

const events = vi.hoisted(() => ({ sendEvent: vi.fn(async (_event: unknown) => ({ ids: [] as string[] })) }));
vi.mock("@/lib/jobs/send-event", () => events);

const statuses: TenantStatus[] = ["trial", "active", "past_due", "suspended", "deleted"];
const legal: Array<[TenantStatus, TenantStatus]> = [
  ["trial", "active"],
  ["trial", "past_due"],
  ["trial", "suspended"],
  ["trial", "deleted"],
  ["active", "past_due"],
  ["active", "suspended"],
  ["active", "deleted"],
  ["past_due", "active"],
  ["past_due", "suspended"],
  ["past_due", "deleted"],
  ["suspended", "active"],
  ["suspended", "deleted"],
];
const isLegal = (from: TenantStatus, to: TenantStatus) => legal.some(([f, t]) => f === from && t === to);
const matrix = statuses.flatMap((from) => statuses.map((to) => [from, to, isLegal(from, to)] as const));

test("the transition table is exactly the documented one", () => {
  for (const [from, to, allowed] of matrix) expect(canTransition(from, to)).toBe(allowed);
  expect(tenantTransitions.deleted).toEqual([]);
});

describe.each(testDatabaseKinds)("tenant lifecycle on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    admin = await createUser(database.db, { email: `admin-${kind}@lifecycle.test` });
  });
  afterAll(() => database.drop());
  beforeEach(() => events.sendEvent.mockClear());

  const auditFor = (tenantId: string) =>
    database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.tenantId, tenantId),
          eq(platformAuditStream.action, "tenant.status.change"),
        ),
      );

  test.each(matrix)("%s → %s (allowed: %s)", async (from, to, allowed) => {
    const db = database.db;
    const tenant = await createTenant(db, { name: "Grandview Hotel", status: from });
    const actor = testActor(admin);
    const attempt = transitionTenant(db, { tenantId: tenant.id, to, reason: "  Card declined  ", actor });

    if (!allowed) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "CONFLICT", field: "status" });
      const label = (s: string) => s.replace("_", " ");
      expect((error as AppError).message).toBe(
        from === to
          ? `Grandview Hotel is already ${label(to)}.`
          : `Cannot move Grandview Hotel from ${label(from)} to ${label(to)}.`,
      );
      const [row] = await db.select().from(platformTenants).where(eq(platformTenants.id, tenant.id));
      expect(row?.status).toBe(from);
      expect(await auditFor(tenant.id)).toEqual([]);
      expect(events.sendEvent).not.toHaveBeenCalled();
      return;
    }

    const after = await attempt;
    expect(after.status).toBe(to);
    expect(after.suspendedAt !== null).toBe(to === "suspended");
    expect(after.suspensionReason).toBe(to === "suspended" ? "Card declined" : null);
    expect(after.deletedAt !== null).toBe(to === "deleted");

    const audit = await auditFor(tenant.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorKind: "user",
      actorUserId: admin.id,
      actorLabel: admin.email,
      targetType: "tenant",
      targetId: tenant.id,
      summary: {
        from,
        to,
        reason: "Card declined",
        before: { status: from },
        after: { status: to },
      },
    });
    expect(events.sendEvent).toHaveBeenCalledTimes(1);
    expect(events.sendEvent).toHaveBeenCalledWith({
      name: "tenant/status.changed",
      data: { tenantId: tenant.id, from, to, reason: "Card declined" },
    });
  });

  test("deleted is final: every way back is refused with the documented message", async () => {
    const tenant = await createTenant(database.db, { name: "Grandview Hotel", status: "deleted" });
    await expect(
      activateTenant(database.db, { tenantId: tenant.id, actor: testActor(admin) }),
    ).rejects.toThrow("Cannot move Grandview Hotel from deleted to active");
  });

  test("suspending needs a reason; it is kept while suspended and cleared on activation", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const tenant = await createTenant(db, { status: "active" });
    await expect(suspendTenant(db, { tenantId: tenant.id, reason: " ", actor })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["reason"] })],
    });
    const suspended = await suspendTenant(db, { tenantId: tenant.id, reason: "Unpaid invoices", actor });
    expect(suspended).toMatchObject({ status: "suspended", suspensionReason: "Unpaid invoices" });
    const active = await activateTenant(db, { tenantId: tenant.id, actor });
    expect(active).toMatchObject({ status: "active", suspendedAt: null, suspensionReason: null });
    const deleted = await softDeleteTenant(db, { tenantId: tenant.id, reason: "Closed", actor });
    expect(deleted.status).toBe("deleted");
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    const audit = await auditFor(tenant.id);
    expect(audit.map((a) => [a.summary.from, a.summary.to, a.summary.reason])).toEqual([
      ["active", "suspended", "Unpaid invoices"],
      ["suspended", "active", null],
      ["active", "deleted", "Closed"],
    ]);
  });

  test("unknown and malformed ids are NOT_FOUND", async () => {
    const actor = testActor(admin);
    for (const tenantId of ["00000000-0000-4000-8000-000000000000", "grandview"]) {
      await expect(transitionTenant(database.db, { tenantId, to: "active", actor })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  test("two concurrent transitions of one tenant: the row lock lets one win, the other sees its result", async () => {
    const db = database.db;
    const actor = testActor(admin);
    const tenant = await createTenant(db, { status: "active" });
    const results = await Promise.allSettled([
      transitionTenant(db, { tenantId: tenant.id, to: "deleted", actor }),
      transitionTenant(db, { tenantId: tenant.id, to: "deleted", actor }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect(await auditFor(tenant.id)).toHaveLength(1);
  });

  test("a failing event send does not undo a committed transition", async () => {
    const tenant = await createTenant(database.db, { status: "trial" });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    events.sendEvent.mockRejectedValueOnce(new Error("Inngest is down"));
    const after = await transitionTenant(database.db, {
      tenantId: tenant.id,
      to: "active",
      actor: testActor(admin),
    });
    expect(after.status).toBe("active");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
