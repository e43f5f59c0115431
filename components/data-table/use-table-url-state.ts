"use client";

import { debounce, parseAsString, useQueryStates } from "nuqs";
import { useCallback, useMemo, useTransition } from "react";
import {
  DEFAULT_PER_PAGE,
  formatSort,
  parseTableParams,
  type RawSearchParams,
  type TableParamsConfig,
  type TableSort,
} from "./params";

const RESERVED = new Set(["page", "perPage", "sort", "q"]);
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The table's state lives in the URL. Every change is a non-shallow navigation (the server component
 * re-renders with the new page of rows) inside a transition, so `isPending` is true until it arrives.
 * History entries are pushed, so Back steps through pages, sorts and filters.
 */
export function useTableUrlState(config: TableParamsConfig, extraFilterKeys: readonly string[] = []) {
  const [isPending, startTransition] = useTransition();
  // Keyed by content: `config` is a fresh object on every server render, the keys rarely change.
  const filterKeysId = [...new Set([...(config.filters ?? []), ...extraFilterKeys])]
    .filter((k) => !RESERVED.has(k))
    .join("\u0000");
  const filterKeys = useMemo(() => (filterKeysId === "" ? [] : filterKeysId.split("\u0000")), [filterKeysId]);

  // Raw strings; the same parser the server uses (parseTableParams) decides what they mean.
  const keyMap = useMemo(() => {
    const map: Record<string, typeof parseAsString> = {
      page: parseAsString,
      perPage: parseAsString,
      sort: parseAsString,
      q: parseAsString,
    };
    for (const key of filterKeys) map[key] = parseAsString;
    return map;
  }, [filterKeys]);

  const [raw, setRaw] = useQueryStates(keyMap, {
    shallow: false,
    history: "push",
    scroll: false,
    startTransition,
  });

  const params = useMemo(() => {
    const record: RawSearchParams = {};
    for (const [key, value] of Object.entries(raw)) if (value !== null) record[key] = value;
    return parseTableParams(record, { ...config, filters: filterKeys });
  }, [raw, config, filterKeys]);

  const defaultPerPage = config.defaultPerPage ?? DEFAULT_PER_PAGE;
  const { defaultSort } = config;

  const setPage = useCallback(
    (page: number) => void setRaw({ page: page <= 1 ? null : String(page) }),
    [setRaw],
  );

  const setPerPage = useCallback(
    (perPage: number) =>
      void setRaw({ perPage: perPage === defaultPerPage ? null : String(perPage), page: null }),
    [setRaw, defaultPerPage],
  );

  const setSort = useCallback(
    (sort: TableSort | null) => {
      const isDefault = !sort || (sort.id === defaultSort.id && sort.desc === defaultSort.desc);
      void setRaw({ sort: isDefault ? null : formatSort(sort), page: null });
    },
    [setRaw, defaultSort.id, defaultSort.desc],
  );

  /** Updates the box at once; the URL (and the server) follow after a pause in typing. */
  const setSearch = useCallback(
    (q: string) =>
      void setRaw(
        { q: q.trim() === "" ? null : q, page: null },
        { limitUrlUpdates: q.trim() === "" ? undefined : debounce(SEARCH_DEBOUNCE_MS) },
      ),
    [setRaw],
  );

  const setFilter = useCallback(
    (key: string, value: string | null) => void setRaw({ [key]: value === "" ? null : value, page: null }),
    [setRaw],
  );

  const clearFilters = useCallback(() => {
    const cleared: Record<string, null> = { q: null, page: null };
    for (const key of filterKeys) cleared[key] = null;
    void setRaw(cleared);
  }, [setRaw, filterKeys]);

  return {
    params,
    /** What the user typed, before debouncing and trimming. */
    searchText: raw.q ?? "",
    isFiltered: params.q !== "" || Object.keys(params.filters).length > 0,
    isPending,
    setPage,
    setPerPage,
    setSort,
    setSearch,
    setFilter,
    clearFilters,
  };
}

export type TableUrlState = ReturnType<typeof useTableUrlState>;
