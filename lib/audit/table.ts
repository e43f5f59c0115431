import type { TableParams, TableParamsConfig } from "@/components/data-table/params";
import { type AuditFilter, type AuditSort, auditFilterSchema, auditSortable } from "./queries";

/** URL state of the console's audit log, shared by the page, the client table and the CSV export. */
export const auditTableConfig = {
  sortable: auditSortable,
  defaultSort: { id: "occurredAt", desc: true },
  filters: ["actorKind", "tenantId", "period"],
  defaultPerPage: 50,
} as const satisfies TableParamsConfig;

export const auditPeriods = [
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
  { value: "90d", label: "Last 90 days", ms: 90 * 86_400_000 },
] as const;

export const actorKindOptions = [
  { value: "user", label: "People" },
  { value: "api_key", label: "API keys" },
  { value: "system", label: "System jobs" },
] as const;

/** Table URL params → the audit query's filter; anything invalid is dropped rather than failing the page. */
export function auditFilterFromParams(
  params: Pick<TableParams, "q" | "filters">,
  now = new Date(),
): AuditFilter {
  const period = auditPeriods.find((p) => p.value === params.filters.period);
  const parsed = auditFilterSchema.safeParse({
    q: params.q || undefined,
    actorKind: params.filters.actorKind,
    tenantId: params.filters.tenantId,
    from: period ? new Date(now.getTime() - period.ms) : undefined,
  });
  return parsed.success ? parsed.data : { q: params.q || undefined };
}

export function auditSortFromParams(params: Pick<TableParams, "sort">): AuditSort {
  const id = auditSortable.find((s) => s === params.sort.id) ?? "occurredAt";
  return { id, desc: params.sort.desc };
}

/** The export URL for what the table currently shows. */
export function auditExportHref(filter: AuditFilter): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (v !== undefined) qs.set(k, v instanceof Date ? v.toISOString() : String(v));
  }
  const s = qs.toString();
  return `/platform/audit/export${s ? `?${s}` : ""}`;
}
