import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformTenants, tenantMembers } from "@/db/schema";
import { changeMemberRole, removeMember } from "@/lib/team/members";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createUser } from "@/tests/helpers/fixtures";
import { appError, auditRows, caller, createHotel, memberRole } from "./helpers";

describe.each(testDatabaseKinds)("team members on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  test("the owner changes a role; the change is audited with before and after", async () => {
    const db = database.db;
    const h = await createHotel(db);
    await changeMemberRole(db, {
      tenantId: h.tenant.id,
      userId: h.staff.id,
      role: "manager",
      ...caller(h.owner, "owner"),
    });
    expect(await memberRole(db, h.tenant.id, h.staff.id)).toBe("manager");
    const [audit] = await auditRows(db, h.tenant.id, "member.role.change");
    expect(audit?.targetId).toBe(h.staff.id);
    expect(audit?.summary).toMatchObject({ before: { role: "staff" }, after: { role: "manager" } });
  });

  test("the last owner cannot be demoted or removed, not even by themselves", async () => {
    const db = database.db;
    const h = await createHotel(db);
    const owner = caller(h.owner, "owner");
    const demote = await appError(
      changeMemberRole(db, { tenantId: h.tenant.id, userId: h.owner.id, role: "manager", ...owner }),
    );
    expect(demote.code).toBe("CONFLICT");
    expect(demote.message).toMatch(/at least one owner/);
    const remove = await appError(removeMember(db, { tenantId: h.tenant.id, userId: h.owner.id, ...owner }));
    expect(remove.code).toBe("CONFLICT");
    expect(remove.message).toMatch(/You are the hotel's only owner/);
    expect(await memberRole(db, h.tenant.id, h.owner.id)).toBe("owner");
  });

  test("with a second owner, the first may step down or leave; the hotel's contact owner follows", async () => {
    const db = database.db;
    const h = await createHotel(db);
    const owner = caller(h.owner, "owner");
    await changeMemberRole(db, { tenantId: h.tenant.id, userId: h.manager.id, role: "owner", ...owner });
    await removeMember(db, { tenantId: h.tenant.id, userId: h.owner.id, ...owner });
    expect(await memberRole(db, h.tenant.id, h.owner.id)).toBeNull();
    const [tenant] = await db.select().from(platformTenants).where(eq(platformTenants.id, h.tenant.id));
    expect(tenant?.ownerUserId).toBe(h.manager.id);
    const [audit] = await auditRows(db, h.tenant.id, "member.remove");
    expect(audit?.targetId).toBe(h.owner.id);
  });

  test("two owners demoting each other at once leave exactly one owner", async () => {
    const db = database.db;
    // Several hotels at once, to give an unlocked check every chance to interleave.
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const h = await createHotel(db);
        await changeMemberRole(db, {
          tenantId: h.tenant.id,
          userId: h.manager.id,
          role: "owner",
          ...caller(h.owner, "owner"),
        });
        const results = await Promise.allSettled([
          changeMemberRole(db, {
            tenantId: h.tenant.id,
            userId: h.manager.id,
            role: "staff",
            ...caller(h.owner, "owner"),
          }),
          changeMemberRole(db, {
            tenantId: h.tenant.id,
            userId: h.owner.id,
            role: "staff",
            ...caller(h.manager, "owner"),
          }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const members = await db.select().from(tenantMembers).where(eq(tenantMembers.tenantId, h.tenant.id));
        expect(members.filter((m) => m.role === "owner")).toHaveLength(1);
      }),
    );
  });

  test("the owner removes a member; their account stays", async () => {
    const db = database.db;
    const h = await createHotel(db);
    await removeMember(db, { tenantId: h.tenant.id, userId: h.staff.id, ...caller(h.owner, "owner") });
    expect(await memberRole(db, h.tenant.id, h.staff.id)).toBeNull();
    const gone = await appError(
      removeMember(db, { tenantId: h.tenant.id, userId: h.staff.id, ...caller(h.owner, "owner") }),
    );
    expect(gone.code).toBe("NOT_FOUND");
  });

  test("managers and staff cannot change roles or remove anyone", async () => {
    const db = database.db;
    const h = await createHotel(db);
    for (const [user, role] of [
      [h.manager, "manager"],
      [h.staff, "staff"],
    ] as const) {
      const as = caller(user, role);
      const change = await appError(
        changeMemberRole(db, { tenantId: h.tenant.id, userId: h.staff.id, role: "owner", ...as }),
      );
      expect(change.code).toBe("FORBIDDEN");
      const remove = await appError(removeMember(db, { tenantId: h.tenant.id, userId: h.owner.id, ...as }));
      expect(remove.code).toBe("FORBIDDEN");
    }
    expect(await memberRole(db, h.tenant.id, h.staff.id)).toBe("staff");
    expect(await memberRole(db, h.tenant.id, h.owner.id)).toBe("owner");
  });

  test("cross-tenant: an owner cannot change or remove another hotel's members", async () => {
    const db = database.db;
    const mine = await createHotel(db);
    const theirs = await createHotel(db);
    // Even a user who belongs to both hotels is only reachable through the hotel of the request.
    const shared = await createUser(db);
    await addMember(db, theirs.tenant.id, shared.id, "staff");
    const me = caller(mine.owner, "owner");
    for (const userId of [theirs.staff.id, theirs.owner.id, shared.id]) {
      const change = await appError(
        changeMemberRole(db, { tenantId: mine.tenant.id, userId, role: "owner", ...me }),
      );
      expect(change.code).toBe("NOT_FOUND");
      const remove = await appError(removeMember(db, { tenantId: mine.tenant.id, userId, ...me }));
      expect(remove.code).toBe("NOT_FOUND");
    }
    expect(await memberRole(db, theirs.tenant.id, theirs.staff.id)).toBe("staff");
    expect(await memberRole(db, theirs.tenant.id, shared.id)).toBe("staff");
  });
});
