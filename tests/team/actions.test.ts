import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { tenantInvitations } from "@/db/schema";
import type { TenantContext } from "@/lib/auth/context";
import type { TenantRole } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { type TestUser, testActor } from "@/tests/helpers/fixtures";
import {
  createHotel,
  freshEmail,
  type Hotel,
  invitationEmails,
  memberRole,
  seedMessaging,
  tokenOf,
} from "./helpers";

// The server actions as the portal calls them. The guard is mocked to let any member through, so
// these tests show that the services themselves refuse what a role may not do, and that the tenant
// is always the one of the request's host.
const guard = vi.hoisted(() => ({ ctx: null as TenantContext | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentTenant: vi.fn(async () => {
    if (!guard.ctx) throw new Error("no tenant");
    return guard.ctx.tenant;
  }),
  requireTenantMember: vi.fn(async () => {
    if (!guard.ctx) throw new Error("no session");
    return guard.ctx;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "203.0.113.7" }),
}));

const actions = await import("@/lib/team/actions");

describe.each(testDatabaseKinds)("team actions on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;
  let other: Hotel;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedMessaging(database.db);
    hotel = await createHotel(database.db);
    other = await createHotel(database.db);
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    guard.ctx = null;
  });

  const as = (h: Hotel, user: TestUser, role: TenantRole) => {
    guard.ctx = { user, tenant: h.tenant, role, viaPlatform: false, actor: testActor(user) };
  };

  test("staff and managers get a refusal from invite, revoke, role change and removal", async () => {
    as(hotel, hotel.owner, "owner");
    const sent = await actions.inviteMemberAction({ email: freshEmail(), role: "staff" });
    const invitationId = (
      await database.db
        .select()
        .from(tenantInvitations)
        .where(eq(tenantInvitations.tenantId, hotel.tenant.id))
    )[0]?.id;
    expect(sent?.data?.acceptUrl).toBeDefined();
    if (!invitationId) throw new Error("no invitation");

    for (const [user, role] of [
      [hotel.staff, "staff"],
      [hotel.manager, "manager"],
    ] as const) {
      as(hotel, user, role);
      const refusals = await Promise.all([
        actions.inviteMemberAction({ email: freshEmail(), role: "owner" }),
        actions.revokeInvitationAction({ invitationId }),
        actions.invitationLinkAction({ invitationId }),
        actions.changeMemberRoleAction({ userId: user.id, role: "owner" }),
        actions.removeMemberAction({ userId: hotel.owner.id }),
      ]);
      for (const r of refusals) expect(r?.serverError).toBe("Only the hotel's owners can manage the team.");
    }
    expect(await memberRole(database.db, hotel.tenant.id, hotel.staff.id)).toBe("staff");
    expect(await memberRole(database.db, hotel.tenant.id, hotel.owner.id)).toBe("owner");
  });

  test("the owner's actions work on their own hotel and find nothing of another", async () => {
    as(other, other.owner, "owner");
    const theirs = await actions.inviteMemberAction({ email: freshEmail(), role: "staff" });
    const theirToken = tokenOf(theirs?.data?.acceptUrl ?? "");
    const [theirInvitation] = await database.db
      .select()
      .from(tenantInvitations)
      .where(eq(tenantInvitations.tenantId, other.tenant.id));
    if (!theirInvitation) throw new Error("no invitation");

    as(hotel, hotel.owner, "owner");
    expect((await actions.revokeInvitationAction({ invitationId: theirInvitation.id }))?.serverError).toMatch(
      /does not exist/,
    );
    expect((await actions.invitationLinkAction({ invitationId: theirInvitation.id }))?.serverError).toMatch(
      /does not exist/,
    );
    expect((await actions.removeMemberAction({ userId: other.staff.id }))?.serverError).toMatch(
      /not a member/,
    );
    expect(
      (await actions.changeMemberRoleAction({ userId: other.staff.id, role: "owner" }))?.serverError,
    ).toMatch(/not a member/);
    // Their link, posted to this hotel's host, is not valid here.
    const accepted = await actions.acceptInvitationAction({
      token: theirToken,
      name: "Ann Other",
      password: "long-enough-pw",
    });
    expect(accepted?.serverError).toMatch(/not valid/);

    expect(
      (await actions.changeMemberRoleAction({ userId: hotel.staff.id, role: "manager" }))?.serverError,
    ).toBeUndefined();
    expect(await memberRole(database.db, hotel.tenant.id, hotel.staff.id)).toBe("manager");
  });

  test("accepting on the right host redirects to the portal's sign-in with the email", async () => {
    as(hotel, hotel.owner, "owner");
    const email = freshEmail();
    const sent = await actions.inviteMemberAction({ email, role: "manager" });
    expect(sent?.data?.emailStatus).toBe("sent");
    const invitationId = (await pendingId(email)) ?? "";
    // A new link for the owner to copy: emailed too, and the first link stops working.
    const copied = await actions.invitationLinkAction({ invitationId });
    expect(copied?.data).toEqual({ url: expect.stringContaining("/invite/"), emailStatus: "sent" });
    expect(copied?.data?.url).not.toBe(sent?.data?.acceptUrl);
    const emails = await invitationEmails(database.db, invitationId);
    expect(emails.map((e) => e.body.includes(copied?.data?.url ?? "missing"))).toEqual([false, true]);
    const stale = await actions.acceptInvitationAction({
      token: tokenOf(sent?.data?.acceptUrl ?? ""),
      name: "New Person",
      password: "long-enough-pw",
    });
    expect(stale?.serverError).toMatch(/not valid/);
    const token = tokenOf(copied?.data?.url ?? "");

    // The visitor has no session: the acceptance action reads only the host's tenant.
    const mismatch = await actions.acceptInvitationAction({
      token,
      name: "New Person",
      password: "long-enough-pw",
      confirm: "other",
    });
    expect(mismatch?.data).toEqual({ fieldErrors: { confirm: "The passwords do not match" } });

    const outcome = await actions
      .acceptInvitationAction({
        token,
        name: "New Person",
        password: "long-enough-pw",
        confirm: "long-enough-pw",
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    const digest = (outcome as { digest?: string } | null)?.digest ?? "";
    expect(digest).toContain("NEXT_REDIRECT");
    expect(digest).toContain(`/login?email=${encodeURIComponent(email)}&joined=1`);
  });

  async function pendingId(email: string): Promise<string | undefined> {
    const rows = await database.db.select().from(tenantInvitations).where(eq(tenantInvitations.email, email));
    return rows.find((r) => !r.revokedAt && !r.acceptedAt)?.id;
  }
});
