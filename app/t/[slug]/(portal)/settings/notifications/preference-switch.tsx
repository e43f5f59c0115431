"use client";

import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { cn } from "@/lib/utils";
import { setNotificationPreferenceAction } from "./actions";

type Channel = "sms" | "email";
type GuestEvent = Parameters<typeof setNotificationPreferenceAction>[0]["event"];

const channelName: Record<Channel, string> = { sms: "SMS", email: "Email" };

/** One event × channel toggle; it flips at once and goes back if the server says no. */
export function PreferenceSwitch({
  event,
  eventLabel,
  channel,
  enabled,
  canWrite,
}: {
  event: GuestEvent;
  eventLabel: string;
  channel: Channel;
  enabled: boolean;
  canWrite: boolean;
}) {
  const [on, setOn] = React.useState(enabled);
  const [pending, startTransition] = React.useTransition();
  const toggle = () => {
    const next = !on;
    setOn(next);
    startTransition(async () => {
      const outcome = readOutcome(await setNotificationPreferenceAction({ event, channel, enabled: next }));
      if (!outcome.ok) {
        setOn(!next);
        toast.error(outcome.message);
        return;
      }
      toast.success(`${eventLabel}: ${channelName[channel]} ${next ? "on" : "off"}`);
    });
  };
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={`${eventLabel} by ${channelName[channel]}`}
      disabled={!canWrite || pending}
      onClick={toggle}
      className="inline-flex cursor-pointer items-center gap-2 rounded-full text-[13px] font-medium focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none disabled:cursor-default disabled:opacity-70"
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
      <span className={on ? "text-emerald-700" : "text-zinc-500"}>{on ? "On" : "Off"}</span>
    </button>
  );
}
