"use client";

import { Check, Play } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import {
  assignServiceRequestAction,
  setServiceRequestStatusAction,
} from "@/app/t/[slug]/(portal)/requests/actions";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import type { ServiceRequestStatus } from "@/lib/hotel/schemas";
import { readOutcome } from "./refusal";
import { RequestStatusBadge } from "./status-badges";

export type MemberOption = { userId: string; name: string };

/**
 * The request's status and the next step as a button: open → "Start" (or straight to "Done" for a
 * quick job), in progress → "Done". `what` names the request for screen readers ("towels, room 101").
 */
export function RequestStatusControl({
  requestId,
  status,
  what,
  disabled = false,
}: {
  requestId: string;
  status: ServiceRequestStatus;
  what: string;
  disabled?: boolean;
}) {
  const [pending, startTransition] = React.useTransition();
  const move = (next: ServiceRequestStatus) =>
    startTransition(async () => {
      const outcome = readOutcome(
        await setServiceRequestStatusAction({ requestId, status: next }).catch(() => undefined),
      );
      if (outcome.ok) toast.success(next === "done" ? `Done: ${what}` : `Started: ${what}`);
      else toast.error(outcome.message);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <RequestStatusBadge status={status} />
      {disabled ? null : status === "open" ? (
        <>
          <Button
            size="sm"
            variant="outline"
            onClick={() => move("in_progress")}
            disabled={pending}
            aria-label={`Start ${what}`}
          >
            <Play aria-hidden /> Start
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => move("done")}
            disabled={pending}
            aria-label={`Mark done: ${what}`}
          >
            <Check aria-hidden /> Done
          </Button>
        </>
      ) : status === "in_progress" ? (
        <Button
          size="sm"
          variant="outline"
          onClick={() => move("done")}
          disabled={pending}
          aria-label={`Mark done: ${what}`}
        >
          <Check aria-hidden /> Done
        </Button>
      ) : null}
    </div>
  );
}

/** Who works on the request: any member of the team, or nobody yet. */
export function RequestAssigneeSelect({
  requestId,
  assigneeUserId,
  members,
  what,
  disabled = false,
}: {
  requestId: string;
  assigneeUserId: string | null;
  members: readonly MemberOption[];
  what: string;
  disabled?: boolean;
}) {
  const [pending, startTransition] = React.useTransition();
  // Shown at once; the server's answer (or a refusal) settles it.
  const [value, setValue] = React.useState(assigneeUserId ?? "");
  React.useEffect(() => setValue(assigneeUserId ?? ""), [assigneeUserId]);
  const options = members.map((m) => ({ value: m.userId, label: m.name }));
  // A former member still assigned stays visible until someone reassigns the request.
  if (assigneeUserId && !members.some((m) => m.userId === assigneeUserId)) {
    options.unshift({ value: assigneeUserId, label: "Former member" });
  }
  const assign = (next: string) => {
    const previous = value;
    setValue(next);
    startTransition(async () => {
      const outcome = readOutcome(
        await assignServiceRequestAction({ requestId, assigneeUserId: next || null }).catch(() => undefined),
      );
      if (outcome.ok) {
        const name = members.find((m) => m.userId === next)?.name;
        toast.success(name ? `Assigned to ${name}` : "Unassigned");
      } else {
        setValue(previous);
        toast.error(outcome.message);
      }
    });
  };
  return (
    <NativeSelect
      aria-label={`Assignee for ${what}`}
      value={value}
      onChange={(e) => assign(e.target.value)}
      disabled={disabled || pending}
      placeholder="Unassigned"
      options={options}
      className="min-w-40"
    />
  );
}
