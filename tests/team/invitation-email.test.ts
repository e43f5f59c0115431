// The invitation email through the send pipeline: a new link is a new email (the old link dies),
// the email is in the hotel's language, it is platform mail that the hotel's own log never shows,
// a retried send sends once, and an email that cannot be sent leaves the invitation standing.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformMessageTemplates, platformTenants, tenantInvitations } from "@/db/schema";
import { listDevSinkMessages, listMessages } from "@/lib/messaging/log/queries";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { sendInvitationEmail } from "@/lib/team/invitation-email";
import { inviteMember, revokeInvitation } from "@/lib/team/invitations";
import { findInvitationByToken } from "@/lib/team/queries";
import { resendInvitation } from "@/lib/team/resend-invitation";
import { hashInvitationToken } from "@/lib/team/token";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import {
  appError,
  auditRows,
  caller,
  createHotel,
  freshEmail,
  type Hotel,
  invitationEmails,
  seedMessaging,
  tokenOf,
} from "./helpers";

const PASSWORD = "correct-horse-battery";

describe.each(testDatabaseKinds)("invitation emails on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Hotel;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedMessaging(database.db);
    hotel = await createHotel(database.db);
  });
  afterAll(() => database.drop());

  const owner = () => caller(hotel.owner, "owner");
  const invite = (email: string, h: Hotel = hotel) =>
    inviteMember(database.db, { tenantId: h.tenant.id, email, role: "staff", ...caller(h.owner, "owner") });

  test("a new link replaces the old one and goes out as a second email", async () => {
    const db = database.db;
    const first = await invite(freshEmail());
    const oldToken = tokenOf(first.acceptUrl);
    const again = await resendInvitation(db, {
      tenantId: hotel.tenant.id,
      invitationId: first.invitation.id,
      ...owner(),
    });
    const newToken = tokenOf(again.acceptUrl);
    expect(newToken).not.toBe(oldToken);
    expect(again.email.status).toBe("sent");

    const emails = await invitationEmails(db, first.invitation.id);
    expect(emails.map((e) => e.status)).toEqual(["sent", "sent"]);
    expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(2);
    expect(emails[0]?.body).toContain(first.acceptUrl);
    expect(emails[1]?.body).toContain(again.acceptUrl);
    expect(emails[1]?.id).toBe(again.email.messageId);

    // Same invitation (id, expiry, seat), new hash; the audit row names it but not the token.
    const [row] = await db
      .select()
      .from(tenantInvitations)
      .where(eq(tenantInvitations.id, first.invitation.id));
    expect(row).toMatchObject({
      tokenHash: hashInvitationToken(newToken),
      expiresAt: first.invitation.expiresAt,
    });
    const [audit] = await auditRows(db, hotel.tenant.id, "member.invite.resend");
    expect(audit).toMatchObject({ targetId: first.invitation.id, actorUserId: hotel.owner.id });
    expect(JSON.stringify(audit)).not.toContain(newToken);

    const tenantId = hotel.tenant.id;
    expect(await findInvitationByToken(db, { tenantId, token: oldToken })).toBeNull();
    const stale = await appError(
      acceptInvitation(db, { tenantId, token: oldToken, name: "A B", password: PASSWORD }),
    );
    expect(stale.code).toBe("NOT_FOUND");
    const joined = await acceptInvitation(db, { tenantId, token: newToken, name: "A B", password: PASSWORD });
    expect(joined).toMatchObject({ email: first.invitation.email, role: "staff" });
  });

  test("an accepted, revoked or expired invitation gets no new link and no email", async () => {
    const db = database.db;
    const tenantId = hotel.tenant.id;
    const accepted = await invite(freshEmail());
    await acceptInvitation(db, {
      tenantId,
      token: tokenOf(accepted.acceptUrl),
      name: "A B",
      password: PASSWORD,
    });
    const revoked = await invite(freshEmail());
    await revokeInvitation(db, { tenantId, invitationId: revoked.invitation.id, ...owner() });
    const expired = await invite(freshEmail());
    await db
      .update(tenantInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tenantInvitations.id, expired.invitation.id));

    for (const { invitation } of [accepted, revoked, expired]) {
      const before = await db.select().from(tenantInvitations).where(eq(tenantInvitations.id, invitation.id));
      const error = await appError(
        resendInvitation(db, { tenantId, invitationId: invitation.id, ...owner() }),
      );
      expect(error).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/no longer be accepted/),
      });
      expect(await invitationEmails(db, invitation.id)).toHaveLength(1);
      const after = await db.select().from(tenantInvitations).where(eq(tenantInvitations.id, invitation.id));
      expect(after[0]?.tokenHash).toBe(before[0]?.tokenHash);
    }
  });

  test("a French hotel's invitation is written in French, the role too", async () => {
    const db = database.db;
    const french = await createHotel(db);
    await db.update(platformTenants).set({ locale: "fr" }).where(eq(platformTenants.id, french.tenant.id));
    const { invitation, acceptUrl } = await inviteMember(db, {
      tenantId: french.tenant.id,
      email: freshEmail(),
      role: "manager",
      ...caller(french.owner, "owner"),
    });
    const [mail] = await invitationEmails(db, invitation.id);
    expect(mail).toMatchObject({
      locale: "fr",
      status: "sent",
      subject: `Olive Owner vous invite à rejoindre ${french.tenant.name} sur Hearth`,
    });
    expect(mail?.body).toContain("en tant que responsable.");
    expect(mail?.body).toContain(acceptUrl);
    expect(mail?.body).toContain("(UTC)");
  });

  test("the email is platform mail: not in the hotel's own log or dev outbox, only the console's", async () => {
    const db = database.db;
    const { invitation } = await invite(freshEmail());
    const [mail] = await invitationEmails(db, invitation.id);
    if (!mail) throw new Error("no email");
    const tenantId = hotel.tenant.id;

    const own = await listMessages(db, { tenantId, event: "member.invite" });
    expect(own.total).toBe(0);
    const ownOutbox = await listDevSinkMessages(db, { tenantId });
    expect(ownOutbox.rows.some((r) => r.messageId === mail.id)).toBe(false);

    const platformView = await listMessages(db, { event: "member.invite", search: invitation.email });
    expect(platformView.rows.map((r) => r.id)).toEqual([mail.id]);
  });

  test("a retried send of the same link sends one email", async () => {
    const db = database.db;
    const { invitation, acceptUrl } = await invite(freshEmail());
    const [row] = await db.select().from(tenantInvitations).where(eq(tenantInvitations.id, invitation.id));
    if (!row) throw new Error("no invitation");
    const retried = await sendInvitationEmail(db, {
      invitationId: row.id,
      tokenHash: row.tokenHash,
      to: row.email,
      tenant: { name: hotel.tenant.name, slug: hotel.tenant.slug, locale: "en" },
      inviterName: "Olive Owner",
      role: row.role,
      acceptUrl,
      expiresAt: row.expiresAt,
    });
    const emails = await invitationEmails(db, invitation.id);
    expect(emails).toHaveLength(1);
    expect(retried).toEqual({ status: "sent", messageId: emails[0]?.id });
  });

  test("an email that cannot be sent leaves the invitation standing, its failure in the log", async () => {
    const db = database.db;
    const t = platformMessageTemplates;
    const inviteTemplates = and(eq(t.event, "member.invite"), eq(t.channel, "email"));
    await db.update(t).set({ active: false }).where(inviteTemplates);
    try {
      const { invitation, acceptUrl, email } = await invite(freshEmail());
      const [mail] = await invitationEmails(db, invitation.id);
      expect(email).toEqual({ status: "failed", messageId: mail?.id });
      expect(mail).toMatchObject({
        status: "failed",
        error: expect.stringMatching(/No active email template/),
      });
      expect(
        await findInvitationByToken(db, { tenantId: hotel.tenant.id, token: tokenOf(acceptUrl) }),
      ).toMatchObject({ id: invitation.id, status: "pending" });
    } finally {
      await db.update(t).set({ active: true }).where(inviteTemplates);
    }
  });
});
