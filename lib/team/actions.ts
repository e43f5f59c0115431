"use server";
import { revalidatePath } from "next/cache";
// Portal > Team actions. The tenant is this request's host (tenantAction), the caller must hold
// members.write (owners), and each service checks the caller's role again before it writes.
// The acceptance action is the one public entry: its caller has no session yet, only the link.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentTenant } from "@/lib/auth/guards";
import { clientIp, userAgent } from "@/lib/auth/request-info";
import { actionClient, tenantAction } from "@/lib/safe-action";
import { acceptInvitation } from "./accept-invitation";
import { inviteMember, revokeInvitation } from "./invitations";
import { changeMemberRole, removeMember } from "./members";
import { resendInvitation } from "./resend-invitation";
import {
  acceptInvitationSchema,
  changeMemberRoleSchema,
  invitationIdSchema,
  inviteMemberSchema,
  removeMemberSchema,
} from "./schemas";

// The portal layout reads the membership too (the sidebar follows the role): refresh all of it.
const refresh = () => revalidatePath("/", "layout");

export const inviteMemberAction = tenantAction("members.write")
  .inputSchema(inviteMemberSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inviteMember(await getDb(), {
      ...parsedInput,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      actorRole: ctx.role,
    });
    refresh();
    return {
      acceptUrl: result.acceptUrl,
      email: result.invitation.email,
      role: result.invitation.role,
      emailStatus: result.email.status,
    };
  });

export const revokeInvitationAction = tenantAction("members.write")
  .inputSchema(invitationIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await revokeInvitation(await getDb(), {
      ...parsedInput,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      actorRole: ctx.role,
    });
    refresh();
  });

/**
 * A new link for a pending invitation, for the owner to copy; it is emailed to the invitee too,
 * and the invitation's earlier link stops working (only hashes are stored: an old link cannot be
 * shown again).
 */
export const invitationLinkAction = tenantAction("members.write")
  .inputSchema(invitationIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await resendInvitation(await getDb(), {
      ...parsedInput,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      actorRole: ctx.role,
    });
    refresh();
    return { url: result.acceptUrl, emailStatus: result.email.status };
  });

export const changeMemberRoleAction = tenantAction("members.write")
  .inputSchema(changeMemberRoleSchema)
  .action(async ({ parsedInput, ctx }) => {
    await changeMemberRole(await getDb(), {
      ...parsedInput,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      actorRole: ctx.role,
    });
    refresh();
  });

export const removeMemberAction = tenantAction("members.write")
  .inputSchema(removeMemberSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeMember(await getDb(), {
      ...parsedInput,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      actorRole: ctx.role,
    });
    refresh();
    return { removedSelf: parsedInput.userId === ctx.user.id };
  });

const acceptFormSchema = acceptInvitationSchema.extend({ confirm: z.string().max(1024).optional() });

/**
 * Accepts an invitation on the hotel's host (the tenant comes from the host, the invitation from
 * the token), then sends the new member to this portal's sign-in with their email filled in.
 */
export const acceptInvitationAction = actionClient
  .inputSchema(acceptFormSchema)
  .action(async ({ parsedInput }) => {
    const tenant = await getCurrentTenant();
    const h = await headers();
    if (parsedInput.confirm !== undefined && parsedInput.confirm !== parsedInput.password) {
      return { fieldErrors: { confirm: "The passwords do not match" } };
    }
    const result = await acceptInvitation(await getDb(), {
      tenantId: tenant.id,
      token: parsedInput.token,
      name: parsedInput.name,
      password: parsedInput.password,
      request: { ip: clientIp(h), userAgent: userAgent(h) },
    });
    redirect(`/login?${new URLSearchParams({ email: result.email, joined: "1" })}`);
  });
