import type { Queryable } from "@/db/connect";
import { sendEmail } from "@/lib/messaging/send/send-email";
import type { MessageStatus } from "@/lib/messaging/send/types";
import { platformEventSchemas } from "@/lib/messaging/templates/platform-events";
import type { TenantRole } from "@/lib/tenants/queries";

/**
 * The email an invited member receives, through the send pipeline ("member.invite" template).
 *
 * It is platform mail (no tenant id) on purpose: the rendered email holds the only copy of the
 * link, and a hotel's message log is readable by its managers, who could otherwise open an
 * owner's invitation and accept it for the invitee's address. Platform mail is only in the
 * console's log, and its template is the platform's (hotels cannot rewrite where the link points).
 */

export type InvitationEmailInput = {
  invitationId: string;
  /** The current token's hash: each new link of an invitation is a new email. */
  tokenHash: string;
  to: string;
  tenant: { name: string; slug: string; locale: string };
  inviterName: string;
  role: TenantRole;
  acceptUrl: string;
  expiresAt: Date;
};

export type InvitationEmailOutcome = { status: MessageStatus; messageId: string | null };

/**
 * One email per link: a retried send of the same link is the same message, and a new link of the
 * same invitation (resendInvitation) is a new one. The hash prefix names the link, not the token.
 */
export function invitationEmailKey(invitationId: string, tokenHash: string): string {
  return `member.invite:${invitationId}:${tokenHash.slice(0, 16)}`;
}

/**
 * Sends the invitation after its transaction committed. The invitation stands whatever happens
 * here: a provider failure is a failed message in the log, and any other error is reported as a
 * failed send (the owner still has the link and can send a new one).
 */
export async function sendInvitationEmail(
  db: Queryable,
  input: InvitationEmailInput,
): Promise<InvitationEmailOutcome> {
  try {
    const data = platformEventSchemas["member.invite"].parse({
      tenant: { name: input.tenant.name, slug: input.tenant.slug },
      recipient: { email: input.to },
      inviter: { name: input.inviterName },
      role: input.role,
      acceptUrl: input.acceptUrl,
      expiresAt: input.expiresAt.toISOString(),
    });
    const message = await sendEmail(db, {
      tenantId: null,
      event: "member.invite",
      to: input.to,
      locale: input.tenant.locale,
      data,
      idempotencyKey: invitationEmailKey(input.invitationId, input.tokenHash),
    });
    return { status: message.status, messageId: message.id };
  } catch (error) {
    // The invitation id and the error's name only: a validation or driver message may quote the
    // payload, and the payload carries the link.
    const reason = error instanceof Error ? error.name : "unknown error";
    console.error(`invitation ${input.invitationId}: the email was not sent: ${reason}`);
    return { status: "failed", messageId: null };
  }
}
