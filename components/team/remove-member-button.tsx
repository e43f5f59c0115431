"use client";

import { UserMinus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { actionErrorMessage } from "@/lib/action-errors";
import { removeMemberAction } from "@/lib/team/actions";

/** Removes a member after naming what happens; removing yourself signs you out of this hotel. */
export function RemoveMemberButton({
  userId,
  name,
  hotelName,
  isSelf,
}: {
  userId: string;
  name: string;
  hotelName: string;
  isSelf: boolean;
}) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${name}`}>
          <UserMinus aria-hidden />
          Remove
        </Button>
      }
      title={isSelf ? `Leave ${hotelName}?` : `Remove ${name} from ${hotelName}?`}
      consequences={[
        isSelf
          ? "You can no longer sign in to this hotel's portal"
          : `${name} can no longer sign in to this hotel's portal`,
        "Their Hearth account and any other hotels they belong to stay as they are",
        "Their seat is free for someone else",
      ]}
      confirmLabel={isSelf ? "Leave hotel" : "Remove member"}
      variant="destructive"
      onConfirm={async () => {
        const result = await removeMemberAction({ userId });
        const message = actionErrorMessage(result);
        if (message) throw new Error(message);
        if (result?.data?.removedSelf) {
          window.location.assign("/login");
          return;
        }
        toast.success(`${name} was removed from the team.`);
      }}
    />
  );
}
