import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { addUtcMonths, prorate, prorateAmount, quotePlanChange } from "./proration";

const d = (iso: string) => new Date(iso);
// Demo catalogue prices (USD cents): Starter 49.00/490.00, Professional 149.00/1,490.00.
const starter = { monthly: 4900, yearly: 49000 };
const pro = { monthly: 14900, yearly: 149000 };

describe("prorateAmount: round half up, integers only", () => {
  test.each([
    [4900, 12, 30, 1960],
    [5, 1, 2, 3], // 2.5 → 3
    [1, 1, 2, 1], // 0.5 → 1
    [1, 1, 3, 0], // 0.33 → 0
    [2, 1, 3, 1], // 0.67 → 1
    [4900, 15, 29, 2534], // 2534.48
    [14900, 15, 29, 7707], // 7706.90
    [0, 10, 30, 0],
    [4900, 0, 30, 0],
    [4900, 30, 30, 4900],
    [2_147_483_647, 365, 366, 2_141_616_205], // the largest price, no float drift
  ])("%i × %i/%i → %i", (price, part, whole, expected) => {
    expect(prorateAmount(price, part, whole)).toBe(expected);
  });

  test.each([
    [-1, 1, 2],
    [1.5, 1, 2],
    [100, 3, 2],
    [100, 1, 0],
  ])("refuses %d × %d/%d", (price, part, whole) => {
    expect(() => prorateAmount(price, part, whole)).toThrow(RangeError);
  });
});

describe("prorate (same interval)", () => {
  test.each([
    {
      name: "mid-period upgrade in a 30-day month (April 19: 12 of 30 days left)",
      periodStart: "2026-04-01T00:00:00Z",
      periodEnd: "2026-05-01T00:00:00Z",
      at: "2026-04-19T15:42:00Z",
      from: starter.monthly,
      to: pro.monthly,
      expected: { creditMinor: 1960, chargeMinor: 5960, daysRemaining: 12, daysInPeriod: 30 },
    },
    {
      name: "downgrade: the credit is larger than the charge",
      periodStart: "2026-04-01T00:00:00Z",
      periodEnd: "2026-05-01T00:00:00Z",
      at: "2026-04-19T08:00:00Z",
      from: pro.monthly,
      to: starter.monthly,
      expected: { creditMinor: 5960, chargeMinor: 1960, daysRemaining: 12, daysInPeriod: 30 },
    },
    {
      name: "change on the first day: the whole period is credited and charged",
      periodStart: "2026-04-01T00:00:00Z",
      periodEnd: "2026-05-01T00:00:00Z",
      at: "2026-04-01T00:00:00Z",
      from: starter.monthly,
      to: pro.monthly,
      expected: { creditMinor: 4900, chargeMinor: 14900, daysRemaining: 30, daysInPeriod: 30 },
    },
    {
      name: "change on the last day: one day is left",
      periodStart: "2026-04-01T00:00:00Z",
      periodEnd: "2026-05-01T00:00:00Z",
      at: "2026-04-30T23:59:59Z",
      from: starter.monthly,
      to: pro.monthly,
      expected: { creditMinor: 163, chargeMinor: 497, daysRemaining: 1, daysInPeriod: 30 },
    },
    {
      name: "leap-year February: 29 days, change on 2028-02-15 leaves 15",
      periodStart: "2028-02-01T00:00:00Z",
      periodEnd: "2028-03-01T00:00:00Z",
      at: "2028-02-15T10:00:00Z",
      from: starter.monthly,
      to: pro.monthly,
      expected: { creditMinor: 2534, chargeMinor: 7707, daysRemaining: 15, daysInPeriod: 29 },
    },
    {
      name: "February of a common year has 28 days",
      periodStart: "2026-02-01T00:00:00Z",
      periodEnd: "2026-03-01T00:00:00Z",
      at: "2026-02-15T10:00:00Z",
      from: starter.monthly,
      to: pro.monthly,
      expected: { creditMinor: 2450, chargeMinor: 7450, daysRemaining: 14, daysInPeriod: 28 },
    },
    {
      name: "a yearly period in a leap year has 366 days",
      periodStart: "2028-01-01T00:00:00Z",
      periodEnd: "2029-01-01T00:00:00Z",
      at: "2028-07-01T00:00:00Z",
      from: starter.yearly,
      to: pro.yearly,
      expected: { creditMinor: 24634, chargeMinor: 74907, daysRemaining: 184, daysInPeriod: 366 },
    },
    {
      name: "after the period's end nothing is left (the billing cycle is late)",
      periodStart: "2026-04-01T00:00:00Z",
      periodEnd: "2026-05-01T00:00:00Z",
      at: "2026-05-02T09:00:00Z",
      from: starter.monthly,
      to: pro.monthly,
      expected: { creditMinor: 0, chargeMinor: 0, daysRemaining: 0, daysInPeriod: 30 },
    },
  ])("$name", ({ periodStart, periodEnd, at, from, to, expected }) => {
    expect(
      prorate({
        periodStart: d(periodStart),
        periodEnd: d(periodEnd),
        at: d(at),
        from: { priceMinor: from },
        to: { priceMinor: to },
      }),
    ).toEqual(expected);
  });

  test("a period shorter than a day is refused", () => {
    expect(() =>
      prorate({
        periodStart: d("2026-04-01T00:00:00Z"),
        periodEnd: d("2026-04-01T12:00:00Z"),
        at: d("2026-04-01T06:00:00Z"),
        from: { priceMinor: 1 },
        to: { priceMinor: 2 },
      }),
    ).toThrow(RangeError);
  });
});

