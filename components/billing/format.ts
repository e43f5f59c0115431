// Dates and labels shared by the billing pages, the tables and the printable invoice. Instants are
// shown in a time zone the caller chooses (the hotel's in the portal, UTC in the console); due
// dates are calendar days and are shown as they are stored.
import type { Invoice } from "@/lib/billing/invoices/settle";

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
    dayFormats.set(key, format);
  }
  return format;
}

/** "3 Mar 2026" in `timeZone`. */
export function formatDay(at: Date, timeZone = "UTC", locale = "en-GB"): string {
  return dayFormat(timeZone, locale).format(at);
}

/** A `date` column ("2026-03-17") as "17 Mar 2026", never shifted by a time zone. */
export function formatCalendarDay(day: string | null, locale = "en-GB"): string {
  if (!day) return "—";
  return dayFormat("UTC", locale).format(new Date(`${day}T00:00:00Z`));
}

/**
 * The service period an invoice covers: "1 Mar 2026 – 31 Mar 2026" (the last day inside the
 * period, not the exclusive end). A manual invoice has no period: null.
 */
export function formatInvoicePeriod(
  invoice: Pick<Invoice, "kind" | "periodStart" | "periodEnd">,
  timeZone = "UTC",
  locale = "en-GB",
): string | null {
  if (invoice.kind === "manual") return null;
  const lastInstant = new Date(Math.max(invoice.periodStart.getTime(), invoice.periodEnd.getTime() - 1));
  return `${formatDay(invoice.periodStart, timeZone, locale)} – ${formatDay(lastInstant, timeZone, locale)}`;
}

/** Today's calendar day in UTC ("2026-03-17"), the day due dates are compared against. */
export function utcToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** An open invoice past its due date. */
export function isOverdue(invoice: Pick<Invoice, "status" | "dueDate">, now: Date): boolean {
  return invoice.status === "open" && invoice.dueDate !== null && invoice.dueDate < utcToday(now);
}
