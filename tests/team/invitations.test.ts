import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tenantInvitations, tenantMembers, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { inviteMember, revokeInvitation } from "@/lib/team/invitations";
import { findInvitationByToken, getSeatUsage, listInvitations } from "@/lib/team/queries";
import { resendInvitation } from "@/lib/team/resend-invitation";
import { hashInvitationToken } from "@/lib/team/token";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser } from "@/tests/helpers/fixtures";
import {
  appError,
  auditRows,
  caller,
  createHotel,
  devSinkCopy,
  freshEmail,
  type Hotel,
  invitationEmails,
  memberRole,
  messagesTo,
  seedMessaging,
  tokenOf,
} from "./helpers";

const PASSWORD = "correct-horse-battery";

describe.each(testDatabaseKinds)("team invitations on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedMessaging(database.db);
    hotel = await createHotel(database.db);
  });
  afterAll(() => database.drop());

  const invite = (email: string, role: "owner" | "manager" | "staff" = "manager", h: Hotel = hotel) =>
    inviteMember(database.db, { tenantId: h.tenant.id, email, role, ...caller(h.owner, "owner") });

  test("invite → accept: a new account joins with the invited role; only the token's hash is stored", async () => {
    const db = database.db;
    const email = freshEmail();
    const { acceptUrl, invitation, email: sent } = await invite(email.toUpperCase(), "manager");
    expect(acceptUrl).toMatch(
      new RegExp(`^http://${hotel.tenant.slug}\\.localhost:3000/invite/[A-Za-z0-9_-]{43}$`),
    );
    expect(invitation).toMatchObject({
      email,
      role: "manager",
      status: "pending",
      invitedByName: "Olive Owner",
    });
    const token = tokenOf(acceptUrl);

    const [row] = await db.select().from(tenantInvitations).where(eq(tenantInvitations.id, invitation.id));
    expect(row?.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const days = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    // The email went through the send pipeline with the link (embedded installs: the dev sink).
    const emails = await invitationEmails(db, invitation.id);
    expect(emails).toHaveLength(1);
    const [mail] = emails;
    expect(sent).toEqual({ status: "sent", messageId: mail?.id });
    expect(mail).toMatchObject({
      tenantId: null,
      event: "member.invite",
      channel: "email",
      recipient: email,
      status: "sent",
      providerKind: "dev-sink",
      locale: "en",
      subject: `Olive Owner invited you to join ${hotel.tenant.name} on Hearth`,
    });
    expect(mail?.body).toContain(acceptUrl);
    expect(mail?.body).toContain("as manager");
    expect(mail?.html).toContain(`<a href="${acceptUrl}">Accept the invitation</a>`);
    const delivered = await devSinkCopy(db, mail?.id ?? "");
    expect(delivered.map((d) => d.to)).toEqual([email]);
    const [inviteAudit] = await auditRows(db, hotel.tenant.id, "member.invite");
    expect(inviteAudit).toMatchObject({ targetId: invitation.id, actorUserId: hotel.owner.id });
    // The token is only in the email: not in the invitation's audit row nor the log's key.
    expect(JSON.stringify(inviteAudit)).not.toContain(token);
    expect(mail?.idempotencyKey).not.toContain(token);

    expect(await findInvitationByToken(db, { tenantId: hotel.tenant.id, token })).toMatchObject({
      email,
      role: "manager",
      status: "pending",
      hasAccount: false,
    });

    const joined = await acceptInvitation(db, {
      tenantId: hotel.tenant.id,
      token,
      name: "  Nina New ",
      password: PASSWORD,
    });
    expect(joined).toMatchObject({ email, role: "manager", createdAccount: true });
    expect(await memberRole(db, hotel.tenant.id, joined.userId)).toBe("manager");
    const [user] = await db.select().from(users).where(eq(users.id, joined.userId));
    expect(user?.name).toBe("Nina New");
    expect(await verifyPassword(user?.passwordHash, PASSWORD)).toBe(true);

    const [joinAudit] = await auditRows(db, hotel.tenant.id, "member.join");
    expect(joinAudit).toMatchObject({
      targetId: joined.userId,
      actorUserId: joined.userId,
      actorLabel: email,
    });
    const listed = await listInvitations(db, { tenantId: hotel.tenant.id });
    expect(listed.find((i) => i.id === invitation.id)?.status).toBe("accepted");
  });

  test("a used, revoked or expired link is refused with a clear reason, and joins nobody", async () => {
    const db = database.db;
    const tenantId = hotel.tenant.id;
    const accept = (token: string) =>
      acceptInvitation(db, { tenantId, token, name: "X Y", password: PASSWORD });

    const used = await invite(freshEmail());
    await accept(tokenOf(used.acceptUrl));
    const again = await appError(accept(tokenOf(used.acceptUrl)));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already been used/);

    const revoked = await invite(freshEmail());
    await revokeInvitation(db, {
      tenantId,
      invitationId: revoked.invitation.id,
      ...caller(hotel.owner, "owner"),
    });
    expect((await appError(accept(tokenOf(revoked.acceptUrl)))).message).toMatch(/withdrawn/);
    const [revokeAudit] = await auditRows(db, tenantId, "member.invite.revoke");
    expect(revokeAudit?.targetId).toBe(revoked.invitation.id);

    const expired = await invite(freshEmail());
    await db
      .update(tenantInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tenantInvitations.id, expired.invitation.id));
    expect((await appError(accept(tokenOf(expired.acceptUrl)))).message).toMatch(/expired/);

    const unknown = await appError(accept("A".repeat(43)));
    expect(unknown.code).toBe("NOT_FOUND");
    expect((await appError(accept("not-a-token"))).code).toBe("INVALID");

    for (const r of [revoked, expired]) {
      const [u] = await db.select().from(users).where(eq(users.email, r.invitation.email));
      expect(u).toBeUndefined();
    }
    const statuses = await listInvitations(db, { tenantId, includeRevoked: true });
    expect(statuses.find((i) => i.id === expired.invitation.id)?.status).toBe("expired");
    expect(statuses.find((i) => i.id === revoked.invitation.id)?.status).toBe("revoked");
  });

  test("two concurrent acceptances of one link make exactly one membership", async () => {
    const db = database.db;
    const { acceptUrl, invitation } = await invite(freshEmail(), "staff");
    const token = tokenOf(acceptUrl);
    const attempt = () =>
      acceptInvitation(db, { tenantId: hotel.tenant.id, token, name: "Twice Tried", password: PASSWORD });
    const results = await Promise.allSettled([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [user] = await db.select().from(users).where(eq(users.email, invitation.email));
    expect(user).toBeDefined();
    const memberships = await db
      .select()
      .from(tenantMembers)
      .where(eq(tenantMembers.userId, user?.id ?? ""));
    expect(memberships).toHaveLength(1);
    expect(await auditRows(db, hotel.tenant.id, "member.join")).toSatisfy(
      (rows: { targetId: string | null }[]) => rows.filter((r) => r.targetId === user?.id).length === 1,
    );
  });

  test("re-inviting a pending email revokes the old link and issues a new one", async () => {
    const db = database.db;
    const email = freshEmail();
    const first = await invite(email, "staff");
    const second = await invite(email, "manager");
    expect(second.replaced).toEqual([first.invitation.id]);
    expect(second.invitation.id).not.toBe(first.invitation.id);
    const open = (await listInvitations(db, { tenantId: hotel.tenant.id })).filter((i) => i.email === email);
    expect(open.map((i) => i.status)).toEqual(["pending"]);
    const old = await appError(
      acceptInvitation(db, {
        tenantId: hotel.tenant.id,
        token: tokenOf(first.acceptUrl),
        name: "A B",
        password: PASSWORD,
      }),
    );
    expect(old.message).toMatch(/withdrawn/);
    const joined = await acceptInvitation(db, {
      tenantId: hotel.tenant.id,
      token: tokenOf(second.acceptUrl),
      name: "A B",
      password: PASSWORD,
    });
    expect(joined.role).toBe("manager");
  });

  test("inviting someone who is already a member is a conflict on the email field", async () => {
    const error = await appError(invite(hotel.manager.email.toUpperCase(), "staff"));
    expect(error).toMatchObject({ code: "CONFLICT", field: "email" });
  });

  test("an existing account joins with its own password, which stays unchanged", async () => {
    const db = database.db;
    const other = await createHotel(db);
    // The other hotel's manager already has an account with a password.
    const { hashPassword } = await import("@/lib/auth/password");
    await db
      .update(users)
      .set({ passwordHash: await hashPassword("their-own-password") })
      .where(eq(users.id, other.manager.id));
    const { acceptUrl } = await invite(other.manager.email, "staff");
    const token = tokenOf(acceptUrl);
    expect((await findInvitationByToken(db, { tenantId: hotel.tenant.id, token }))?.hasAccount).toBe(true);

    const wrong = await appError(
      acceptInvitation(db, { tenantId: hotel.tenant.id, token, name: "Someone Else", password: PASSWORD }),
    );
    expect(wrong).toMatchObject({ code: "INVALID", field: "password" });
    expect((await findInvitationByToken(db, { tenantId: hotel.tenant.id, token }))?.status).toBe("pending");

    const joined = await acceptInvitation(db, {
      tenantId: hotel.tenant.id,
      token,
      name: "Someone Else",
      password: "their-own-password",
    });
    expect(joined).toMatchObject({ userId: other.manager.id, createdAccount: false, role: "staff" });
    const [user] = await db.select().from(users).where(eq(users.id, other.manager.id));
    expect(user?.name).toBe("Mia Manager");
    expect(await verifyPassword(user?.passwordHash, "their-own-password")).toBe(true);
    expect(await memberRole(db, other.tenant.id, other.manager.id)).toBe("manager");
  });

  test("an account created without a password sets one through the invitation", async () => {
    const db = database.db;
    const bare = await createUser(db, { email: freshEmail(), name: "Bare Account" });
    const { acceptUrl } = await invite(bare.email, "staff");
    const joined = await acceptInvitation(db, {
      tenantId: hotel.tenant.id,
      token: tokenOf(acceptUrl),
      name: "Bare Account",
      password: PASSWORD,
    });
    expect(joined).toMatchObject({ userId: bare.id, createdAccount: false });
    const [user] = await db.select().from(users).where(eq(users.id, bare.id));
    expect(await verifyPassword(user?.passwordHash, PASSWORD)).toBe(true);
  });

  test("a new account needs a name and a password of at least 10 characters", async () => {
    const { acceptUrl } = await invite(freshEmail());
    const token = tokenOf(acceptUrl);
    const tenantId = hotel.tenant.id;
    const short = await appError(
      acceptInvitation(database.db, { tenantId, token, name: "A B", password: "short" }),
    );
    expect(short).toMatchObject({ code: "INVALID", field: "password" });
    const noName = await appError(
      acceptInvitation(database.db, { tenantId, token, name: " ", password: PASSWORD }),
    );
    expect(noName).toMatchObject({ code: "INVALID", field: "name" });
  });

  test("seats: members plus pending invitations may not pass the plan's staff_seats", async () => {
    const db = database.db;
    // Two members on a two-seat plan: no invitation.
    const full = await createHotel(db, { seats: 2, roles: ["owner", "manager"] });
    const refused = await appError(invite(freshEmail(), "staff", full));
    expect(refused.code).toBe("LIMIT_REACHED");
    expect(refused.details).toMatchObject({ limit: "staff_seats", current: 2, max: 2 });
    expect(await listInvitations(db, { tenantId: full.tenant.id })).toHaveLength(0);

    // One member and one pending invitation on a two-seat plan: the invitation holds the last seat.
    const held = await createHotel(db, { seats: 2, roles: ["owner"] });
    const pending = await invite(freshEmail(), "staff", held);
    expect(await getSeatUsage(db, { tenantId: held.tenant.id })).toEqual({
      members: 1,
      pendingInvitations: 1,
      used: 2,
      limit: 2,
    });
    const refusedEmail = freshEmail();
    const second = await appError(invite(refusedEmail, "staff", held));
    expect(second.code).toBe("LIMIT_REACHED");
    expect(second.message).toMatch(/1 pending invitation holds a seat/);
    // A refused invitation sends nothing; the accepted one did.
    expect(await messagesTo(db, refusedEmail)).toHaveLength(0);
    expect(await messagesTo(db, pending.invitation.email)).toHaveLength(1);
    // Re-inviting the same email replaces its invitation: no extra seat.
    await invite(pending.invitation.email, "manager", held);
    const replacement = (await listInvitations(db, { tenantId: held.tenant.id })).find(
      (i) => i.status === "pending",
    );
    if (!replacement) throw new Error("no pending invitation");
    // Revoking frees the seat.
    await revokeInvitation(db, {
      tenantId: held.tenant.id,
      invitationId: replacement.id,
      ...caller(held.owner, "owner"),
    });
    await expect(invite(freshEmail(), "staff", held)).resolves.toBeDefined();
  });

  test("only owners invite and revoke: managers and staff are refused by the service", async () => {
    const db = database.db;
    const tenantId = hotel.tenant.id;
    for (const [user, role] of [
      [hotel.manager, "manager"],
      [hotel.staff, "staff"],
    ] as const) {
      const error = await appError(
        inviteMember(db, { tenantId, email: freshEmail(), role: "staff", ...caller(user, role) }),
      );
      expect(error.code).toBe("FORBIDDEN");
    }
    const { invitation } = await invite(freshEmail());
    const error = await appError(
      revokeInvitation(db, { tenantId, invitationId: invitation.id, ...caller(hotel.staff, "staff") }),
    );
    expect(error.code).toBe("FORBIDDEN");
    const resend = await appError(
      resendInvitation(db, { tenantId, invitationId: invitation.id, ...caller(hotel.manager, "manager") }),
    );
    expect(resend.code).toBe("FORBIDDEN");
    expect(await invitationEmails(db, invitation.id)).toHaveLength(1);
  });

  test("cross-tenant: another hotel's invitations are not found from this one", async () => {
    const db = database.db;
    const other = await createHotel(db);
    const theirs = await invite(freshEmail(), "staff", other);
    const token = tokenOf(theirs.acceptUrl);
    const mine = hotel.tenant.id;
    const ownerHere = caller(hotel.owner, "owner");

    expect(
      (
        await appError(
          revokeInvitation(db, { tenantId: mine, invitationId: theirs.invitation.id, ...ownerHere }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await appError(
          resendInvitation(db, { tenantId: mine, invitationId: theirs.invitation.id, ...ownerHere }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(await invitationEmails(db, theirs.invitation.id)).toHaveLength(1);
    // Their link opened on this hotel's host matches nothing here.
    expect(await findInvitationByToken(db, { tenantId: mine, token })).toBeNull();
    const accept = await appError(
      acceptInvitation(db, { tenantId: mine, token, name: "A B", password: PASSWORD }),
    );
    expect(accept.code).toBe("NOT_FOUND");
    expect((await listInvitations(db, { tenantId: mine })).some((i) => i.id === theirs.invitation.id)).toBe(
      false,
    );
    // And it still works where it belongs.
    const [row] = await db
      .select()
      .from(tenantInvitations)
      .where(eq(tenantInvitations.id, theirs.invitation.id));
    expect(row?.revokedAt).toBeNull();
    expect(row?.acceptedAt).toBeNull();
  });
});
