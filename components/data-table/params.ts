// Server-side reading of a table's URL state (page, perPage, sort, q, filters). No "use client":
// pages call this on `searchParams`, and the client DataTable calls it too so both agree on what a URL means.
import { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export type TableSort = { id: string; desc: boolean };

export type TableParamsConfig = {
  /** Column ids the server can sort by; anything else in `?sort=` falls back to `defaultSort`. */
  sortable: readonly string[];
  defaultSort: TableSort;
  /** Filter keys read from the URL (e.g. "status", "plan"); other keys are ignored. */
  filters?: readonly string[];
  defaultPerPage?: number;
  maxPerPage?: number;
};

export type TableParams = {
  page: number;
  perPage: number;
  /** Rows to skip: `(page - 1) * perPage`. */
  offset: number;
  sort: TableSort;
  /** Trimmed search text, "" when absent. */
  q: string;
  /** Only the configured filter keys that have a non-empty value. */
  filters: Record<string, string>;
};

export const DEFAULT_PER_PAGE = 20;
export const DEFAULT_MAX_PER_PAGE = 100;
export const PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;
const MAX_PAGE = 100_000;
const MAX_SEARCH_LENGTH = 200;
const MAX_FILTER_LENGTH = 100;

/** Search params repeat keys as arrays; the first value wins. */
function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const positiveInt = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .pipe(z.number().int().min(1));
const sortParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]+\.(asc|desc)$/)
  .transform((s) => {
    const dot = s.lastIndexOf(".");
    return { id: s.slice(0, dot), desc: s.slice(dot + 1) === "desc" };
  });
const textParam = (max: number) => z.string().trim().max(max);

/** `createdAt.desc` ⇄ `{ id: "createdAt", desc: true }`. */
export function formatSort(sort: TableSort): string {
  return `${sort.id}.${sort.desc ? "desc" : "asc"}`;
}

export function parseSort(
  value: string | undefined,
  config: Pick<TableParamsConfig, "sortable" | "defaultSort">,
) {
  const parsed = sortParam.safeParse(value);
  if (parsed.success && config.sortable.includes(parsed.data.id)) return parsed.data;
  return { ...config.defaultSort };
}

/**
 * Reads and validates a table's state from the URL. Bad or missing values fall back to defaults,
 * so a hand-edited URL never errors. Sorting is limited to `config.sortable`.
 *
 * @example
 * // app/platform/tenants/page.tsx (server component)
 * const params = parseTableParams(await searchParams, tenantsTableConfig);
 * const { rows, total } = await listTenants(db, params);
 * return <DataTable config={tenantsTableConfig} columns={tenantColumns} rows={rows} total={total} />;
 */
export function parseTableParams(searchParams: RawSearchParams, config: TableParamsConfig): TableParams {
  const defaultPerPage = config.defaultPerPage ?? DEFAULT_PER_PAGE;
  const maxPerPage = config.maxPerPage ?? DEFAULT_MAX_PER_PAGE;

  const pageResult = positiveInt.pipe(z.number().max(MAX_PAGE)).safeParse(first(searchParams.page));
  const page = pageResult.success ? pageResult.data : 1;

  const perPageResult = positiveInt.pipe(z.number().max(maxPerPage)).safeParse(first(searchParams.perPage));
  const perPage = perPageResult.success ? perPageResult.data : defaultPerPage;

  const qResult = textParam(MAX_SEARCH_LENGTH).safeParse(first(searchParams.q) ?? "");
  const q = qResult.success ? qResult.data : "";

  const filters: Record<string, string> = {};
  for (const key of config.filters ?? []) {
    const value = textParam(MAX_FILTER_LENGTH).safeParse(first(searchParams[key]) ?? "");
    if (value.success && value.data !== "") filters[key] = value.data;
  }

  return {
    page,
    perPage,
    offset: (page - 1) * perPage,
    sort: parseSort(first(searchParams.sort), config),
    q,
    filters,
  };
}

/** Page count for a total (at least 1, so "page 1 of 1" reads right on an empty table). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
