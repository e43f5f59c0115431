"use client";

import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { AddonWithPrices } from "@/lib/marketplace/queries";
import { formatMoney } from "@/lib/money";
import { AddonRowActions } from "./row-actions";

const col = createDataTableColumnHelper<AddonWithPrices>();

const baseColumns = [
  col.accessor("name", {
    header: "Add-on",
    cell: (c) => (
      <div>
        <div className="font-medium text-zinc-900">{c.getValue()}</div>
        <div className="font-mono text-xs text-zinc-500">{c.row.original.code}</div>
      </div>
    ),
  }),
  col.accessor("kind", {
    header: "Kind",
    cell: (c) => (c.getValue() === "sms_bundle" ? "SMS bundle" : "Feature"),
  }),
  col.display({
    id: "delivers",
    header: "Delivers",
    cell: (c) => {
      const a = c.row.original;
      return a.kind === "sms_bundle" ? (
        <span className="tabular-nums">{(a.smsCredits ?? 0).toLocaleString("en")} credits</span>
      ) : (
        <Badge variant="info" className="font-mono">
          {a.featureFlagKey}
        </Badge>
      );
    },
  }),
  col.accessor("billing", {
    header: "Billing",
    cell: (c) => (c.getValue() === "recurring" ? "Recurring" : "One-off"),
  }),
  col.accessor("prices", {
    header: "Prices",
    cell: (c) => (
      <ul className="space-y-0.5 text-sm tabular-nums">
        {c.getValue().map((p) => (
          <li key={p.currency}>{formatMoney(p.amountMinor, p.currency)}</li>
        ))}
      </ul>
    ),
  }),
  col.accessor("isActive", {
    header: "Status",
    cell: (c) =>
      c.getValue() ? <Badge variant="success">Active</Badge> : <Badge variant="neutral">Inactive</Badge>,
  }),
  col.accessor("sortOrder", { header: "Order", meta: { align: "right", className: "tabular-nums" } }),
];

/** For readers (billing.read). */
export const addonReadColumns = col.columns(baseColumns);

/** For writers (marketplace.write): with edit and activate/deactivate. */
export function addonWriteColumns(flagKeys: readonly string[]) {
  return col.columns([
    ...baseColumns,
    col.display({
      id: "actions",
      header: "",
      cell: (c) => <AddonRowActions addon={c.row.original} flagKeys={flagKeys} />,
      meta: { align: "right" },
    }),
  ]);
}
