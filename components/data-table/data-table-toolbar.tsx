"use client";

import { LoaderCircle, Search, X } from "lucide-react";
import type * as React from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import type { TableUrlState } from "./use-table-url-state";

export type DataTableFilterOption = { value: string; label: string };

/** A select above the table that sets `?{key}=value`; the page reads it with parseTableParams(…, { filters: [key] }). */
export type DataTableFilter = {
  key: string;
  label: string;
  options: readonly DataTableFilterOption[];
  /** Label of the "no filter" choice; defaults to "All {label}" lower-cased. */
  allLabel?: string;
};

// Radix Select reserves "" for "no value", so "all" needs a sentinel that no real option uses.
const ALL = "__all__";

export function DataTableToolbar({
  state,
  filters,
  search,
  searchPlaceholder,
  actions,
}: {
  state: TableUrlState;
  filters: readonly DataTableFilter[];
  search: boolean;
  searchPlaceholder: string;
  actions?: React.ReactNode;
}) {
  if (!search && filters.length === 0 && !actions) return null;
  return (
    <div data-print-hidden className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-1 flex-wrap items-center gap-2">
        {search ? (
          <div className="relative w-full sm:w-72">
            <Search
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400"
              aria-hidden
            />
            <Input
              type="search"
              role="searchbox"
              aria-label={searchPlaceholder}
              placeholder={searchPlaceholder}
              value={state.searchText}
              onChange={(e) => state.setSearch(e.target.value)}
              className="h-8 pr-8 pl-8 text-[13px] [&::-webkit-search-cancel-button]:hidden"
              maxLength={200}
            />
            {state.isPending && state.searchText ? (
              <LoaderCircle
                className="absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2 animate-spin text-zinc-400"
                aria-hidden
              />
            ) : state.searchText ? (
              <button
                type="button"
                onClick={() => state.setSearch("")}
                className="absolute top-1/2 right-1.5 flex size-5 -translate-y-1/2 cursor-pointer items-center justify-center rounded text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                aria-label="Clear search"
              >
                <X className="size-3.5" aria-hidden />
              </button>
            ) : null}
          </div>
        ) : null}
        {filters.map((filter) => {
          const value = state.params.filters[filter.key];
          return (
            <Select
              key={filter.key}
              value={value ?? ALL}
              onValueChange={(next) => state.setFilter(filter.key, next === ALL ? null : next)}
            >
              <SelectTrigger
                size="sm"
                aria-label={filter.label}
                data-filter-key={filter.key}
                className={cn(
                  "w-auto justify-start gap-1.5",
                  value && "border-brand-300 bg-brand-50/50 text-brand-900",
                )}
              >
                <span className="text-zinc-500">{filter.label}:</span>
                {/* Explicit text so the server-rendered HTML shows the choice before hydration. */}
                <SelectValue>
                  {filter.options.find((o) => o.value === value)?.label ?? filter.allLabel ?? "All"}
                </SelectValue>
              </SelectTrigger>
              <SelectContent align="start">
                <SelectItem value={ALL}>{filter.allLabel ?? "All"}</SelectItem>
                {filter.options.map((o) => (
                  <SelectItem key={o.value} value={o.value}>
                    {o.label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          );
        })}
        {state.isFiltered ? (
          <Button variant="ghost" size="sm" onClick={state.clearFilters} className="text-zinc-600">
            Reset
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}
