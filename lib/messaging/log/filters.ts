// Turns a log table's URL filters into query input. Dates in the URL are calendar days in the
// viewer's time zone (the hotel's in the portal, UTC in the console); the database holds UTC.
import type { TableParams } from "@/components/data-table/params";
import { addDays, isIsoDate } from "@/lib/hotel/dates";
import { type MessageChannel, type MessageStatus, parseMessageChannel, parseMessageStatus } from "./table";

/** How far `instant`'s wall clock in `timeZone` is ahead of UTC, in ms. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day ("2026-03-08") starts in `timeZone`. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // Two passes: the first offset is the one at UTC midnight, which differs across a DST change.
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

export type MessageLogFilters = {
  status?: MessageStatus;
  channel?: MessageChannel;
  event?: string;
  search?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive: the start of the day after the chosen last day. */
  to?: Date;
  /** The console's tenant filter (ignored on the tenant path). */
  filterTenantId?: string;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function messageFiltersFromParams(params: TableParams, timeZone: string): MessageLogFilters {
  const { filters } = params;
  const from = filters.from && isIsoDate(filters.from) ? filters.from : undefined;
  const to = filters.to && isIsoDate(filters.to) ? filters.to : undefined;
  return {
    status: parseMessageStatus(filters.status),
    channel: parseMessageChannel(filters.channel),
    event: filters.event || undefined,
    search: params.q || undefined,
    from: from ? startOfDayIn(from, timeZone) : undefined,
    to: to ? startOfDayIn(addDays(to, 1), timeZone) : undefined,
    filterTenantId: filters.tenantId && uuidPattern.test(filters.tenantId) ? filters.tenantId : undefined,
  };
}
