// URL state of the invoices tables (console and portal) and how it maps to the invoice filters.
// No "use client": the pages and the CSV export read the same URL the same way.
import { z } from "zod";
import type { TableParams, TableParamsConfig } from "@/components/data-table/params";
import { type InvoiceFilters, invoiceStatusSchema } from "@/lib/billing/invoices/schemas";
import { invoiceStatusLabels } from "../invoice-status-badge";

/** Newest first only: listInvoices has one order. */
export const invoicesTableConfig = {
  sortable: [],
  defaultSort: { id: "createdAt", desc: true },
  filters: ["status", "tenant", "period"],
  defaultPerPage: 25,
} as const satisfies TableParamsConfig;

/** The portal's table: the hotel's own invoices, by status. */
export const tenantInvoicesTableConfig = {
  sortable: [],
  defaultSort: { id: "createdAt", desc: true },
  filters: ["status"],
  defaultPerPage: 10,
} as const satisfies TableParamsConfig;

export const invoiceStatusOptions = invoiceStatusSchema.options.map((value) => ({
  value,
  label: invoiceStatusLabels[value],
}));

const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** The last `count` UTC months before and including `now`'s, newest first: the period filter's choices. */
export function periodOptions(now: Date, count = 24): Array<{ value: string; label: string }> {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return { value: d.toISOString().slice(0, 7), label: monthLabel.format(d) };
  });
}

/**
 * The invoice filters a table URL asks for. Values that are not valid (a hand-edited URL) are
 * dropped rather than refused, like the rest of the table state. `period` is a month ("2026-03"):
 * invoices whose period starts in it.
 */
export function invoiceFiltersFromParams(params: Pick<TableParams, "filters" | "q">): InvoiceFilters {
  const status = invoiceStatusSchema.safeParse(params.filters.status);
  const tenant = z.uuid().safeParse(params.filters.tenant);
  const month = monthParam.safeParse(params.filters.period);
  const filters: InvoiceFilters = {};
  if (status.success) filters.status = status.data;
  if (tenant.success) filters.tenantId = tenant.data;
  if (month.success) {
    const [year, mon] = month.data.split("-").map(Number);
    const last = new Date(Date.UTC(year ?? 1970, mon ?? 1, 0)).toISOString().slice(0, 10);
    filters.periodFrom = `${month.data}-01`;
    filters.periodTo = last;
  }
  if (params.q) filters.q = params.q.slice(0, 100);
  return filters;
}

/** The query string of the console's CSV export for the filters on screen. */
export function exportQuery(params: Pick<TableParams, "filters" | "q">): string {
  const query = new URLSearchParams();
  for (const key of invoicesTableConfig.filters) {
    const value = params.filters[key];
    if (value) query.set(key, value);
  }
  if (params.q) query.set("q", params.q);
  const text = query.toString();
  return text ? `?${text}` : "";
}
