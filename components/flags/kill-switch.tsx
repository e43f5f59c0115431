"use client";

import * as React from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { actionErrorMessage } from "@/lib/action-errors";
import { setFlagKilledAction } from "@/lib/flags/actions";
import { cn } from "@/lib/utils";

/**
 * The kill switch as a toggle: on = the flag is live, off = killed for everyone. Both directions ask
 * for confirmation, naming what happens; killing takes an optional reason for the audit log.
 */
export function KillSwitch({
  flagKey,
  killed,
  canWrite,
}: {
  flagKey: string;
  killed: boolean;
  canWrite: boolean;
}) {
  const [reason, setReason] = React.useState("");
  const reasonId = React.useId();
  const live = !killed;
  const toggle = (
    <button
      type="button"
      role="switch"
      aria-checked={live}
      aria-label={`Kill switch of ${flagKey}: ${live ? "live" : "killed"}`}
      disabled={!canWrite}
      className={cn(
        "inline-flex items-center gap-2 rounded-full text-xs font-medium focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none",
        canWrite ? "cursor-pointer" : "cursor-default",
      )}
    >
      <span
        aria-hidden
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors",
          live ? "bg-emerald-500" : "bg-red-500",
        )}
      >
        <span
          className={cn(
            "absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform",
            live ? "translate-x-4" : "translate-x-0.5",
          )}
        />
      </span>
      <span className={live ? "text-emerald-700" : "text-red-700"}>{live ? "Live" : "Killed"}</span>
    </button>
  );
  if (!canWrite) return toggle;

  return (
    <ConfirmDialog
      trigger={toggle}
      title={live ? `Kill "${flagKey}"?` : `Restore "${flagKey}"?`}
      consequences={
        live
          ? [
              "It turns off for every hotel and in the console, whatever its rules, overrides and default say.",
              "This server sees it at once; other servers within 30 seconds.",
              "Nothing else changes: restoring it brings back the rules and overrides as they were.",
            ]
          : ["Its rules, overrides and default decide again, as they did before it was killed."]
      }
      confirmLabel={live ? "Kill flag" : "Restore flag"}
      variant={live ? "destructive" : "default"}
      onConfirm={async () => {
        const message = actionErrorMessage(
          await setFlagKilledAction({ key: flagKey, killed: live, reason: live ? reason : "" }),
        );
        if (message) throw new Error(message);
        toast.success(live ? `"${flagKey}" is killed` : `"${flagKey}" is live again`);
        setReason("");
      }}
    >
      {live ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={reasonId}>Reason (for the audit log)</Label>
          <Textarea
            id={reasonId}
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. Incident 42: the new inbox drops messages"
          />
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
