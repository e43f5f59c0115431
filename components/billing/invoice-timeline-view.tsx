import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils";
import type { TimelineEvent, TimelineTone } from "./invoice-timeline";

const dot: Record<TimelineTone, string> = {
  neutral: "bg-zinc-400",
  info: "bg-sky-500",
  success: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-500",
};

/** The invoice's history as a vertical list, oldest first, times in `timeZone`. */
export function InvoiceTimeline({
  events,
  timeZone = "UTC",
}: {
  events: readonly TimelineEvent[];
  timeZone?: string;
}) {
  if (events.length === 0) return <p className="text-sm text-zinc-500">Nothing has happened yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-zinc-200 pl-5">
      {events.map((e) => (
        <li key={e.key} className="relative">
          <span
            aria-hidden
            className={cn(
              "absolute top-1.5 -left-[25px] size-2.5 rounded-full ring-4 ring-white",
              dot[e.tone],
            )}
          />
          <p className="text-sm font-medium text-zinc-900">{e.title}</p>
          <p className="text-[13px] text-zinc-500">
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, timeZone)}</time>
            {e.actor ? ` · ${e.actor}` : null}
          </p>
          {e.detail ? <p className="mt-0.5 text-[13px] text-zinc-700">{e.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}
