import { expect, test } from "vitest";
import { formatDateTime } from "./time";

test.each([
  ["2026-11-24T20:15:00Z", "America/New_York", "24 Nov 2026, 15:15"],
  ["2026-11-24T23:30:00Z", "Africa/Lagos", "25 Nov 2026, 00:30"],
  ["2026-06-01T00:00:00Z", "UTC", "1 Jun 2026, 00:00"],
])("%s in %s", (iso, tz, expected) => {
  expect(formatDateTime(new Date(iso), tz)).toBe(expected);
});
