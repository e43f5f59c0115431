import { addUtcMonths, type BillingInterval } from "@/lib/plans/proration";

const monthsIn = (interval: BillingInterval) => (interval === "yearly" ? 12 : 1);

/**
 * The period after [start, end): calendar months in UTC, anchored on the period's start day so a
 * period starting on the 31st goes 31 Jan → 28 Feb → 31 Mar (not drifting to the 28th). A period
 * that is not exactly one interval long (set by hand) is followed by one interval from its end.
 */
export function nextPeriod(start: Date, end: Date, interval: BillingInterval): { start: Date; end: Date } {
  const months = monthsIn(interval);
  const anchored = addUtcMonths(start, months).getTime() === end.getTime();
  return { start: end, end: anchored ? addUtcMonths(start, 2 * months) : addUtcMonths(end, months) };
}

const utcDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "1 Feb 2026 – 1 Mar 2026" (UTC), for line descriptions. */
export function formatPeriod(start: Date, end: Date): string {
  return `${utcDate.format(start)} – ${utcDate.format(end)}`;
}
