"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { actionErrorMessage } from "@/lib/action-errors";
import { deleteFlagAction } from "@/lib/flags/actions";

/**
 * Deletes a flag after the admin types its key. A flag still listed by a plan or a menu item is
 * refused by the service; its message, naming them, is shown in the dialog.
 */
export function DeleteFlagButton({
  flagKey,
  overrides,
  redirectTo,
  compact = false,
}: {
  flagKey: string;
  overrides: number;
  /** Where to go afterwards (the flag's own page no longer exists). */
  redirectTo?: string;
  compact?: boolean;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        compact ? (
          <Button variant="ghost" size="icon" aria-label={`Delete ${flagKey}`}>
            <Trash2 aria-hidden />
          </Button>
        ) : (
          <Button variant="outline">
            <Trash2 aria-hidden /> Delete
          </Button>
        )
      }
      title={`Delete "${flagKey}"?`}
      consequences={[
        "Code that asks for it gets “off” from now on, for every hotel.",
        overrides > 0
          ? `Its ${overrides} per-hotel ${overrides === 1 ? "override is" : "overrides are"} deleted with it.`
          : "It has no per-hotel overrides.",
        "The audit log keeps its last definition.",
      ]}
      requireText={flagKey}
      confirmLabel="Delete flag"
      variant="destructive"
      onConfirm={async () => {
        const message = actionErrorMessage(await deleteFlagAction({ key: flagKey }));
        if (message) throw new Error(message);
        toast.success(`Deleted "${flagKey}"`);
        if (redirectTo) router.push(redirectTo);
      }}
    />
  );
}
