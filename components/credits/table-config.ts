// URL state and labels of the credit tables, shared by pages (server) and client tables. Pure data.
import type { TableParamsConfig } from "@/components/data-table/params";
import type { LedgerEntry } from "@/lib/credits/ledger";

export const creditBalancesTableConfig = {
  sortable: ["name", "balance"],
  defaultSort: { id: "name", desc: false },
  filters: ["only"],
} as const satisfies TableParamsConfig;

export const creditBalanceOnlyOptions = [
  { value: "low", label: "Low balance" },
  { value: "mismatch", label: "Ledger mismatch" },
] as const;

export function parseBalanceOnly(value: string | undefined): "low" | "mismatch" | undefined {
  return creditBalanceOnlyOptions.find((o) => o.value === value)?.value;
}

/** The ledger is append-only and read newest first; it has no other order. */
export const ledgerTableConfig = {
  sortable: [],
  defaultSort: { id: "createdAt", desc: true },
} as const satisfies TableParamsConfig;

export const creditReasonLabels: Record<LedgerEntry["reason"], string> = {
  trial_grant: "Trial credits",
  plan_allowance: "Plan allowance",
  purchase: "Purchase",
  send: "Message sent",
  refund: "Refund (failed send)",
  manual_adjustment: "Manual adjustment",
};
