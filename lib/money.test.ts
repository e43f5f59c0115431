import { describe, expect, test } from "vitest";
import {
  currencyExponent,
  formatMoney,
  isCurrencyCode,
  MoneyParseError,
  toMajorString,
  toMinor,
} from "./money";

describe("currencyExponent", () => {
  test.each([
    ["JPY", 0],
    ["USD", 2],
    ["EUR", 2],
    ["NGN", 2],
    ["KWD", 3],
    ["usd", 2],
  ])("%s has %i decimals", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });
});

describe("formatMoney", () => {
  test.each([
    [4990, "USD", "en", "$49.90"],
    [5, "USD", "en", "$0.05"],
    [0, "USD", "en", "$0.00"],
    [-1250, "USD", "en", "-$12.50"],
    [149000, "USD", "en", "$1,490.00"],
    [1234, "JPY", "en", "¥1,234"],
    [1500, "KWD", "en", "KWD 1.500"],
    [123456789, "EUR", "de-DE", "1.234.567,89 €"],
    // The largest safe integer keeps every digit: no float division on the way.
    [9007199254740991, "USD", "en", "$90,071,992,547,409.91"],
  ])("%i %s in %s → %s", (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale).replace(/\u00a0/g, " ")).toBe(expected);
  });

  test("refuses fractions of a minor unit", () => {
    expect(() => formatMoney(49.9, "USD")).toThrow(RangeError);
  });
});

describe("toMinor", () => {
  test.each([
    ["49.90", "USD", 4990],
    ["49.9", "USD", 4990],
    ["49", "USD", 4900],
    [" 0.05 ", "USD", 5],
    ["0", "USD", 0],
    ["007.10", "USD", 710],
    ["-12.5", "USD", -1250],
    ["1500", "JPY", 1500],
    ["1.5", "KWD", 1500],
    ["1.234", "KWD", 1234],
    // 0.1 + 0.2 style float errors cannot happen: 1.15 × 100 is 114.99999999999999 in floats.
    ["1.15", "USD", 115],
    ["90071992547409.91", "USD", 9007199254740991],
  ])("%j %s → %i", (major, currency, expected) => {
    expect(toMinor(major, currency)).toBe(expected);
  });

  test.each([
    ["49.999", "USD", "at most 2 decimals"],
    ["1.5", "JPY", "no decimals"],
    ["1.2345", "KWD", "at most 3 decimals"],
    ["1,000.00", "USD", "not an amount"],
    ["abc", "USD", "not an amount"],
    ["", "USD", "not an amount"],
    ["1e3", "USD", "not an amount"],
    ["90071992547409.92", "USD", "too large"],
  ])("%j %s is refused (%s)", (major, currency, message) => {
    expect(() => toMinor(major, currency)).toThrow(MoneyParseError);
    expect(() => toMinor(major, currency)).toThrow(message);
  });

  test.each([
    [4990, "USD"],
    [1234, "JPY"],
    [1500, "KWD"],
    [7, "USD"],
  ])("round-trips %i %s through the form string", (minor, currency) => {
    expect(toMinor(toMajorString(minor, currency), currency)).toBe(minor);
  });
});

describe("isCurrencyCode", () => {
  test.each([
    ["USD", true],
    ["NGN", true],
    ["usd", false],
    ["XYZ", false],
    ["US", false],
  ])("%s → %s", (code, ok) => {
    expect(isCurrencyCode(code)).toBe(ok);
  });
});
