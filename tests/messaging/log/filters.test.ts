import { describe, expect, test } from "vitest";
import { parseTableParams } from "@/components/data-table/params";
import { messageFiltersFromParams, startOfDayIn } from "@/lib/messaging/log/filters";
import { platformMessagesTableConfig, tenantMessagesTableConfig } from "@/lib/messaging/log/table";

describe("startOfDayIn", () => {
  test.each([
    ["2026-03-08", "UTC", "2026-03-08T00:00:00.000Z"],
    ["2026-03-08", "Africa/Lagos", "2026-03-07T23:00:00.000Z"],
    // New York changes to summer time at 02:00 that day: midnight is still winter time (UTC−5).
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z"],
    ["2026-03-09", "America/New_York", "2026-03-09T04:00:00.000Z"],
    // London leaves summer time at 02:00 local on 25 October: midnight is UTC+1.
    ["2026-10-25", "Europe/London", "2026-10-24T23:00:00.000Z"],
    ["2026-10-26", "Europe/London", "2026-10-26T00:00:00.000Z"],
    ["2026-01-01", "Asia/Kolkata", "2025-12-31T18:30:00.000Z"],
  ])("%s starts in %s at %s", (date, zone, expected) => {
    expect(startOfDayIn(date, zone).toISOString()).toBe(expected);
  });
});

describe("messageFiltersFromParams", () => {
  test("reads known values, turns days into a half-open range in the zone, drops the rest", () => {
    const params = parseTableParams(
      {
        status: "failed",
        channel: "sms",
        event: "hotel/booking.confirmed",
        q: " +234 ",
        from: "2026-03-01",
        to: "2026-03-07",
        tenantId: "0b3c1f4e-8f0a-4c7e-9d3b-2a1e5f6c7d8e",
      },
      platformMessagesTableConfig,
    );
    expect(messageFiltersFromParams(params, "Africa/Lagos")).toEqual({
      status: "failed",
      channel: "sms",
      event: "hotel/booking.confirmed",
      search: "+234",
      from: new Date("2026-02-28T23:00:00.000Z"),
      to: new Date("2026-03-07T23:00:00.000Z"),
      filterTenantId: "0b3c1f4e-8f0a-4c7e-9d3b-2a1e5f6c7d8e",
    });
  });

  test("bad values are ignored, not errors", () => {
    const params = parseTableParams(
      { status: "lost", channel: "fax", from: "2026-02-30", to: "soon", tenantId: "grandview" },
      platformMessagesTableConfig,
    );
    expect(messageFiltersFromParams(params, "UTC")).toEqual({
      status: undefined,
      channel: undefined,
      event: undefined,
      search: undefined,
      from: undefined,
      to: undefined,
      filterTenantId: undefined,
    });
  });

  test("the portal's table has no tenant filter and cannot sort by tenant", () => {
    const params = parseTableParams(
      { tenantId: "0b3c1f4e-8f0a-4c7e-9d3b-2a1e5f6c7d8e", sort: "tenantName.asc" },
      tenantMessagesTableConfig,
    );
    expect(messageFiltersFromParams(params, "UTC").filterTenantId).toBeUndefined();
    expect(params.sort).toEqual({ id: "createdAt", desc: true });
  });
});
