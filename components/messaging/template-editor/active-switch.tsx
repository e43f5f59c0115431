"use client";

import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { cn } from "@/lib/utils";
import type { EditorActions, EditorKey } from "./types";

/**
 * Switches a stored template on or off at once. Sends skip an inactive template (a hotel's falls
 * back to the platform's), so there is nothing to switch before a version is saved.
 */
export function ActiveSwitch({
  templateKey,
  active,
  stored,
  setActive,
  onChanged,
}: {
  templateKey: EditorKey;
  active: boolean;
  stored: boolean;
  setActive: EditorActions["setActive"];
  onChanged: () => void;
}) {
  const [pending, startTransition] = React.useTransition();
  const toggle = () =>
    startTransition(async () => {
      const outcome = readOutcome(await setActive({ ...templateKey, active: !active }));
      if (!outcome.ok) {
        toast.error(outcome.message);
        return;
      }
      toast.success(outcome.data.active ? "Template switched on" : "Template switched off");
      onChanged();
    });
  const on = stored && active;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label="Template active"
      disabled={!stored || pending}
      title={stored ? undefined : "Save the template first"}
      onClick={toggle}
      className="inline-flex cursor-pointer items-center gap-2 rounded-full text-[13px] font-medium focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none disabled:cursor-default disabled:opacity-60"
    >
      <span
        aria-hidden
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors",
          on ? "bg-emerald-500" : "bg-zinc-300",
        )}
      >
        <span
          className={cn(
            "absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform",
            on ? "translate-x-4" : "translate-x-0.5",
          )}
        />
      </span>
      <span className={on ? "text-emerald-700" : "text-zinc-600"}>
        {on ? "Active" : stored ? "Off" : "Not saved"}
      </span>
    </button>
  );
}
