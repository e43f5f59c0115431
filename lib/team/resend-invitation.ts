import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { tenantInvitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { tenantUrl } from "@/lib/tenancy/host";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { TeamCaller } from "./guard";
import { assertTeamPermission, lockTenant } from "./guard";
import { type InvitationEmailOutcome, sendInvitationEmail } from "./invitation-email";
import { userName } from "./invitations";
import { invitationStatus } from "./queries";
import { invitationIdSchema } from "./schemas";
import { createInvitationToken, invitationPath } from "./token";

export type ResendResult = {
  /** The new link, shown to the owner (and in the new email); stored only as its hash. */
  acceptUrl: string;
  email: InvitationEmailOutcome;
};

/**
 * A new link for a pending invitation, emailed again. Only the token's hash is stored, so the old
 * link cannot be shown again: it is replaced (it stops working at once) and the new one goes out
 * as a new email. The invitation keeps its id, role, seat and expiry. An accepted, revoked or
 * expired invitation gets no new link: invite the email again instead.
 */
export async function resendInvitation(
  db: Queryable,
  input: TeamCaller & { tenantId: string; invitationId: string; now?: Date },
): Promise<ResendResult> {
  assertTeamPermission(input.actorRole);
  const { invitationId } = invitationIdSchema.parse({ invitationId: input.invitationId });
  const now = input.now ?? new Date();
  const tenantId = input.tenantId;

  const issued = await withTenant(db, tenantId, async (tx) => {
    // The tenant lock serialises this with acceptance, revocation and other resends.
    const tenant = await lockTenant(tx, tenantId);
    const [row] = await tx
      .select()
      .from(tenantInvitations)
      .where(and(eq(tenantInvitations.tenantId, tenantId), eq(tenantInvitations.id, invitationId)))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", "This invitation does not exist.");
    if (invitationStatus(row, now) !== "pending") {
      throw new AppError("CONFLICT", "This invitation can no longer be accepted: send a new one.");
    }
    const { token, tokenHash } = createInvitationToken();
    const [updated] = await tx
      .update(tenantInvitations)
      .set({ tokenHash })
      .where(
        and(
          eq(tenantInvitations.id, row.id),
          eq(tenantInvitations.tokenHash, row.tokenHash),
          isNull(tenantInvitations.acceptedAt),
          isNull(tenantInvitations.revokedAt),
        ),
      )
      .returning({ id: tenantInvitations.id });
    if (!updated) throw new AppError("CONFLICT", "This invitation changed meanwhile: reload the page.");
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: "member.invite.resend",
      targetType: "invitation",
      targetId: row.id,
      details: { email: row.email, role: row.role },
    });
    const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
    return {
      invitation: row,
      tenant,
      tokenHash,
      acceptUrl: tenantUrl(tenant.slug, ROOT_DOMAIN, PUBLIC_PROTOCOL, invitationPath(token)),
      inviterName: await userName(tx, input.actor.userId),
    };
  });

  const { invitation, tenant, tokenHash, acceptUrl, inviterName } = issued;
  const email = await sendInvitationEmail(db, {
    invitationId: invitation.id,
    tokenHash,
    to: invitation.email,
    tenant,
    inviterName: inviterName ?? `The team at ${tenant.name}`,
    role: invitation.role,
    acceptUrl,
    expiresAt: invitation.expiresAt,
  });
  return { acceptUrl, email };
}
