import { describe, expect, test } from "vitest";
import { nextPeriod } from "@/lib/billing/cycle/periods";
import { formatInvoiceNumber } from "./number";
import { computeTotals, taxOn } from "./totals";

describe("invoice arithmetic", () => {
  test.each([
    // amount, rate (bps), tax
    { amount: 4900, bps: 0, tax: 0 },
    { amount: 4900, bps: 750, tax: 368 }, // 367.5 → 368 (half up)
    { amount: 1_234_567, bps: 750, tax: 92_593 }, // 92,592.525 → 92,593
    { amount: 1_000, bps: 750, tax: 75 },
    { amount: 1, bps: 750, tax: 0 }, // 0.075 → 0
    { amount: 7, bps: 750, tax: 1 }, // 0.525 → 1
    { amount: 200, bps: 2_000, tax: 40 },
    { amount: -4900, bps: 750, tax: -368 }, // symmetric: half away from zero
  ])("tax on $amount at $bps bps is $tax", ({ amount, bps, tax }) => {
    expect(taxOn(amount, bps)).toBe(tax);
  });

  test.each([
    { lines: [4900], bps: 0, totals: { subtotalMinor: 4900, taxMinor: 0, totalMinor: 4900 } },
    { lines: [4900, 240], bps: 0, totals: { subtotalMinor: 5140, taxMinor: 0, totalMinor: 5140 } },
    // Tax once on the subtotal: per line it would be 1 + 1 + 1 = 3 (each 0.525 rounds up).
    { lines: [7, 7, 7], bps: 750, totals: { subtotalMinor: 21, taxMinor: 2, totalMinor: 23 } },
    {
      lines: [4900, -2450, 4950],
      bps: 750,
      totals: { subtotalMinor: 7400, taxMinor: 555, totalMinor: 7955 },
    },
  ])("totals of $lines at $bps bps", ({ lines, bps, totals }) => {
    expect(
      computeTotals(
        lines.map((amountMinor) => ({ amountMinor })),
        bps,
      ),
    ).toEqual({ ...totals, taxRateBps: bps });
  });

  test("refuses fractions", () => {
    expect(() => computeTotals([{ amountMinor: 1.5 }], 0)).toThrow(RangeError);
    expect(() => taxOn(100, 7.5)).toThrow(RangeError);
  });

  test.each([
    { year: 2026, seq: 123, number: "HRT-2026-000123" },
    { year: 2031, seq: 1, number: "HRT-2031-000001" },
    { year: 2031, seq: 1_234_567, number: "HRT-2031-1234567" },
  ])("invoice number $number", ({ year, seq, number }) => {
    expect(formatInvoiceNumber(year, seq)).toBe(number);
  });

  test.each([
    { start: "2031-01-01", end: "2031-02-01", interval: "monthly", next: ["2031-02-01", "2031-03-01"] },
    // Anchored on the 31st: February is short, March is back to the 31st.
    { start: "2031-01-31", end: "2031-02-28", interval: "monthly", next: ["2031-02-28", "2031-03-31"] },
    { start: "2031-12-15", end: "2032-01-15", interval: "monthly", next: ["2032-01-15", "2032-02-15"] },
    { start: "2032-02-29", end: "2033-02-28", interval: "yearly", next: ["2033-02-28", "2034-02-28"] },
    { start: "2031-01-01", end: "2032-01-01", interval: "yearly", next: ["2032-01-01", "2033-01-01"] },
    // Not one interval long (set by hand): one interval from its end.
    { start: "2031-01-10", end: "2031-02-01", interval: "monthly", next: ["2031-02-01", "2031-03-01"] },
  ] as const)("after $start – $end ($interval) comes $next", ({ start, end, interval, next }) => {
    const p = nextPeriod(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`), interval);
    expect([p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10)]).toEqual(next);
  });
});
