"use client";

import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { DevSinkRow } from "@/lib/messaging/log/queries";
import { devOutboxTableConfig, messageChannelLabels, messageChannelOptions } from "@/lib/messaging/log/table";
import { MessageBodyPreview } from "./email-preview";
import { LocalTime } from "./local-time";

const col = createDataTableColumnHelper<DevSinkRow>();

function outboxColumns({
  scope,
  timeZone,
  locale,
}: {
  scope: "platform" | "tenant";
  timeZone?: string;
  locale?: string;
}) {
  return col.columns([
    col.accessor("createdAt", {
      header: "Time",
      cell: (c) => (
        <LocalTime
          value={c.getValue()}
          timeZone={timeZone}
          locale={locale}
          className="whitespace-nowrap tabular-nums"
        />
      ),
      meta: { className: "align-top" },
    }),
    ...(scope === "platform"
      ? [
          col.accessor("tenantName", {
            header: "Tenant",
            enableSorting: false,
            cell: (c) => c.getValue() ?? <span className="text-zinc-400">Platform</span>,
            meta: { className: "align-top" },
          }),
        ]
      : []),
    col.accessor("channel", {
      header: "Channel",
      enableSorting: false,
      cell: (c) => <Badge variant="outline">{messageChannelLabels[c.getValue()]}</Badge>,
      meta: { className: "align-top" },
    }),
    col.accessor("to", {
      header: "To",
      enableSorting: false,
      cell: (c) => <span data-outbox-to>{c.getValue()}</span>,
      meta: { className: "align-top" },
    }),
    col.accessor("from", {
      header: "From",
      enableSorting: false,
      cell: (c) => c.getValue() ?? <span className="text-zinc-400">—</span>,
      meta: { className: "align-top" },
    }),
    col.accessor("body", {
      header: "Message",
      enableSorting: false,
      // The whole rendered message opens in place, so a developer can read what a guest would get.
      cell: (c) => {
        const m = c.row.original;
        return (
          <details className="group w-[28rem] max-w-full" data-outbox-message>
            <summary className="cursor-pointer list-none">
              {m.subject ? (
                <span className="block truncate font-medium text-zinc-900">{m.subject}</span>
              ) : null}
              <span className="block truncate text-zinc-600 group-open:hidden">{m.body}</span>
              <span className="text-xs text-brand-700 group-open:hidden">Show message</span>
              <span className="hidden text-xs text-brand-700 group-open:inline">Hide</span>
            </summary>
            <div className="mt-2 space-y-2">
              <MessageBodyPreview body={m.body} html={m.html} title={`Message to ${m.to}`} height={280} />
              {m.html ? (
                <details>
                  <summary className="cursor-pointer text-xs text-zinc-500">Text version</summary>
                  <MessageBodyPreview body={m.body} html={null} title={`Text to ${m.to}`} />
                </details>
              ) : null}
            </div>
          </details>
        );
      },
      meta: { className: "align-top whitespace-normal" },
    }),
  ]);
}

/** What the dev-sink providers "sent" (embedded mode): every message, readable in full. */
export function DevOutboxTable({
  rows,
  total,
  scope,
  timeZone,
  locale,
  tenants = [],
}: {
  rows: DevSinkRow[];
  total: number;
  scope: "platform" | "tenant";
  timeZone?: string;
  locale?: string;
  tenants?: ReadonlyArray<{ id: string; name: string }>;
}) {
  const columns = React.useMemo(() => outboxColumns({ scope, timeZone, locale }), [scope, timeZone, locale]);
  const filters = React.useMemo(
    () => [
      { key: "channel", label: "Channel", options: messageChannelOptions },
      ...(scope === "platform"
        ? [
            {
              key: "tenantId",
              label: "Tenant",
              options: tenants.map((t) => ({ value: t.id, label: t.name })),
              allLabel: "All tenants",
            },
          ]
        : []),
    ],
    [scope, tenants],
  );
  return (
    <div data-testid="dev-outbox">
      <DataTable
        columns={columns}
        rows={rows}
        total={total}
        config={devOutboxTableConfig}
        label="Dev outbox"
        searchPlaceholder="Search by recipient…"
        filters={filters}
        emptyState={{
          title: "The outbox is empty",
          description: "Messages sent through a dev-sink provider land here instead of reaching anyone.",
        }}
      />
    </div>
  );
}
