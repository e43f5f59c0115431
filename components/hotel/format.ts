// Calendar dates of stays as people read them. The strings are dates in the hotel's timezone
// already, so they are formatted as UTC (formatting them in another zone could shift the day).

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "12 Mar 2026" (or the locale's own order). */
export function formatShortDay(date: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(utcDate(date));
}

/** "Tue 12" for grid headers. */
export function formatGridDay(date: string, locale = "en-GB"): { weekday: string; day: string } {
  const d = utcDate(date);
  return {
    weekday: new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short" }).format(d),
    day: new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric" }).format(d),
  };
}

/** "Tuesday, 12 March 2026". */
export function formatLongDay(date: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(utcDate(date));
}

export function nightsLabel(nights: number): string {
  return `${nights} night${nights === 1 ? "" : "s"}`;
}

/** "English", "Yoruba", "pt-BR" → "Brazilian Portuguese"; the code itself when Intl has no name. */
export function languageName(code: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Languages offered first in the guest form; any other code a guest already has is kept. */
export const commonLanguages = [
  "en",
  "fr",
  "es",
  "pt",
  "de",
  "it",
  "nl",
  "ar",
  "zh",
  "ja",
  "ko",
  "ru",
  "tr",
  "hi",
  "sw",
  "yo",
  "ha",
  "ig",
  "am",
] as const;
