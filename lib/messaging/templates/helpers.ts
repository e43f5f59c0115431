// Template helpers. They read the tenant's timezone, currency and locale from Handlebars' private
// data (`@hearth`, set by renderTemplate), so one registration serves every tenant and the
// compiled-template cache can be shared across tenants.
import type { HelperDelegate, HelperOptions } from "handlebars";
import { formatMoney } from "@/lib/money";

export type RenderContext = {
  /** IANA timezone, e.g. Africa/Lagos: instants are shown as wall-clock time there. */
  timezone: string;
  /** ISO 4217 default for `money` when the template does not name one. */
  currency: string;
  /** BCP 47, e.g. "fr" or "en-NG". */
  locale: string;
};

export const dateStyles = ["short", "medium", "long", "full"] as const;
type DateStyle = (typeof dateStyles)[number];

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Handlebars passes its options object last; the caller's arguments are everything before it. */
function splitArgs(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  const options = args[args.length - 1] as HelperOptions;
  return { params: args.slice(0, -1), options };
}

function contextOf(options: HelperOptions): RenderContext {
  const hearth: unknown = options.data?.hearth;
  if (!hearth || typeof hearth !== "object")
    throw new Error("Templates must be rendered with renderTemplate");
  return hearth as RenderContext;
}

function styleOf(value: unknown, fallback: DateStyle): DateStyle {
  return dateStyles.find((style) => style === value) ?? fallback;
}

type Moment = { date: Date; bareDate: boolean };

/**
 * A bare YYYY-MM-DD is a calendar date (a check-in day), not an instant: it is formatted in UTC
 * at UTC midnight so it never shifts to the previous or next day in the tenant's timezone.
 */
function toMoment(value: unknown): Moment | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value, bareDate: false };
  if (typeof value !== "string" || value === "") return null;
  const bare = BARE_DATE.exec(value);
  if (bare) {
    const date = new Date(Date.UTC(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3])));
    return Number.isNaN(date.getTime()) ? null : { date, bareDate: true };
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, bareDate: false };
}

function formatMoment(moment: Moment, context: RenderContext, options: Intl.DateTimeFormatOptions): string {
  const timeZone = moment.bareDate ? "UTC" : context.timezone;
  return new Intl.DateTimeFormat(context.locale, { ...options, timeZone }).format(moment.date);
}

const formatDate: HelperDelegate = (...args: unknown[]) => {
  const { params, options } = splitArgs(args);
  const moment = toMoment(params[0]);
  if (!moment) return "";
  return formatMoment(moment, contextOf(options), { dateStyle: styleOf(params[1], "medium") });
};

const formatDateTime: HelperDelegate = (...args: unknown[]) => {
  const { params, options } = splitArgs(args);
  const moment = toMoment(params[0]);
  if (!moment) return "";
  const dateStyle = styleOf(params[1], "medium");
  // A calendar date has no time of day to show.
  if (moment.bareDate) return formatMoment(moment, contextOf(options), { dateStyle });
  return formatMoment(moment, contextOf(options), { dateStyle, timeStyle: "short" });
};

/** Integer minor units only: a float here means a bug upstream, and a wrong amount must not go out. */
const money: HelperDelegate = (...args: unknown[]) => {
  const { params, options } = splitArgs(args);
  const [amount, currency] = params;
  if (amount === null || amount === undefined || amount === "") return "";
  const minor = typeof amount === "string" && /^-?\d+$/.test(amount) ? Number(amount) : amount;
  if (typeof minor !== "number" || !Number.isSafeInteger(minor)) {
    throw new Error(`money expects an integer amount of minor units, got ${String(amount)}`);
  }
  const context = contextOf(options);
  const code = typeof currency === "string" && currency !== "" ? currency : context.currency;
  return formatMoney(minor, code, context.locale);
};

const upper: HelperDelegate = (...args: unknown[]) => {
  const { params, options } = splitArgs(args);
  return String(params[0] ?? "").toLocaleUpperCase(contextOf(options).locale);
};

const lower: HelperDelegate = (...args: unknown[]) => {
  const { params, options } = splitArgs(args);
  return String(params[0] ?? "").toLocaleLowerCase(contextOf(options).locale);
};

const eq: HelperDelegate = (...args: unknown[]) => {
  const { params } = splitArgs(args);
  return params[0] === params[1];
};

const ne: HelperDelegate = (...args: unknown[]) => {
  const { params } = splitArgs(args);
  return params[0] !== params[1];
};

/** The locale's plural rule decides, so French "0 nuit" and English "0 nights" both come out right. */
const pluralize: HelperDelegate = (...args: unknown[]) => {
  const { params, options } = splitArgs(args);
  const [count, singular, plural] = params;
  const n = Number(count);
  const category = new Intl.PluralRules(contextOf(options).locale).select(Number.isFinite(n) ? n : 0);
  return String(category === "one" ? singular : plural);
};

const defaultHelper: HelperDelegate = (...args: unknown[]) => {
  const { params } = splitArgs(args);
  const [value, fallback] = params;
  return value === null || value === undefined || value === "" ? fallback : value;
};

export const templateHelpers: Record<string, HelperDelegate> = {
  formatDate,
  formatDateTime,
  money,
  upper,
  lower,
  eq,
  ne,
  pluralize,
  default: defaultHelper,
};

/** Handlebars' own block helpers, which validation also accepts as helper names. */
export const builtInHelpers = ["if", "unless", "each", "with", "lookup", "log"] as const;

export const helperNames: ReadonlySet<string> = new Set([...Object.keys(templateHelpers), ...builtInHelpers]);
