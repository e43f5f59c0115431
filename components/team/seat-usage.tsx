import Link from "next/link";
import type { SeatUsage } from "@/lib/team/queries";
import { cn } from "@/lib/utils";

/** "4 of 5 seats used": members plus open invitations, against the plan's staff seats. */
export function SeatUsageSummary({ usage, canSeePlan }: { usage: SeatUsage; canSeePlan: boolean }) {
  const { used, limit, members, pendingInvitations } = usage;
  const full = limit !== null && used >= limit;
  const share = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  const breakdown = `${members} member${members === 1 ? "" : "s"}${
    pendingInvitations
      ? `, ${pendingInvitations} pending invitation${pendingInvitations === 1 ? "" : "s"}`
      : ""
  }`;
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-zinc-200 bg-white px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="text-sm text-zinc-900">
          <span className="font-medium">
            {limit === null
              ? `${used} ${used === 1 ? "seat" : "seats"} used`
              : `${used} of ${limit} seats used`}
          </span>{" "}
          <span className="text-zinc-500">
            ({breakdown}
            {limit === null ? "; your plan has no seat limit" : ""})
          </span>
        </p>
        {limit !== null ? (
          // The sentence above says it for screen readers; the bar is for the eye.
          <div aria-hidden className="h-1.5 w-full max-w-md overflow-hidden rounded-full bg-zinc-100">
            <div
              className={cn("h-full rounded-full", full ? "bg-amber-500" : "bg-brand-600")}
              style={{ width: `${share}%` }}
            />
          </div>
        ) : null}
      </div>
      {canSeePlan ? (
        <Link href="/plan" className="text-sm font-medium text-brand-700 hover:underline">
          {full ? "Need more seats? Upgrade your plan" : "Plan & usage"}
        </Link>
      ) : null}
    </div>
  );
}
