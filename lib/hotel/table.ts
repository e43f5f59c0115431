// URL state and labels of the portal's hotel tables, shared by pages and client tables. Pure data.
import type { TableParamsConfig } from "@/components/data-table/params";
import type { BookingStatus, RoomStatus, ServiceRequestKind, ServiceRequestStatus } from "./schemas";

export const roomsTableConfig = {
  sortable: ["number", "type", "floor", "nightlyRateMinor", "capacity", "status"],
  defaultSort: { id: "number", desc: false },
  filters: ["status"],
} as const satisfies TableParamsConfig;

export const guestsTableConfig = {
  sortable: ["name", "createdAt", "updatedAt"],
  defaultSort: { id: "name", desc: false },
} as const satisfies TableParamsConfig;

export const bookingsTableConfig = {
  sortable: ["checkIn", "checkOut", "reference", "status", "createdAt", "guestName", "roomNumber"],
  defaultSort: { id: "checkIn", desc: true },
  filters: ["status", "from", "to"],
} as const satisfies TableParamsConfig;

export const roomStatusLabels: Record<RoomStatus, string> = {
  available: "Available",
  occupied: "Occupied",
  cleaning: "Cleaning",
  out_of_service: "Out of service",
};

export const bookingStatusLabels: Record<BookingStatus, string> = {
  pending: "Pending",
  confirmed: "Confirmed",
  checked_in: "Checked in",
  checked_out: "Checked out",
  cancelled: "Cancelled",
};

export const serviceRequestKindLabels: Record<ServiceRequestKind, string> = {
  housekeeping: "Housekeeping",
  maintenance: "Maintenance",
  room_service: "Room service",
  other: "Other",
};

export const serviceRequestStatusLabels: Record<ServiceRequestStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
};

/** `{ value, label }` options for a select or a table filter. */
export function optionsOf<V extends string>(labels: Record<V, string>): Array<{ value: V; label: string }> {
  return (Object.entries(labels) as Array<[V, string]>).map(([value, label]) => ({ value, label }));
}
