"use client";

import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import { limitKeys, limitLabels, planLimit } from "@/lib/plans/limit-keys";
import type { PlanListRow } from "@/lib/plans/queries";
import { PlanRowActions } from "./row-actions";

const col = createDataTableColumnHelper<PlanListRow>();

const baseColumns = [
  col.accessor("name", {
    header: "Plan",
    cell: (c) => (
      <div>
        <div className="font-medium text-zinc-900">{c.getValue()}</div>
        <div className="font-mono text-xs text-zinc-500">{c.row.original.code}</div>
      </div>
    ),
  }),
  col.accessor("monthlyPriceMinor", {
    header: "Price",
    cell: (c) => {
      const p = c.row.original;
      return (
        <div className="tabular-nums">
          <div>{formatMoney(p.monthlyPriceMinor, p.currency)} / month</div>
          <div className="text-xs text-zinc-500">{formatMoney(p.yearlyPriceMinor, p.currency)} / year</div>
        </div>
      );
    },
  }),
  col.accessor("includedSms", {
    header: "SMS",
    enableSorting: false,
    cell: (c) => {
      const p = c.row.original;
      return (
        <div className="tabular-nums">
          <div>{p.includedSms.toLocaleString("en")} included</div>
          <div className="text-xs text-zinc-500">
            then {formatMoney(p.smsOveragePriceMinor, p.currency)} each
          </div>
        </div>
      );
    },
  }),
  col.accessor("limits", {
    header: "Limits",
    enableSorting: false,
    cell: (c) => (
      <dl className="grid grid-cols-[auto_auto] gap-x-2 text-xs">
        {limitKeys.map((key) => {
          const max = planLimit(c.getValue(), key);
          return (
            <div key={key} className="contents">
              <dt className="text-zinc-500">{limitLabels[key]}</dt>
              <dd className="text-right tabular-nums">{max === null ? "∞" : max.toLocaleString("en")}</dd>
            </div>
          );
        })}
      </dl>
    ),
  }),
  col.accessor("features", {
    header: "Features",
    enableSorting: false,
    cell: (c) =>
      c.getValue().length === 0 ? (
        <span className="text-zinc-400">—</span>
      ) : (
        <div className="flex max-w-56 flex-wrap gap-1">
          {c.getValue().map((f) => (
            <Badge key={f} variant="info" className="font-mono">
              {f}
            </Badge>
          ))}
        </div>
      ),
  }),
  col.accessor("trialDays", {
    header: "Trial",
    enableSorting: false,
    cell: (c) => {
      const p = c.row.original;
      if (p.trialDays === 0) return <span className="text-zinc-400">None</span>;
      return (
        <div>
          <div>{p.trialDays} days</div>
          <div className="text-xs text-zinc-500">
            then {p.trialEndAction === "activate" ? "activate" : "suspend"}
            {p.trialSmsCredits > 0 ? `, ${p.trialSmsCredits} SMS` : ""}
          </div>
        </div>
      );
    },
  }),
  col.accessor("tenants", { header: "Hotels", meta: { align: "right", className: "tabular-nums" } }),
  col.accessor("isActive", {
    header: "Status",
    enableSorting: false,
    cell: (c) => {
      const p = c.row.original;
      return (
        <div className="flex flex-wrap gap-1">
          {p.isDefault ? <Badge variant="default">Default</Badge> : null}
          {p.isActive ? <Badge variant="success">Active</Badge> : <Badge variant="neutral">Archived</Badge>}
          <Badge variant="outline">{p.isPublic ? "Public" : "Private"}</Badge>
        </div>
      );
    },
  }),
  col.accessor("sortOrder", { header: "Order", meta: { align: "right", className: "tabular-nums" } }),
];

/** For readers (plans.read). */
export const planReadColumns = col.columns(baseColumns);

/** For writers (plans.write): with edit, archive, default and delete. */
export const planWriteColumns = col.columns([
  ...baseColumns,
  col.display({
    id: "actions",
    header: "",
    cell: (c) => <PlanRowActions plan={c.row.original} />,
    meta: { align: "right" },
  }),
]);
