import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import type { TenantContext } from "@/lib/auth/context";
import { inviteMember } from "@/lib/team/invitations";
import type { TenantRole } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { testActor } from "@/tests/helpers/fixtures";
import { caller, createHotel, type Hotel, tokenOf } from "./helpers";

// The team page and the invitation page as the server renders them, for a chosen caller.
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
vi.mock("@/lib/team/actions", () => ({
  inviteMemberAction: vi.fn(),
  revokeInvitationAction: vi.fn(),
  invitationLinkAction: vi.fn(),
  changeMemberRoleAction: vi.fn(),
  removeMemberAction: vi.fn(),
  acceptInvitationAction: vi.fn(),
}));

describe("team pages", () => {
  let database: TestDatabase;
  let hotel: Hotel;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useDatabaseForTests(database);
    hotel = await createHotel(database.db, { seats: 5 });
    const sent = await inviteMember(database.db, {
      tenantId: hotel.tenant.id,
      email: "pending.person@example.test",
      role: "manager",
      ...caller(hotel.owner, "owner"),
    });
    token = tokenOf(sent.acceptUrl);
  });
  afterAll(() => database.drop());

  const as = (role: TenantRole) => {
    const user = role === "owner" ? hotel.owner : hotel.manager;
    guard.ctx = { user, tenant: hotel.tenant, role, viaPlatform: false, actor: testActor(user) };
  };

  const renderTeam = async () => {
    const { default: TeamPage } = await import("@/app/t/[slug]/(portal)/team/page");
    return renderToStaticMarkup((await TeamPage()) as ReactElement);
  };

  test("owner: members with role selects and remove buttons, the pending invitation, seats", async () => {
    as("owner");
    const html = await renderTeam();
    expect(html).toContain("4 of 5 seats used");
    expect(html).toContain("3 members, 1 pending invitation");
    expect(html).toContain("Invite member");
    expect(html).toContain(`aria-label="Role of Mia Manager"`);
    expect(html).toContain(`aria-label="Remove Sam Staff"`);
    expect(html).toContain("pending.person@example.test");
    expect(html).toContain(`aria-label="Send a new link to pending.person@example.test"`);
    expect(html).toContain('href="/plan"');
  });

  test("manager: reads the team, changes nothing", async () => {
    as("manager");
    const html = await renderTeam();
    expect(html).toContain(hotel.owner.email);
    expect(html).not.toContain("Invite member");
    expect(html).not.toContain('aria-label="Role of');
    expect(html).not.toContain('aria-label="Remove');
    expect(html).not.toContain("Send new link");
    expect(html).toContain("Only the hotel&#x27;s owners can invite people");
  });

  test("invitation page: who joins as what, or why the link does not work", async () => {
    as("owner");
    const { default: InvitationPage } = await import("@/app/t/[slug]/invite/[token]/page");
    const render = async (t: string) =>
      renderToStaticMarkup(
        (await InvitationPage({
          params: Promise.resolve({ slug: hotel.tenant.slug, token: t }),
        })) as ReactElement,
      );
    const ok = await render(token);
    expect(ok).toContain(`Join ${hotel.tenant.name} as manager`);
    expect(ok).toContain("pending.person@example.test");
    expect(ok).toContain("Confirm password");
    const bad = await render("nonsense");
    expect(bad).toContain("This invitation link is not valid");
    expect(bad).not.toContain("Confirm password");
  });
});
