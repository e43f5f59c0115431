"use client";

import Link from "next/link";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { MessageListRow } from "@/lib/messaging/log/queries";
import { messageChannelLabels, retryableStatuses } from "@/lib/messaging/log/table";
import { LocalTime } from "./local-time";
import { RetryButton, type RetryMessageAction } from "./retry-button";
import { MessageStatusBadge } from "./status-badge";

export type MessageColumnsOptions = {
  /** "platform" adds the tenant column. */
  scope: "platform" | "tenant";
  /** Where a row's detail page lives: `${detailHref}/${id}`. */
  detailHref: string;
  /** The hotel's zone in the portal; the console shows the viewer's own. */
  timeZone?: string;
  locale?: string;
  /** Present only when the viewer may retry: failed and undelivered rows get a button. */
  retryAction?: RetryMessageAction;
};

const col = createDataTableColumnHelper<MessageListRow>();

export function messageColumns({ scope, detailHref, timeZone, locale, retryAction }: MessageColumnsOptions) {
  return col.columns([
    col.accessor("createdAt", {
      header: "Time",
      cell: (c) => (
        <Link
          href={`${detailHref}/${c.row.original.id}`}
          className="whitespace-nowrap tabular-nums text-zinc-900 hover:text-brand-700 hover:underline"
        >
          <LocalTime value={c.getValue()} timeZone={timeZone} locale={locale} />
        </Link>
      ),
    }),
    ...(scope === "platform"
      ? [
          col.accessor("tenantName", {
            header: "Tenant",
            cell: (c) =>
              c.row.original.tenantId ? (
                <Link
                  href={`/platform/tenants/${c.row.original.tenantId}?tab=messaging`}
                  className="hover:text-brand-700 hover:underline"
                >
                  {c.getValue()}
                </Link>
              ) : (
                <span className="text-zinc-400">Platform</span>
              ),
          }),
        ]
      : []),
    col.accessor("event", {
      header: "Event",
      cell: (c) => <span className="font-mono text-xs text-zinc-600">{c.getValue()}</span>,
    }),
    col.accessor("channel", {
      header: "Channel",
      cell: (c) => <Badge variant="outline">{messageChannelLabels[c.getValue()]}</Badge>,
    }),
    col.accessor("recipient", {
      header: "Recipient",
      cell: (c) => (
        <div className="max-w-56">
          <div className="truncate">{c.getValue()}</div>
          {c.row.original.subject ? (
            <div className="truncate text-xs text-zinc-500">{c.row.original.subject}</div>
          ) : null}
        </div>
      ),
    }),
    col.accessor("status", {
      header: "Status",
      cell: (c) => (
        <div className="flex flex-col gap-0.5">
          <MessageStatusBadge status={c.getValue()} />
          {c.row.original.error ? (
            <span className="max-w-48 truncate text-xs text-red-600" title={c.row.original.error}>
              {c.row.original.error}
            </span>
          ) : null}
        </div>
      ),
    }),
    col.accessor("providerKind", {
      header: "Provider",
      enableSorting: false,
      cell: (c) => c.getValue() ?? <span className="text-zinc-400">—</span>,
    }),
    col.accessor("credits", {
      header: "Segments / credits",
      enableSorting: false,
      cell: (c) =>
        c.row.original.channel === "sms" ? (
          <span className="tabular-nums">
            {c.row.original.segments} / {c.getValue()}
          </span>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
      meta: { align: "right" },
    }),
    col.accessor("attempts", {
      header: "Attempts",
      cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
      meta: { align: "right" },
    }),
    col.display({
      id: "actions",
      header: "",
      cell: (c) =>
        retryAction && retryableStatuses.has(c.row.original.status) ? (
          <RetryButton messageId={c.row.original.id} action={retryAction} />
        ) : null,
      meta: { align: "right" },
    }),
  ]);
}
