// URL state of the service requests table, shared by the page and the client table. Requests are
// always newest first (the service sorts), so no column offers a sort toggle.
import type { TableParamsConfig } from "@/components/data-table/params";
import type { ServiceRequestStatus } from "@/lib/hotel/schemas";
import { serviceRequestStatusLabels } from "@/lib/hotel/table";

export const requestsTableConfig = {
  sortable: [],
  defaultSort: { id: "createdAt", desc: true },
  filters: ["status"],
} as const satisfies TableParamsConfig;

/** "active" = open or in progress: what still needs someone. */
export const requestStatusFilters: Record<string, readonly ServiceRequestStatus[]> = {
  active: ["open", "in_progress"],
  open: ["open"],
  in_progress: ["in_progress"],
  done: ["done"],
};

export const requestStatusFilterOptions = [
  { value: "active", label: "Open or in progress" },
  { value: "open", label: serviceRequestStatusLabels.open },
  { value: "in_progress", label: serviceRequestStatusLabels.in_progress },
  { value: "done", label: serviceRequestStatusLabels.done },
];
