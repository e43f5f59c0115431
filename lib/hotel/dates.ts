// Calendar dates of stays: 'YYYY-MM-DD' strings in the hotel's timezone, as the database keeps
// them. Arithmetic runs on UTC midnights, where every day has 24 hours, so no DST shift can move a
// date. Pure functions, safe for client components.

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

const dayMs = 24 * 60 * 60 * 1000;

function utcMidnight(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isIsoDate(value: string): boolean {
  return isoDatePattern.test(value) && fromUtc(utcMidnight(value)) === value;
}

/** The date `days` after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return fromUtc(utcMidnight(date) + days * dayMs);
}

/** Nights between check-in and check-out: ("2026-03-12", "2026-03-15") → 3. */
export function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((utcMidnight(checkOut) - utcMidnight(checkIn)) / dayMs);
}

/** `count` consecutive dates from `from`. */
export function dateRange(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** Today's date in `timezone` (the hotel's), e.g. still "2026-03-11" in Lagos at 23:30 local time. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * A stay for messages: "12–15 March", "28 February – 2 March", "30 December 2026 – 2 January 2027".
 * The date strings are calendar dates, so they are formatted as UTC.
 */
export function formatStay(checkIn: string, checkOut: string, locale = "en-GB"): string {
  const a = new Date(utcMidnight(checkIn));
  const b = new Date(utcMidnight(checkOut));
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const format = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...opts });
  if (sameYear && a.getUTCMonth() === b.getUTCMonth()) {
    return `${a.getUTCDate()}–${format({ day: "numeric", month: "long" }).format(b)}`;
  }
  if (sameYear) {
    const dm = format({ day: "numeric", month: "long" });
    return `${dm.format(a)} – ${dm.format(b)}`;
  }
  const dmy = format({ day: "numeric", month: "long", year: "numeric" });
  return `${dmy.format(a)} – ${dmy.format(b)}`;
}

/** One date for messages: "12 March 2026". */
export function formatDay(date: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(utcMidnight(date)));
}
