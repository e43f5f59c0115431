"use client";

import { Pencil } from "lucide-react";
import Link from "next/link";
import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { GuestDialog, type GuestFormValues } from "@/components/hotel/guest-dialog";
import { Button } from "@/components/ui/button";
import { guestsTableConfig } from "@/lib/hotel/table";

/** A guest as the table shows them; labels are formatted on the server. */
export type GuestRow = GuestFormValues & {
  phoneLabel: string | null;
  languageLabel: string;
  createdAt: string;
  createdLabel: string;
};

const col = createDataTableColumnHelper<GuestRow>();

function guestColumns(canWrite: boolean, phoneHint: string, hotelLanguage: string) {
  return col.columns([
    col.accessor("name", {
      header: "Guest",
      cell: (c) => (
        <div>
          <Link
            href={`/guests/${c.row.original.id}`}
            className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
          >
            {c.getValue()}
          </Link>
          {c.row.original.notes ? (
            <div className="max-w-64 truncate text-xs text-zinc-500" title={c.row.original.notes}>
              {c.row.original.notes}
            </div>
          ) : null}
        </div>
      ),
    }),
    col.accessor("phoneLabel", {
      header: "Phone",
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{c.getValue() ?? "—"}</span>,
    }),
    col.accessor("email", { header: "Email", cell: (c) => c.getValue() || "—" }),
    col.accessor("languageLabel", { header: "Language" }),
    col.accessor("createdAt", {
      header: "Added",
      cell: (c) => <span className="whitespace-nowrap">{c.row.original.createdLabel}</span>,
      meta: { align: "right" },
    }),
    ...(canWrite
      ? [
          col.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: (c) => (
              <GuestDialog
                guest={c.row.original}
                phoneHint={phoneHint}
                hotelLanguage={hotelLanguage}
                trigger={
                  <Button variant="ghost" size="icon" aria-label={`Edit ${c.row.original.name}`}>
                    <Pencil aria-hidden />
                  </Button>
                }
              />
            ),
            meta: { align: "right" },
          }),
        ]
      : []),
  ]);
}

export function GuestsTable({
  rows,
  total,
  canWrite,
  phoneHint,
  hotelLanguage,
}: {
  rows: GuestRow[];
  total: number;
  canWrite: boolean;
  phoneHint: string;
  hotelLanguage: string;
}) {
  const columns = React.useMemo(
    () => guestColumns(canWrite, phoneHint, hotelLanguage),
    [canWrite, phoneHint, hotelLanguage],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={guestsTableConfig}
      label="Guests"
      searchPlaceholder="Search by name, email or phone…"
      emptyState={{
        title: "No guests yet",
        description: "Guests are added here or when you make a booking.",
      }}
    />
  );
}
