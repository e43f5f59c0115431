import { describe, expect, test } from "vitest";
import { auditExportHref, auditFilterFromParams } from "./table";

const now = new Date("2026-11-24T12:00:00Z");
const tenantId = "0b9f7c1e-8a53-4a55-9d1e-2f0c6a1b9a11";

describe("auditFilterFromParams", () => {
  test.each([
    [{ q: "", filters: {} }, {}],
    [
      { q: "suspend", filters: { actorKind: "system" } },
      { q: "suspend", actorKind: "system" },
    ],
    [
      { q: "", filters: { period: "24h", tenantId } },
      { tenantId, from: new Date("2026-11-23T12:00:00Z") },
    ],
    [{ q: "x", filters: { tenantId: "not-a-uuid" } }, { q: "x" }],
    [{ q: "", filters: { period: "forever" } }, {}],
  ])("%j", (params, expected) => {
    expect(auditFilterFromParams(params, now)).toEqual(expected);
  });
});

test("the export link carries the same filter", () => {
  expect(auditExportHref({ tenantId, from: new Date("2026-11-23T12:00:00Z") })).toBe(
    `/platform/audit/export?tenantId=${tenantId}&from=2026-11-23T12%3A00%3A00.000Z`,
  );
  expect(auditExportHref({})).toBe("/platform/audit/export");
});
