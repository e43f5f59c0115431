"use client";

import { Link2, RotateCw, X } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { actionErrorMessage } from "@/lib/action-errors";
import { invitationLinkAction, inviteMemberAction, revokeInvitationAction } from "@/lib/team/actions";
import type { InvitationStatus } from "@/lib/team/queries";
import type { TenantRole } from "@/lib/tenants/queries";
import { copyText } from "./copy";

/**
 * What the owner can do with an invitation: copy the link of a pending one or revoke it, or send an
 * expired one again (a new link; the old one stays dead).
 */
export function InvitationActions({
  invitationId,
  email,
  role,
  status,
}: {
  invitationId: string;
  email: string;
  role: TenantRole;
  status: InvitationStatus;
}) {
  const [pending, startTransition] = React.useTransition();

  // Only the token's hash is stored, so the old link cannot be shown again: this issues a new one
  // (the old link stops working), emails it, and copies it for the owner.
  const sendNewLink = () =>
    startTransition(async () => {
      const result = await invitationLinkAction({ invitationId });
      const message = actionErrorMessage(result);
      if (message || !result?.data) return void toast.error(message ?? "No answer from the server.");
      const copied = await copyText(result.data.url);
      toast.success(`A new link was sent to ${email}; the previous one no longer works.`, {
        description: copied ? "It is also copied to your clipboard." : result.data.url,
      });
    });

  const sendAgain = () =>
    startTransition(async () => {
      const result = await inviteMemberAction({ email, role });
      const message = actionErrorMessage(result);
      if (message || !result?.data) return void toast.error(message ?? "No answer from the server.");
      const copied = await copyText(result.data.acceptUrl);
      toast.success(`A new invitation was sent to ${email}.`, {
        description: copied ? "Its link is copied to your clipboard." : result.data.acceptUrl,
      });
    });

  return (
    <div className="flex justify-end gap-1">
      {status === "pending" ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={sendNewLink}
          loading={pending}
          aria-label={`Send a new link to ${email}`}
        >
          {pending ? null : <Link2 aria-hidden />}
          Send new link
        </Button>
      ) : null}
      {status === "expired" ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={sendAgain}
          disabled={pending}
          aria-label={`Send again to ${email}`}
        >
          <RotateCw aria-hidden />
          Send again
        </Button>
      ) : null}
      {status === "pending" ? (
        <ConfirmDialog
          trigger={
            <Button
              variant="ghost"
              size="sm"
              disabled={pending}
              aria-label={`Revoke invitation for ${email}`}
            >
              <X aria-hidden />
              Revoke
            </Button>
          }
          title={`Revoke the invitation for ${email}?`}
          consequences={["The link stops working at once", "The seat it was holding is free again"]}
          confirmLabel="Revoke invitation"
          variant="destructive"
          onConfirm={async () => {
            const result = await revokeInvitationAction({ invitationId });
            const message = actionErrorMessage(result);
            if (message) throw new Error(message);
            toast.success(`The invitation for ${email} was revoked.`);
          }}
        />
      ) : null}
    </div>
  );
}
