import { expect, test } from "vitest";
import {
  exportQuery,
  invoiceFiltersFromParams,
  periodOptions,
} from "@/components/billing/invoices-table/config";

const tenant = "7d3c1a52-93b5-4a7e-9a51-2f6a3f0c9b11";

test.each([
  [{}, "", {}],
  [{ status: "open" }, "", { status: "open" }],
  [{ status: "nonsense" }, "", {}],
  [{ tenant }, "", { tenantId: tenant }],
  [{ tenant: "not-a-uuid" }, "", {}],
  [{ period: "2026-02" }, "", { periodFrom: "2026-02-01", periodTo: "2026-02-28" }],
  [{ period: "2024-02" }, "", { periodFrom: "2024-02-01", periodTo: "2024-02-29" }],
  [{ period: "2026-12" }, "", { periodFrom: "2026-12-01", periodTo: "2026-12-31" }],
  [{ period: "2026-13" }, "", {}],
  [{}, "HRT-2026", { q: "HRT-2026" }],
])("filters %j with q %j → %j", (filters, q, expected) => {
  expect(invoiceFiltersFromParams({ filters, q })).toEqual(expected);
});

test("the export link carries the filters on screen", () => {
  expect(exportQuery({ filters: { status: "open", period: "2026-03" }, q: "grand" })).toBe(
    "?status=open&period=2026-03&q=grand",
  );
  expect(exportQuery({ filters: {}, q: "" })).toBe("");
});

test("period choices: the last months in UTC, newest first, across a year boundary", () => {
  expect(periodOptions(new Date("2026-02-10T00:00:00Z"), 3)).toEqual([
    { value: "2026-02", label: "Feb 2026" },
    { value: "2026-01", label: "Jan 2026" },
    { value: "2025-12", label: "Dec 2025" },
  ]);
});
