// The one TanStack Table v9 feature set every DataTable uses. Column files build their definitions
// against it: `const col = createDataTableColumnHelper<TenantRow>()`.
import {
  type ColumnDef,
  createColumnHelper,
  metaHelper,
  type RowData,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";

export type DataTableColumnMeta = {
  align?: "left" | "center" | "right";
  /** Classes for this column's cells (e.g. "w-32", "font-mono"). */
  className?: string;
  /** Classes for this column's header cell. */
  headerClassName?: string;
};

/** Sorting only: the server sorts, filters and paginates, so no client row models are registered. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

export type DataTableColumns<TRow extends RowData> = ReadonlyArray<ColumnDef<DataTableFeatures, TRow>>;

export function createDataTableColumnHelper<TRow extends RowData>() {
  return createColumnHelper<DataTableFeatures, TRow>();
}
