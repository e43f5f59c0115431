"use client";

import { functionalUpdate, type RowData, type SortingState, useTable } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown, SearchX } from "lucide-react";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import { DataTablePagination } from "./data-table-pagination";
import { type DataTableFilter, DataTableToolbar } from "./data-table-toolbar";
import { type DataTableColumns, dataTableFeatures } from "./features";
import { DEFAULT_MAX_PER_PAGE, type TableParamsConfig } from "./params";
import { type TableUrlState, useTableUrlState } from "./use-table-url-state";

export type DataTableProps<TRow extends RowData> = {
  /** Column definitions built with `createDataTableColumnHelper<Row>()` in a "use client" file. */
  columns: DataTableColumns<TRow>;
  /** The current page of rows, already filtered, sorted and paginated by the server. */
  rows: readonly TRow[];
  /** Rows matching the current search and filters, across all pages. */
  total: number;
  /** The same object the page passes to `parseTableParams`, so client and server read the URL alike. */
  config: TableParamsConfig;
  filters?: readonly DataTableFilter[];
  /** Show the search box (`?q=`). Default true. */
  search?: boolean;
  searchPlaceholder?: string;
  /** Buttons on the right of the toolbar (e.g. "New tenant", "Export"). */
  actions?: React.ReactNode;
  /** Shown when there are no rows at all (no search or filter applied). */
  emptyState?: { title: string; description?: string; action?: React.ReactNode };
  /** Accessible name of the table, e.g. "Tenants". */
  label?: string;
  /** Row property used as the React key; defaults to `id` when present. */
  rowKey?: string;
  className?: string;
};

/**
 * A server-driven table: page, page size, sort, search and filters live in the URL
 * (`?page=2&perPage=50&sort=name.asc&q=grand&status=active`), each change re-renders the server
 * component, and Back/Forward step through them. While the server works, the rows dim.
 *
 * @example
 * // lib/tenants/table.ts — shared by the page and the client table (no "use client")
 * export const tenantsTableConfig = {
 *   sortable: ["name", "createdAt", "status"],
 *   defaultSort: { id: "createdAt", desc: true },
 *   filters: ["status", "plan"],
 * } as const satisfies TableParamsConfig;
 *
 * // components/tenants/tenants-table/columns.tsx
 * "use client";
 * const col = createDataTableColumnHelper<TenantRow>();
 * export const tenantColumns = col.columns([
 *   col.accessor("name", { header: "Name", cell: (c) => <Link href={`/platform/tenants/${c.row.original.id}`}>{c.getValue()}</Link> }),
 *   col.accessor("status", { header: "Status", cell: (c) => <Badge>{c.getValue()}</Badge> }),
 *   col.accessor("createdAt", { header: "Created", cell: (c) => c.getValue().toLocaleDateString(), meta: { align: "right" } }),
 *   col.display({ id: "actions", cell: (c) => <RowActions tenant={c.row.original} /> }),
 * ]);
 *
 * // app/platform/tenants/page.tsx (server component)
 * export default async function TenantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
 *   const params = parseTableParams(await searchParams, tenantsTableConfig);
 *   const { rows, total } = await listTenants(db, params); // uses params.offset/perPage/sort/q/filters
 *   return (
 *     <DataTable
 *       columns={tenantColumns}
 *       rows={rows}
 *       total={total}
 *       config={tenantsTableConfig}
 *       label="Tenants"
 *       searchPlaceholder="Search hotels…"
 *       filters={[{ key: "status", label: "Status", options: [{ value: "active", label: "Active" }] }]}
 *       emptyState={{ title: "No hotels yet", action: <Button asChild><Link href="/platform/tenants/new">New hotel</Link></Button> }}
 *     />
 *   );
 * }
 *
 * Only columns whose id is in `config.sortable` get a sort toggle. Rows cross the server→client
 * boundary, so keep them plain data (Dates are fine).
 */
export function DataTable<TRow extends RowData>(props: DataTableProps<TRow>) {
  // nuqs reads useSearchParams(); on a statically rendered page that needs a Suspense boundary.
  return (
    <React.Suspense fallback={<DataTableSkeleton columns={props.columns.length} />}>
      <DataTableView {...props} />
    </React.Suspense>
  );
}

