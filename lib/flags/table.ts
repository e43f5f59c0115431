import type { TableParamsConfig } from "@/components/data-table/params";
import { type FlagState, flagSortable, flagStates } from "./queries";

/** URL state of the console's flags table, shared by the page and the client table. */
export const flagsTableConfig = {
  sortable: flagSortable,
  defaultSort: { id: "key", desc: false },
  filters: ["state"],
} as const satisfies TableParamsConfig;

export function flagStateFromParam(value: string | undefined): FlagState | undefined {
  return flagStates.find((s) => s === value);
}

/** The table's sort as listFlags takes it (parseTableParams already limited it to the sortable ids). */
export function flagSortFromParams(sort: { id: string; desc: boolean }): {
  id: (typeof flagSortable)[number];
  desc: boolean;
} {
  const id = flagSortable.find((s) => s === sort.id);
  return id ? { id, desc: sort.desc } : flagsTableConfig.defaultSort;
}
