import { expect, test } from "vitest";
import { addDays, dateRange, formatStay, isIsoDate, nightsBetween, todayIn } from "./dates";

test.each([
  ["2026-03-11T22:30:00Z", "Africa/Lagos", "2026-03-11"],
  ["2026-03-11T23:30:00Z", "Africa/Lagos", "2026-03-12"],
  ["2026-03-12T03:00:00Z", "America/New_York", "2026-03-11"],
  ["2026-03-11T12:00:00Z", "Pacific/Kiritimati", "2026-03-12"],
  ["2026-12-31T23:59:59Z", "UTC", "2026-12-31"],
])("at %s it is %s in %s", (iso, tz, date) => {
  expect(todayIn(tz, new Date(iso))).toBe(date);
});

test.each([
  ["2026-03-12", "2026-03-15", 3],
  ["2026-03-28", "2026-03-30", 2], // across Europe's DST change: still whole days
  ["2026-12-31", "2027-01-01", 1],
  ["2028-02-28", "2028-03-01", 2],
])("%s → %s is %i nights", (a, b, n) => {
  expect(nightsBetween(a, b)).toBe(n);
  expect(addDays(a, n)).toBe(b);
});

test("dateRange and isIsoDate", () => {
  expect(dateRange("2026-02-27", 3)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  expect(isIsoDate("2026-02-28")).toBe(true);
  expect(isIsoDate("2026-02-30")).toBe(false);
  expect(isIsoDate("12/03/2026")).toBe(false);
});

test.each([
  ["2026-03-12", "2026-03-15", "12–15 March"],
  ["2026-02-28", "2026-03-02", "28 February – 2 March"],
  ["2026-12-30", "2027-01-02", "30 December 2026 – 2 January 2027"],
])("formatStay(%s, %s) = %s", (a, b, text) => {
  expect(formatStay(a, b)).toBe(text);
});
