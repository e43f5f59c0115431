"use client";

import { ChartNoAxesColumn } from "lucide-react";
import * as React from "react";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { cn } from "@/lib/utils";
import { formatValue, formatX, type ValueFormat, type XFormat } from "./format";

export type ChartSeries = {
  /** Property of each data row holding this series' number. */
  key: string;
  label: string;
  /** Any CSS color; defaults to the accent, then a fixed palette. */
  color?: string;
};

export type TimeSeriesChartProps<TRow extends object> = {
  data: readonly TRow[];
  /** Property of each row for the x axis: "YYYY-MM-DD", "YYYY-MM", an ISO timestamp, a Date, or any label. */
  xKey: keyof TRow & string;
  series: readonly ChartSeries[];
  kind?: "line" | "bar" | "area";
  /** Stack bars/areas instead of drawing them side by side / overlapping. */
  stacked?: boolean;
  /** A named format (usable from server components). */
  valueFormat?: ValueFormat;
  /** A custom formatter (client callers only; functions cannot be passed from the server). Wins over valueFormat. */
  valueFormatter?: (value: number) => string;
  xFormat?: XFormat;
  height?: number;
  /** Legend above the chart; shown by default when there is more than one series. */
  showLegend?: boolean;
  emptyMessage?: string;
  className?: string;
};

const PALETTE = ["var(--brand-500)", "#0ea5e9", "#f59e0b", "#8b5cf6", "#f43f5e", "#14b8a6", "#64748b"];
const AXIS_TICK = { fill: "#71717a", fontSize: 12 };
const GRID = "#f4f4f5";

/**
 * A responsive line / bar / area chart over time with tooltips, a legend and formatted axes.
 *
 * @example
 * <TimeSeriesChart data={volume} xKey="day" kind="bar" series={[{ key: "events", label: "Events" }]} />
 * <TimeSeriesChart data={revenue} xKey="month" kind="area" valueFormat={{ currency: "USD", minorUnits: true }}
 *   series={[{ key: "mrr", label: "MRR" }, { key: "overdue", label: "Overdue", color: "#f43f5e" }]} />
 */
export function TimeSeriesChart<TRow extends object>({
  data,
  xKey,
  series,
  kind = "line",
  stacked = false,
  valueFormat = "number",
  valueFormatter,
  xFormat = "auto",
  height = 280,
  showLegend,
  emptyMessage = "No data for this period yet.",
  className,
}: TimeSeriesChartProps<TRow>) {
  const gradientBase = React.useId().replace(/[^a-zA-Z0-9]/g, "");
  const rows = React.useMemo(() => data.map((row) => ({ ...row }) as Record<string, unknown>), [data]);
  const colored = React.useMemo(
    () => series.map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length] ?? "#64748b" })),
    [series],
  );

  const formatFull = (v: unknown) =>
    valueFormatter && typeof v === "number" ? valueFormatter(v) : formatValue(v, valueFormat);
  const formatTick = (v: unknown) =>
    valueFormatter && typeof v === "number" ? valueFormatter(v) : formatValue(v, valueFormat, true);

  if (rows.length === 0 || colored.length === 0) {
    return (
      <div
        className={cn(
          "flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-zinc-200 bg-zinc-50/50 text-sm text-zinc-500",
          className,
        )}
        style={{ height }}
        role="img"
        aria-label={emptyMessage}
      >
        <ChartNoAxesColumn className="size-5 text-zinc-400" aria-hidden />
        {emptyMessage}
      </div>
    );
  }

  const legend = showLegend ?? colored.length > 1;
  const common = { data: rows, margin: { top: 8, right: 8, bottom: 0, left: 0 } };
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis
        dataKey={String(xKey)}
        tickLine={false}
        axisLine={false}
        tickMargin={8}
        minTickGap={24}
        tick={AXIS_TICK}
        tickFormatter={(v) => formatX(v, xFormat)}
      />
      <YAxis
        tickLine={false}
        axisLine={false}
        tickMargin={4}
        width={56}
        tick={AXIS_TICK}
        allowDecimals={valueFormat === "percent"}
        tickFormatter={(v) => formatTick(v)}
      />
      <Tooltip
        cursor={kind === "bar" ? { fill: "#f4f4f5" } : { stroke: "#d4d4d8", strokeDasharray: "3 3" }}
        content={(props: TooltipContentProps) => (
          <ChartTooltip
            {...props}
            series={colored}
            formatValue={formatFull}
            formatLabel={(l) => formatX(l, xFormat, true)}
          />
        )}
      />
    </>
  );

  let chart: React.ReactElement;
  if (kind === "bar") {
    chart = (
      <BarChart {...common} barCategoryGap="20%">
        {axes}
        {colored.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={stacked ? "stack" : undefined}
            radius={stacked && i < colored.length - 1 ? 0 : [3, 3, 0, 0]}
            maxBarSize={40}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    );
  } else if (kind === "area") {
    chart = (
      <AreaChart {...common}>
        <defs>
          {colored.map((s, i) => (
            <linearGradient key={s.key} id={`${gradientBase}-${i}`} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={s.color} stopOpacity={0.25} />
              <stop offset="100%" stopColor={s.color} stopOpacity={0.02} />
            </linearGradient>
          ))}
        </defs>
        {axes}
        {colored.map((s, i) => (
          <Area
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            fill={`url(#${gradientBase}-${i})`}
            stackId={stacked ? "stack" : undefined}
            dot={false}
            activeDot={{ r: 4, strokeWidth: 0 }}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    );
  } else {
    chart = (
      <LineChart {...common}>
        {axes}
        {colored.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot={rows.length <= 2}
            activeDot={{ r: 4, strokeWidth: 0 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  }

  return (
    <div className={cn("flex w-full flex-col gap-3", className)} data-slot="chart">
      {legend ? (
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600">
          {colored.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden className="size-2.5 rounded-sm" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div style={{ height }} className="w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          {chart}
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function ChartTooltip({
  active,
  payload,
  label,
  series,
  formatValue: format,
  formatLabel,
}: TooltipContentProps & {
  series: readonly (ChartSeries & { color: string })[];
  formatValue: (v: unknown) => string;
  formatLabel: (label: unknown) => string;
}) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="min-w-40 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-xs shadow-popover">
      <p className="mb-1.5 font-medium text-zinc-900">{formatLabel(label)}</p>
      <ul className="space-y-1">
        {series.map((s) => {
          const entry = payload.find((p) => p.dataKey === s.key);
          if (!entry) return null;
          return (
            <li key={s.key} className="flex items-center justify-between gap-4">
              <span className="flex items-center gap-1.5 text-zinc-600">
                <span aria-hidden className="size-2 rounded-full" style={{ background: s.color }} />
                {s.label}
              </span>
              <span data-numeric className="font-medium text-zinc-900">
                {format(entry.value)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