describe("quotePlanChange", () => {
  test.each([
    {
      name: "upgrade, same interval: period unchanged, net owed",
      period: ["2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"],
      at: "2026-04-19T12:00:00Z",
      from: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" as const },
      to: { planCode: "professional", priceMinor: pro.monthly, interval: "monthly" as const },
      expected: {
        creditMinor: 1960,
        chargeMinor: 5960,
        netMinor: 4000,
        intervalSwitch: false,
        newPeriod: ["2026-04-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z"],
      },
    },
    {
      name: "downgrade, same interval: net is a credit",
      period: ["2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"],
      at: "2026-04-19T12:00:00Z",
      from: { planCode: "professional", priceMinor: pro.monthly, interval: "monthly" as const },
      to: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" as const },
      expected: {
        creditMinor: 5960,
        chargeMinor: 1960,
        netMinor: -4000,
        intervalSwitch: false,
        newPeriod: ["2026-04-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z"],
      },
    },
    {
      name: "monthly → yearly: unused month credited, full year charged, new year from the day of change",
      period: ["2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"],
      at: "2026-04-19T12:00:00Z",
      from: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" as const },
      to: { planCode: "professional", priceMinor: pro.yearly, interval: "yearly" as const },
      expected: {
        creditMinor: 1960,
        chargeMinor: 149000,
        netMinor: 147040,
        intervalSwitch: true,
        newPeriod: ["2026-04-19T00:00:00.000Z", "2027-04-19T00:00:00.000Z"],
      },
    },
    {
      name: "yearly → monthly: unused year credited (183 of 365 days), full month charged",
      period: ["2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"],
      at: "2026-07-02T09:30:00Z",
      from: { planCode: "professional", priceMinor: pro.yearly, interval: "yearly" as const },
      to: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" as const },
      expected: {
        creditMinor: 74704,
        chargeMinor: 4900,
        netMinor: -69804,
        intervalSwitch: true,
        newPeriod: ["2026-07-02T00:00:00.000Z", "2026-08-02T00:00:00.000Z"],
      },
    },
    {
      name: "same plan, monthly → yearly is a real change",
      period: ["2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z"],
      at: "2028-02-15T10:00:00Z",
      from: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" as const },
      to: { planCode: "starter", priceMinor: starter.yearly, interval: "yearly" as const },
      expected: {
        creditMinor: 2534,
        chargeMinor: 49000,
        netMinor: 46466,
        intervalSwitch: true,
        newPeriod: ["2028-02-15T00:00:00.000Z", "2029-02-15T00:00:00.000Z"],
      },
    },
    {
      name: "yearly → monthly on January 31 ends the new month on the last day of February",
      period: ["2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z"],
      at: "2028-01-31T10:00:00Z",
      from: { planCode: "starter", priceMinor: starter.yearly, interval: "yearly" as const },
      to: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" as const },
      expected: {
        creditMinor: 44984, // 49000 × 336/366 = 44983.6
        chargeMinor: 4900,
        netMinor: -40084,
        intervalSwitch: true,
        newPeriod: ["2028-01-31T00:00:00.000Z", "2028-02-29T00:00:00.000Z"],
      },
    },
  ])("$name", ({ period, at, from, to, expected }) => {
    const [start = "", end = ""] = period;
    const quote = quotePlanChange({ periodStart: d(start), periodEnd: d(end), at: d(at), from, to });
    expect({
      creditMinor: quote.creditMinor,
      chargeMinor: quote.chargeMinor,
      netMinor: quote.netMinor,
      intervalSwitch: quote.intervalSwitch,
      newPeriod: [quote.newPeriod.start.toISOString(), quote.newPeriod.end.toISOString()],
    }).toEqual(expected);
  });

  test("the same plan and interval is refused as a no-op", () => {
    const change = () =>
      quotePlanChange({
        periodStart: d("2026-04-01T00:00:00Z"),
        periodEnd: d("2026-05-01T00:00:00Z"),
        at: d("2026-04-19T00:00:00Z"),
        from: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" },
        to: { planCode: "starter", priceMinor: starter.monthly, interval: "monthly" },
      });
    expect(change).toThrow(AppError);
    expect(change).toThrow("already on this plan");
  });
});

describe("addUtcMonths", () => {
  test.each([
    ["2026-01-15T10:00:00Z", 1, "2026-02-15T10:00:00.000Z"],
    ["2026-01-31T00:00:00Z", 1, "2026-02-28T00:00:00.000Z"],
    ["2028-01-31T00:00:00Z", 1, "2028-02-29T00:00:00.000Z"],
    ["2026-12-31T00:00:00Z", 1, "2027-01-31T00:00:00.000Z"],
    ["2028-02-29T00:00:00Z", 12, "2029-02-28T00:00:00.000Z"],
    ["2026-03-31T00:00:00Z", -1, "2026-02-28T00:00:00.000Z"],
  ])("%s + %i months → %s", (from, months, expected) => {
    expect(addUtcMonths(d(from), months).toISOString()).toBe(expected);
  });
});
