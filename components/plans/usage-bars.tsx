import type { LimitUsage } from "@/lib/plans/usage";
import { cn } from "@/lib/utils";

/** Share of the limit in use, 0–100, for the bar's width (display only, not money). */
function percent(used: number, limit: number): number {
  if (limit <= 0) return used > 0 ? 100 : 0;
  return Math.min(100, Math.round((used / limit) * 100));
}

/** One bar per plan limit: what the hotel uses of what its plan allows. Unlimited ones get no bar. */
export function UsageBars({ usage }: { usage: readonly LimitUsage[] }) {
  return (
    <ul className="space-y-4">
      {usage.map((u) => {
        const limit = u.limit;
        const pct = limit === null ? 0 : percent(u.used, limit);
        const full = limit !== null && u.used >= limit;
        const near = !full && pct >= 80;
        return (
          <li key={u.key}>
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <span className="font-medium text-zinc-800">{u.label}</span>
              <span className="tabular-nums text-zinc-600">
                {!u.counted ? (
                  <span className="text-zinc-400">
                    {limit === null ? "Unlimited" : `Up to ${limit.toLocaleString("en")}`} · not measured yet
                  </span>
                ) : limit === null ? (
                  <>
                    {u.used.toLocaleString("en")} <span className="text-zinc-400">· unlimited</span>
                  </>
                ) : (
                  `${u.used.toLocaleString("en")} of ${limit.toLocaleString("en")}`
                )}
              </span>
            </div>
            {limit !== null && u.counted ? (
              // The numbers above say it for screen readers; the bar is for the eye.
              <div aria-hidden className="mt-1.5 h-2 overflow-hidden rounded-full bg-zinc-100">
                <div
                  className={cn(
                    "h-full rounded-full",
                    full ? "bg-red-500" : near ? "bg-amber-500" : "bg-brand-500",
                  )}
                  style={{ width: `${pct}%` }}
                />
              </div>
            ) : null}
            {full ? (
              <p className="mt-1 text-[13px] text-red-700">Limit reached: upgrade to add more.</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
