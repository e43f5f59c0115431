"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { PER_PAGE_OPTIONS, pageCount } from "./params";
import type { TableUrlState } from "./use-table-url-state";

const numberFormat = new Intl.NumberFormat("en-US");

/** "Showing 21–40 of 132", the per-page choice, and previous/next. */
export function DataTablePagination({
  state,
  total,
  maxPerPage,
}: {
  state: TableUrlState;
  total: number;
  maxPerPage: number;
}) {
  const { page, perPage, offset } = state.params;
  const pages = pageCount(total, perPage);
  const from = total === 0 ? 0 : Math.min(offset + 1, total);
  const to = Math.min(offset + perPage, total);
  const perPageOptions = [...new Set([...PER_PAGE_OPTIONS, perPage])]
    .filter((n) => n <= maxPerPage)
    .sort((a, b) => a - b);

  return (
    <div
      data-print-hidden
      data-slot="data-table-pagination"
      className="flex flex-col gap-3 border-t border-zinc-200 px-4 py-2.5 text-[13px] text-zinc-600 sm:flex-row sm:items-center sm:justify-between"
    >
      <p aria-live="polite" data-numeric>
        {total === 0 ? (
          "No results"
        ) : from > total ? (
          <>
            Page {page} is past the end ({numberFormat.format(total)} in all)
          </>
        ) : (
          <>
            Showing <span className="font-medium text-zinc-900">{numberFormat.format(from)}</span>–
            <span className="font-medium text-zinc-900">{numberFormat.format(to)}</span> of{" "}
            <span className="font-medium text-zinc-900">{numberFormat.format(total)}</span>
          </>
        )}
      </p>
      <div className="flex items-center gap-4">
        <div className="flex items-center gap-2">
          <span className="hidden sm:inline">Rows per page</span>
          <Select value={String(perPage)} onValueChange={(v) => state.setPerPage(Number(v))}>
            <SelectTrigger size="sm" className="w-18" aria-label="Rows per page">
              <SelectValue>{perPage}</SelectValue>
            </SelectTrigger>
            <SelectContent align="end">
              {perPageOptions.map((n) => (
                <SelectItem key={n} value={String(n)}>
                  {n}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span data-numeric className="whitespace-nowrap">
          Page {numberFormat.format(page)} of {numberFormat.format(pages)}
        </span>
        <div className="flex items-center gap-1">
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={() => state.setPage(Math.min(page - 1, pages))}
            disabled={page <= 1}
            aria-label="Previous page"
          >
            <ChevronLeft aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            onClick={() => state.setPage(page + 1)}
            disabled={page >= pages}
            aria-label="Next page"
          >
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </div>
    </div>
  );
}
