import { cn } from "@/lib/utils";

/** Share of the allowance used, 0–100, for the bar's width (display only). */
function percent(used: number, included: number): number {
  if (included <= 0) return used > 0 ? 100 : 0;
  return Math.min(100, Math.round((used / included) * 100));
}

/**
 * SMS segments sent this period against the plan's allowance. Past the allowance the bar is full and
 * the overage is spelled out: it is billed on the next invoice (unlike a plan limit, nothing stops).
 */
export function SmsUsageMeter({ used, included, over }: { used: number; included: number; over: number }) {
  const pct = percent(used, included);
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-800">SMS this period</span>
        <span className="tabular-nums text-zinc-600">
          {used.toLocaleString("en")} of {included.toLocaleString("en")} included
        </span>
      </div>
      {/* The numbers above say it for screen readers; the bar is for the eye. */}
      <div aria-hidden className="mt-1.5 h-2 overflow-hidden rounded-full bg-zinc-100">
        <div
          className={cn(
            "h-full rounded-full",
            over > 0 ? "bg-amber-500" : pct >= 80 ? "bg-amber-400" : "bg-brand-500",
          )}
          style={{ width: `${pct}%` }}
        />
      </div>
      {over > 0 ? (
        <p className="mt-1 text-[13px] text-amber-800">
          {over.toLocaleString("en")} beyond the allowance, billed on your next invoice.
        </p>
      ) : null}
    </div>
  );
}
