import type { TableParamsConfig } from "@/components/data-table/params";

/** URL state of the console's add-on table, shared by the page and the client table. */
export const addonsTableConfig = {
  sortable: [],
  defaultSort: { id: "sortOrder", desc: false },
  filters: ["status", "kind"],
} as const satisfies TableParamsConfig;

export const addonStatusOptions = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
] as const;

export const addonKindOptions = [
  { value: "sms_bundle", label: "SMS bundle" },
  { value: "feature", label: "Feature" },
] as const;

/** A tenant's purchase history: newest first, no other order. */
export const purchasesTableConfig = {
  sortable: [],
  defaultSort: { id: "createdAt", desc: true },
} as const satisfies TableParamsConfig;