function DataTableView<TRow extends RowData>({
  columns,
  rows,
  total,
  config,
  filters = [],
  search = true,
  searchPlaceholder = "Search…",
  actions,
  emptyState,
  label,
  rowKey = "id",
  className,
}: DataTableProps<TRow>) {
  const filterKeys = React.useMemo(() => filters.map((f) => f.key), [filters]);
  const state = useTableUrlState(config, filterKeys);
  const { params, isPending } = state;

  const sortableId = config.sortable.join(",");
  // Sorting happens in SQL, so only the columns the server accepts may offer a toggle.
  const tableColumns = React.useMemo(() => {
    const sortable = new Set(sortableId.split(","));
    return columns.map((column) => {
      const id = column.id ?? ("accessorKey" in column ? String(column.accessorKey) : undefined);
      return {
        ...column,
        enableSorting: id !== undefined && sortable.has(id) && column.enableSorting !== false,
      };
    });
  }, [columns, sortableId]);

  const sorting = React.useMemo<SortingState>(() => [params.sort], [params.sort]);

  const table = useTable({
    features: dataTableFeatures,
    columns: tableColumns,
    data: rows,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting);
      state.setSort(next[0] ?? null);
    },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    getRowId: (row, index) => {
      const key = (row as Record<string, unknown>)[rowKey];
      return typeof key === "string" || typeof key === "number" ? String(key) : String(index);
    },
  });

  const headerGroups = table.getHeaderGroups();
  const visibleRows = table.getRowModel().rows;
  const columnCount = Math.max(1, table.getAllLeafColumns().length);
  const noRows = visibleRows.length === 0;

  return (
    <div data-slot="data-table" className={cn("flex flex-col gap-3", className)}>
      <DataTableToolbar
        state={state}
        filters={filters}
        search={search}
        searchPlaceholder={searchPlaceholder}
        actions={actions}
      />
      <div className="relative overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs">
        {isPending ? (
          <div className="absolute inset-x-0 top-0 z-10 h-0.5 overflow-hidden bg-brand-100" aria-hidden>
            <div className="h-full w-2/5 animate-progress bg-brand-500" />
          </div>
        ) : null}
        <div className="overflow-x-auto">
          <table className="w-full caption-bottom text-sm" aria-label={label} aria-busy={isPending}>
            <thead className="border-b border-zinc-200 bg-zinc-50/80">
              {headerGroups.map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta;
                    const sorted = header.column.getIsSorted();
                    const canSort = header.column.getCanSort();
                    return (
                      <th
                        key={header.id}
                        colSpan={header.colSpan}
                        scope="col"
                        aria-sort={
                          sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                        }
                        className={cn(
                          "h-9 px-4 text-left align-middle text-xs font-medium whitespace-nowrap text-zinc-500",
                          alignClass(meta?.align),
                          meta?.headerClassName,
                        )}
                      >
                        {header.isPlaceholder ? null : canSort ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            data-sort-key={header.column.id}
                            className={cn(
                              "-mx-1.5 inline-flex cursor-pointer items-center gap-1 rounded px-1.5 py-1 hover:bg-zinc-200/60 hover:text-zinc-900",
                              "focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none",
                              sorted && "text-zinc-900",
                              meta?.align === "right" && "flex-row-reverse",
                            )}
                          >
                            <table.FlexRender header={header} />
                            {sorted === "asc" ? (
                              <ArrowUp className="size-3.5" aria-hidden />
                            ) : sorted === "desc" ? (
                              <ArrowDown className="size-3.5" aria-hidden />
                            ) : (
                              <ChevronsUpDown className="size-3.5 text-zinc-300" aria-hidden />
                            )}
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody
              className={cn(
                "transition-opacity duration-150 [&_tr:last-child]:border-0",
                isPending && "pointer-events-none opacity-50",
              )}
            >
              {noRows && isPending ? (
                <SkeletonRows columns={columnCount} rows={Math.min(params.perPage, 8)} />
              ) : (
                visibleRows.map((row) => (
                  <tr
                    key={row.id}
                    data-row-id={row.id}
                    className="border-b border-zinc-100 transition-colors hover:bg-zinc-50/70"
                  >
                    {row.getAllCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      return (
                        <td
                          key={cell.id}
                          className={cn(
                            "h-11 px-4 py-2 align-middle text-zinc-700",
                            alignClass(meta?.align),
                            meta?.className,
                          )}
                        >
                          <table.FlexRender cell={cell} />
                        </td>
                      );
                    })}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {/* Outside the scrolling table so the message stays centred in the card on narrow screens. */}
        {noRows && !isPending ? (
          <TableEmptyState state={state} total={total} emptyState={emptyState} />
        ) : null}
        <DataTablePagination
          state={state}
          total={total}
          maxPerPage={config.maxPerPage ?? DEFAULT_MAX_PER_PAGE}
        />
      </div>
    </div>
  );
}

function TableEmptyState({
  state,
  total,
  emptyState,
}: {
  state: TableUrlState;
  total: number;
  emptyState: DataTableProps<RowData>["emptyState"];
}) {
  if (state.isFiltered) {
    return (
      <EmptyState
        variant="plain"
        icon={<SearchX aria-hidden />}
        title="No results"
        description="Nothing matches your search and filters."
        action={
          <Button variant="outline" size="sm" onClick={state.clearFilters}>
            Clear search and filters
          </Button>
        }
      />
    );
  }
  if (total > 0) {
    return (
      <EmptyState
        variant="plain"
        title="This page is empty"
        description={`There are ${total} rows in all; this page is past the end.`}
        action={
          <Button variant="outline" size="sm" onClick={() => state.setPage(1)}>
            Go to the first page
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      variant="plain"
      title={emptyState?.title ?? "Nothing here yet"}
      description={emptyState?.description}
      action={emptyState?.action}
    />
  );
}

function alignClass(align: "left" | "center" | "right" | undefined) {
  return align === "right" ? "text-right" : align === "center" ? "text-center" : undefined;
}

function SkeletonRows({ columns, rows }: { columns: number; rows: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with no identity.
        <tr key={r} className="border-b border-zinc-100">
          {Array.from({ length: columns }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with no identity.
            <td key={c} className="h-11 px-4 py-2">
              <div
                className="h-3.5 animate-pulse rounded bg-zinc-100"
                style={{ width: `${50 + ((r * 7 + c * 13) % 40)}%` }}
              />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** A stand-in for a DataTable while its page streams in (use in `loading.tsx` or a Suspense fallback). */
export function DataTableSkeleton({ columns = 5, rows = 8 }: { columns?: number; rows?: number }) {
  return (
    <div className="flex flex-col gap-3" role="status" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-72 animate-pulse rounded-md bg-zinc-200/70" />
      <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs">
        <div className="h-9 border-b border-zinc-200 bg-zinc-50/80" />
        <table className="w-full">
          <tbody>
            <SkeletonRows columns={columns} rows={rows} />
          </tbody>
        </table>
        <div className="h-12 border-t border-zinc-200" />
      </div>
    </div>
  );
}
