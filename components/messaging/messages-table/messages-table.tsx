"use client";

import * as React from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { DataTableFilter } from "@/components/data-table/data-table-toolbar";
import { DateRangeFilter } from "@/components/data-table/date-range-filter";
import type { MessageListRow } from "@/lib/messaging/log/queries";
import {
  messageChannelOptions,
  messageStatusOptions,
  platformMessagesTableConfig,
  tenantMessagesTableConfig,
} from "@/lib/messaging/log/table";
import { type MessageColumnsOptions, messageColumns } from "./columns";

/**
 * The message log, for the console (every tenant, a tenant filter) and for a hotel's portal (its
 * own messages, times in the hotel's zone). Filters, search, sort and page live in the URL.
 */
export function MessagesTable({
  rows,
  total,
  events,
  tenants = [],
  ...options
}: MessageColumnsOptions & {
  rows: MessageListRow[];
  total: number;
  /** The events seen in this log, for the event filter. */
  events: readonly string[];
  /** Console only: the tenant filter's choices. */
  tenants?: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { scope, detailHref, timeZone, locale, retryAction } = options;
  const columns = React.useMemo(
    () => messageColumns({ scope, detailHref, timeZone, locale, retryAction }),
    [scope, detailHref, timeZone, locale, retryAction],
  );
  const filters = React.useMemo(() => {
    const list: DataTableFilter[] = [
      { key: "status", label: "Status", options: messageStatusOptions },
      { key: "channel", label: "Channel", options: messageChannelOptions },
      { key: "event", label: "Event", options: events.map((e) => ({ value: e, label: e })) },
    ];
    if (scope === "platform") {
      list.push({
        key: "tenantId",
        label: "Tenant",
        options: tenants.map((t) => ({ value: t.id, label: t.name })),
        allLabel: "All tenants",
      });
    }
    return list;
  }, [events, scope, tenants]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      config={scope === "platform" ? platformMessagesTableConfig : tenantMessagesTableConfig}
      label="Messages"
      searchPlaceholder="Search by recipient…"
      filters={filters}
      actions={<DateRangeFilter label="Sent" />}
      emptyState={{
        title: "No messages yet",
        description: "Messages appear here as guests and hotels are notified.",
      }}
    />
  );
}
