import type { TableParamsConfig } from "@/components/data-table/params";
import { tenantSortable } from "./queries";

/** URL state of the console's tenants table, shared by the page and the client table. */
export const tenantsTableConfig = {
  sortable: tenantSortable,
  defaultSort: { id: "createdAt", desc: true },
  filters: ["status"],
} as const satisfies TableParamsConfig;

export const tenantStatusOptions = [
  { value: "trial", label: "Trial" },
  { value: "active", label: "Active" },
  { value: "past_due", label: "Past due" },
  { value: "suspended", label: "Suspended" },
  { value: "deleted", label: "Deleted" },
] as const;
