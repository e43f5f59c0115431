// URL state, labels and filter options of the message log and dev outbox tables, shared by the
// pages (server) and the client tables. Pure data: no database or server imports.
import type { TableParamsConfig } from "@/components/data-table/params";
import type { devSinkMessages, messages } from "@/db/schema";

export type MessageStatus = (typeof messages.$inferSelect)["status"];
export type MessageChannel = (typeof messages.$inferSelect)["channel"];
export type DevSinkChannel = (typeof devSinkMessages.$inferSelect)["channel"];

export const messageStatuses = [
  "queued",
  "sent",
  "delivered",
  "failed",
  "undelivered",
] as const satisfies readonly MessageStatus[];
export const messageChannels = ["sms", "email"] as const satisfies readonly MessageChannel[];

/** Columns the server sorts by; `tenantName` only means something on the console. */
export const messageSortable = [
  "createdAt",
  "status",
  "channel",
  "event",
  "recipient",
  "attempts",
  "tenantName",
] as const;
export type MessageSortId = (typeof messageSortable)[number];

/** The console's log: every tenant, filterable by tenant. */
export const platformMessagesTableConfig = {
  sortable: messageSortable,
  defaultSort: { id: "createdAt", desc: true },
  filters: ["status", "channel", "event", "tenantId", "from", "to"],
} as const satisfies TableParamsConfig;

/** A tenant's own log in the portal: no tenant column or filter. */
export const tenantMessagesTableConfig = {
  sortable: messageSortable.filter((id) => id !== "tenantName"),
  defaultSort: { id: "createdAt", desc: true },
  filters: ["status", "channel", "event", "from", "to"],
} as const satisfies TableParamsConfig;

export const devOutboxTableConfig = {
  sortable: ["createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: ["channel", "tenantId"],
} as const satisfies TableParamsConfig;

export const messageStatusLabels: Record<MessageStatus, string> = {
  queued: "Queued",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  undelivered: "Undelivered",
};

export const messageChannelLabels: Record<MessageChannel, string> = { sms: "SMS", email: "Email" };

/** Statuses a person may retry: the provider refused it, or it never arrived. */
export const retryableStatuses: ReadonlySet<MessageStatus> = new Set(["failed", "undelivered"]);

export const messageStatusOptions = messageStatuses.map((value) => ({
  value,
  label: messageStatusLabels[value],
}));
export const messageChannelOptions = messageChannels.map((value) => ({
  value,
  label: messageChannelLabels[value],
}));

export function parseMessageStatus(value: string | undefined): MessageStatus | undefined {
  return messageStatuses.find((s) => s === value);
}

export function parseMessageChannel(value: string | undefined): MessageChannel | undefined {
  return messageChannels.find((c) => c === value);
}
