// Formatting shared by chart axes and tooltips. Plain functions so server pages can pick a format by
// name (`valueFormat="compact"`) without passing a function across the server→client boundary.

export type ValueFormat =
  | "number"
  | "compact"
  /** A fraction 0..1 shown as a percentage. */
  | "percent"
  /** Money; `minorUnits: true` when values are integer cents (Hearth's money convention). */
  | { currency: string; minorUnits?: boolean };

export type XFormat = "auto" | "day" | "month" | "datetime" | "none";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatValue(value: unknown, format: ValueFormat = "number", compact = false): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return value == null ? "—" : String(value);
  if (format === "percent") {
    return new Intl.NumberFormat("en-US", {
      style: "percent",
      maximumFractionDigits: compact ? 0 : 1,
    }).format(value);
  }
  if (typeof format === "object") {
    const amount = format.minorUnits ? value / 100 : value;
    // Axis ticks: "$12K" for big amounts, whole units below that; tooltips show exact amounts.
    const short = compact && Math.abs(amount) >= 1000;
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: format.currency,
      notation: short ? "compact" : "standard",
      minimumFractionDigits: short || compact ? 0 : undefined,
      maximumFractionDigits: short ? 1 : compact && Math.abs(amount) >= 10 ? 0 : 2,
    }).format(amount);
  }
  if (format === "compact" || compact) {
    return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(value);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Dates are shown in UTC: buckets come from the server as UTC days, and must not shift with the viewer's zone. */
export function formatX(value: unknown, format: XFormat = "auto", long = false): string {
  if (format === "none") return String(value ?? "");
  const date = toDate(value);
  if (!date) return String(value ?? "");
  const mode = format === "auto" ? detect(value) : format;
  const month = MONTHS[date.getUTCMonth()] ?? "";
  if (mode === "month") return `${month} ${date.getUTCFullYear()}`;
  const day = `${month} ${date.getUTCDate()}`;
  if (mode === "datetime") {
    const time = `${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
    return long ? `${day}, ${date.getUTCFullYear()} ${time} UTC` : `${day} ${time}`;
  }
  return long ? `${day}, ${date.getUTCFullYear()}` : day;
}

function detect(value: unknown): Exclude<XFormat, "auto" | "none"> {
  if (typeof value === "string") {
    if (MONTH.test(value)) return "month";
    if (DAY.test(value)) return "day";
  }
  const date = toDate(value);
  if (date && (date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0)) return "datetime";
  return "day";
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string") return null;
  const month = MONTH.exec(value);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(DAY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}
