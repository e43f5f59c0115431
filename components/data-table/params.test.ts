import { describe, expect, test } from "vitest";
import {
  formatSort,
  pageCount,
  parseTableParams,
  type RawSearchParams,
  type TableParamsConfig,
} from "./params";

const config: TableParamsConfig = {
  sortable: ["name", "createdAt", "mrr_minor"],
  defaultSort: { id: "createdAt", desc: true },
  filters: ["status", "plan"],
};

describe("parseTableParams", () => {
  test("no params gives the defaults", () => {
    expect(parseTableParams({}, config)).toEqual({
      page: 1,
      perPage: 20,
      offset: 0,
      sort: { id: "createdAt", desc: true },
      q: "",
      filters: {},
    });
  });

  test.each<[string, RawSearchParams, { page: number; perPage: number; offset: number }]>([
    ["page 3 of 20", { page: "3" }, { page: 3, perPage: 20, offset: 40 }],
    ["page 2 of 50", { page: "2", perPage: "50" }, { page: 2, perPage: 50, offset: 50 }],
    ["perPage at the max", { perPage: "100" }, { page: 1, perPage: 100, offset: 0 }],
    ["perPage over the max falls back", { perPage: "101" }, { page: 1, perPage: 20, offset: 0 }],
    ["page 0 falls back", { page: "0" }, { page: 1, perPage: 20, offset: 0 }],
    ["negative page falls back", { page: "-2" }, { page: 1, perPage: 20, offset: 0 }],
    ["fractional page falls back", { page: "2.5" }, { page: 1, perPage: 20, offset: 0 }],
    ["exponent page falls back", { page: "1e3" }, { page: 1, perPage: 20, offset: 0 }],
    ["text page falls back", { page: "abc", perPage: "lots" }, { page: 1, perPage: 20, offset: 0 }],
    ["empty page falls back", { page: "" }, { page: 1, perPage: 20, offset: 0 }],
    ["huge page falls back", { page: "99999999999" }, { page: 1, perPage: 20, offset: 0 }],
    ["repeated key takes the first", { page: ["4", "9"] }, { page: 4, perPage: 20, offset: 60 }],
    ["surrounding spaces are fine", { page: " 2 " }, { page: 2, perPage: 20, offset: 20 }],
  ])("%s", (_name, searchParams, expected) => {
    const p = parseTableParams(searchParams, config);
    expect({ page: p.page, perPage: p.perPage, offset: p.offset }).toEqual(expected);
  });

  test.each<[string, string | string[] | undefined, { id: string; desc: boolean }]>([
    ["ascending", "name.asc", { id: "name", desc: false }],
    ["descending", "name.desc", { id: "name", desc: true }],
    ["underscored id", "mrr_minor.asc", { id: "mrr_minor", desc: false }],
    ["not in the allowed list", "password.asc", { id: "createdAt", desc: true }],
    ["no direction", "name", { id: "createdAt", desc: true }],
    ["bad direction", "name.up", { id: "createdAt", desc: true }],
    ["sql-looking id", "name;drop.asc", { id: "createdAt", desc: true }],
    ["empty", "", { id: "createdAt", desc: true }],
    ["absent", undefined, { id: "createdAt", desc: true }],
    ["repeated key takes the first", ["name.asc", "createdAt.asc"], { id: "name", desc: false }],
  ])("sort: %s", (_name, sort, expected) => {
    expect(parseTableParams({ sort }, config).sort).toEqual(expected);
  });

  test.each<[string, RawSearchParams, string]>([
    ["trimmed", { q: "  grand view " }, "grand view"],
    ["absent", {}, ""],
    ["too long is dropped", { q: "x".repeat(201) }, ""],
    ["at the limit is kept", { q: "x".repeat(200) }, "x".repeat(200)],
  ])("q: %s", (_name, searchParams, expected) => {
    expect(parseTableParams(searchParams, config).q).toBe(expected);
  });

  test.each<[string, RawSearchParams, Record<string, string>]>([
    ["known keys are kept", { status: "active", plan: "pro" }, { status: "active", plan: "pro" }],
    ["unknown keys are ignored", { status: "trial", tenantId: "x", role: "admin" }, { status: "trial" }],
    ["empty values are dropped", { status: "", plan: "  " }, {}],
    ["values are trimmed", { plan: " pro " }, { plan: "pro" }],
    ["repeated key takes the first", { status: ["active", "trial"] }, { status: "active" }],
    ["too long is dropped", { status: "s".repeat(101) }, {}],
  ])("filters: %s", (_name, searchParams, expected) => {
    expect(parseTableParams(searchParams, config).filters).toEqual(expected);
  });

  test("defaultPerPage and maxPerPage come from the config", () => {
    const custom = { ...config, defaultPerPage: 50, maxPerPage: 200 };
    expect(parseTableParams({}, custom).perPage).toBe(50);
    expect(parseTableParams({ perPage: "200" }, custom).perPage).toBe(200);
    expect(parseTableParams({ perPage: "201" }, custom).perPage).toBe(50);
  });

  test("a table without filters ignores every other key", () => {
    const { filters: _ignored, ...noFilters } = config;
    expect(parseTableParams({ status: "active" }, noFilters).filters).toEqual({});
  });

  test("the default sort is a copy, not the config object", () => {
    const p = parseTableParams({}, config);
    p.sort.desc = false;
    expect(config.defaultSort.desc).toBe(true);
  });
});

test.each([
  [{ id: "name", desc: false }, "name.asc"],
  [{ id: "createdAt", desc: true }, "createdAt.desc"],
])("formatSort(%o) = %s", (sort, expected) => {
  expect(formatSort(sort)).toBe(expected);
});

test.each([
  [0, 20, 1],
  [1, 20, 1],
  [20, 20, 1],
  [21, 20, 2],
  [132, 20, 7],
])("pageCount(%i, %i) = %i", (total, perPage, expected) => {
  expect(pageCount(total, perPage)).toBe(expected);
});
