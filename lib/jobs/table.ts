import type { TableParamsConfig } from "@/components/data-table/params";

/** URL state of the console's job runs table. Runs are listed newest first only. */
export const jobRunsTableConfig = {
  sortable: ["startedAt"],
  defaultSort: { id: "startedAt", desc: true },
  filters: ["status", "functionId"],
  defaultPerPage: 50,
} as const satisfies TableParamsConfig;

export const jobStatusOptions = [
  { value: "running", label: "Running" },
  { value: "completed", label: "Completed" },
  { value: "failed", label: "Failed" },
] as const;
