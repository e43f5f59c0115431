"use client";

import Link from "next/link";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import type { TenantListRow } from "@/lib/tenants/queries";
import { OpenPortalButton } from "./open-portal-button";

const col = createDataTableColumnHelper<TenantListRow>();

export const tenantColumns = col.columns([
  col.accessor("name", {
    header: "Hotel",
    cell: (c) => (
      <div>
        <Link
          href={`/platform/tenants/${c.row.original.id}`}
          className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
        >
          {c.getValue()}
        </Link>
        <div className="text-xs text-zinc-500">{c.row.original.slug}</div>
      </div>
    ),
  }),
  col.accessor("status", { header: "Status", cell: (c) => <TenantStatusBadge status={c.getValue()} /> }),
  col.accessor("planName", { header: "Plan", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
  col.accessor("country", { header: "Country", enableSorting: false }),
  col.accessor("members", { header: "Members", enableSorting: false, meta: { align: "right" } }),
  col.accessor("createdAt", {
    header: "Created",
    cell: (c) => c.getValue().toISOString().slice(0, 10),
    meta: { align: "right" },
  }),
  col.display({
    id: "actions",
    header: "",
    cell: (c) =>
      c.row.original.status === "deleted" ? null : (
        <OpenPortalButton tenantId={c.row.original.id} name={c.row.original.name} />
      ),
    meta: { align: "right" },
  }),
]);
