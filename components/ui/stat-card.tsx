import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils";

export type StatDelta = {
  /** Already formatted, e.g. "+12%" or "−3". */
  value: string;
  direction: "up" | "down" | "flat";
  /** Whether this direction is good news (green) or bad (red). Defaults: up is good. */
  positive?: boolean;
  /** e.g. "vs last month". */
  label?: string;
};

export type StatCardProps = {
  label: React.ReactNode;
  value: React.ReactNode;
  hint?: React.ReactNode;
  delta?: StatDelta;
  icon?: React.ReactNode;
  className?: string;
};

export function StatCard({ label, value, hint, delta, icon, className }: StatCardProps) {
  return (
    <div
      data-slot="card"
      className={cn(
        "flex flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs",
        className,
      )}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-[13px] font-medium text-zinc-500">{label}</p>
        {icon ? <span className="text-zinc-400 [&_svg]:size-4">{icon}</span> : null}
      </div>
      <p
        data-numeric
        className="text-2xl leading-8 font-semibold tracking-tight text-zinc-900 first-letter:uppercase"
      >
        {value}
      </p>
      {delta || hint ? (
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]">
          {delta ? <DeltaPill delta={delta} /> : null}
          {delta?.label ? <span className="text-zinc-500">{delta.label}</span> : null}
          {hint ? <span className="text-zinc-500">{hint}</span> : null}
        </div>
      ) : null}
    </div>
  );
}

function DeltaPill({ delta }: { delta: StatDelta }) {
  const good = delta.positive ?? delta.direction === "up";
  const Icon = delta.direction === "up" ? ArrowUpRight : delta.direction === "down" ? ArrowDownRight : Minus;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-0.5 rounded-md px-1.5 py-0.5 text-xs font-medium",
        delta.direction === "flat"
          ? "bg-zinc-100 text-zinc-600"
          : good
            ? "bg-emerald-50 text-emerald-700"
            : "bg-red-50 text-red-700",
      )}
    >
      <Icon className="size-3.5" aria-hidden />
      {delta.value}
    </span>
  );
}
