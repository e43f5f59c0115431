import type { TableParamsConfig } from "@/components/data-table/params";
import { planSortable } from "./queries";

/** URL state of the console's plans table, shared by the page and the client table. */
export const plansTableConfig = {
  sortable: planSortable,
  defaultSort: { id: "sortOrder", desc: false },
  filters: ["status"],
} as const satisfies TableParamsConfig;

export const planStatusOptions = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
  { value: "public", label: "Public" },
  { value: "private", label: "Private" },
] as const;
