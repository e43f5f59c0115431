import { expect, test } from "vitest";
import { formatValue, formatX } from "./format";

test.each<[unknown, Parameters<typeof formatValue>[1], boolean, string]>([
  [1234.5, "number", false, "1,234.5"],
  [1234, "number", true, "1.2K"],
  [1234567, "compact", false, "1.2M"],
  [0.953, "percent", false, "95.3%"],
  [0.953, "percent", true, "95%"],
  [129900, { currency: "USD", minorUnits: true }, false, "$1,299.00"],
  [1299, { currency: "USD" }, false, "$1,299.00"],
  [1299, { currency: "USD" }, true, "$1.3K"],
  [45, { currency: "USD" }, true, "$45"],
  [25, { currency: "USD", minorUnits: true }, true, "$0.25"],
  [500000, { currency: "EUR", minorUnits: true }, true, "€5K"],
  [null, "number", false, "—"],
  ["n/a", "number", false, "n/a"],
])("formatValue(%o, %o, compact=%s) = %s", (value, format, compact, expected) => {
  expect(formatValue(value, format, compact)).toBe(expected);
});

test.each<[unknown, Parameters<typeof formatX>[1], boolean, string]>([
  ["2025-01-05", "auto", false, "Jan 5"],
  ["2025-01-05", "auto", true, "Jan 5, 2025"],
  ["2025-03", "auto", false, "Mar 2025"],
  ["2025-01-05T14:30:00Z", "auto", false, "Jan 5 14:30"],
  [new Date("2025-12-31T00:00:00Z"), "auto", false, "Dec 31"],
  ["2025-01-05", "month", false, "Jan 2025"],
  ["Twilio", "auto", false, "Twilio"],
  ["2025-01-05", "none", false, "2025-01-05"],
])("formatX(%o, %s, long=%s) = %s", (value, format, long, expected) => {
  expect(formatX(value, format, long)).toBe(expected);
});
