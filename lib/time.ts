/** Dates are stored in UTC and shown in the tenant's timezone. */
export function formatDateTime(date: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}
