// Proration of a plan change, to the day. Pure: no clock, no database.
//
// Rules
// 1. Plans are paid in advance for a billing period [periodStart, periodEnd). A change gives back
//    what the tenant paid for time it will not use and charges for the time it will use on the new
//    plan. Both land on the next invoice as adjustments (a negative credit, a positive charge).
// 2. Time is counted in whole UTC days: a period of N calendar days has N days, whatever the hours
//    (April 30, February 28 or 29, a year 365 or 366). The day of the change counts as remaining:
//    from that day on the tenant is on the new plan. A change on the period's first day therefore
//    credits the whole old price; a change on its last day leaves 1 day.
// 3. Same interval (monthly→monthly, yearly→yearly): the period stays.
//      credit = round(old price × days remaining / days in period)
//      charge = round(new price × days remaining / days in period)
// 4. Interval switch (monthly↔yearly): the old period ends and a new one starts on the day of the
//    change (00:00 UTC), one month or one year long.
//      credit = round(old price × days remaining / days in period)   (unused old time)
//      charge = the full new price for the new period
// 5. Rounding is half up to a whole minor unit, on integers only (BigInt), never floats.
// 6. A change to the same plan and interval is refused: there is nothing to change.
// 7. A change at or after the period's end has 0 days remaining (the billing cycle is late):
//    nothing is credited and, for the same interval, nothing charged.
import { AppError } from "@/lib/errors";

export const DAY_MS = 86_400_000;

export type BillingInterval = "monthly" | "yearly";

/** Days since the epoch, in UTC. */
export function utcDayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(utcDayNumber(date) * DAY_MS);
}

/** Adds calendar months in UTC, keeping the time of day; the 31st becomes the month's last day when it has fewer. */
export function addUtcMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      y,
      m,
      day,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

/** The end of a period of `interval` starting at `start`. */
export function addInterval(start: Date, interval: BillingInterval): Date {
  return addUtcMonths(start, interval === "yearly" ? 12 : 1);
}

/** round(price × part / whole), half up, in integers. */
export function prorateAmount(priceMinor: number, part: number, whole: number): number {
  if (!Number.isSafeInteger(priceMinor) || priceMinor < 0) {
    throw new RangeError(`A price must be a non-negative integer of minor units, got ${priceMinor}`);
  }
  if (!Number.isSafeInteger(whole) || whole <= 0) throw new RangeError(`whole must be a positive integer`);
  if (!Number.isSafeInteger(part) || part < 0 || part > whole)
    throw new RangeError(`part must be in 0…whole`);
  const twice = 2n * BigInt(priceMinor) * BigInt(part) + BigInt(whole);
  return Number(twice / (2n * BigInt(whole)));
}

export type ProrationInput = {
  periodStart: Date;
  periodEnd: Date;
  at: Date;
  from: { priceMinor: number };
  to: { priceMinor: number };
};

export type Proration = {
  creditMinor: number;
  chargeMinor: number;
  daysRemaining: number;
  daysInPeriod: number;
};

function periodDays(
  periodStart: Date,
  periodEnd: Date,
  at: Date,
): { daysInPeriod: number; daysRemaining: number } {
  const daysInPeriod = utcDayNumber(periodEnd) - utcDayNumber(periodStart);
  if (daysInPeriod <= 0) throw new RangeError("The billing period must end at least a day after it starts");
  const daysRemaining = Math.min(daysInPeriod, Math.max(0, utcDayNumber(periodEnd) - utcDayNumber(at)));
  return { daysInPeriod, daysRemaining };
}

/** Same-interval proration (rule 3): credit for the old plan's unused days, charge for the new plan's. */
export function prorate(input: ProrationInput): Proration {
  const { daysInPeriod, daysRemaining } = periodDays(input.periodStart, input.periodEnd, input.at);
  return {
    creditMinor: prorateAmount(input.from.priceMinor, daysRemaining, daysInPeriod),
    chargeMinor: prorateAmount(input.to.priceMinor, daysRemaining, daysInPeriod),
    daysRemaining,
    daysInPeriod,
  };
}

export type PlanChangeSide = {
  planCode: string;
  /** The plan's price for `interval` (monthly or yearly price). */
  priceMinor: number;
  interval: BillingInterval;
};

export type PlanChangeQuote = Proration & {
  intervalSwitch: boolean;
  /** charge − credit: positive is owed on the next invoice, negative is a credit. */
  netMinor: number;
  /** The period after the change: the same one, or a new one on an interval switch (rule 4). */
  newPeriod: { start: Date; end: Date };
};

/** Credit, charge and new period of a change from one plan/interval to another (rules 3–6). */
export function quotePlanChange(input: {
  periodStart: Date;
  periodEnd: Date;
  at: Date;
  from: PlanChangeSide;
  to: PlanChangeSide;
}): PlanChangeQuote {
  const { from, to } = input;
  if (from.planCode === to.planCode && from.interval === to.interval) {
    throw new AppError("INVALID", `You are already on this plan, billed ${from.interval}.`, {
      field: "toPlanCode",
    });
  }
  if (from.interval === to.interval) {
    const p = prorate(input);
    return {
      ...p,
      intervalSwitch: false,
      netMinor: p.chargeMinor - p.creditMinor,
      newPeriod: { start: input.periodStart, end: input.periodEnd },
    };
  }
  const { daysInPeriod, daysRemaining } = periodDays(input.periodStart, input.periodEnd, input.at);
  const creditMinor = prorateAmount(from.priceMinor, daysRemaining, daysInPeriod);
  const chargeMinor = prorateAmount(to.priceMinor, 1, 1);
  const start = startOfUtcDay(input.at);
  return {
    creditMinor,
    chargeMinor,
    daysRemaining,
    daysInPeriod,
    intervalSwitch: true,
    netMinor: chargeMinor - creditMinor,
    newPeriod: { start, end: addInterval(start, to.interval) },
  };
}
