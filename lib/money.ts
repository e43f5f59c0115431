// Money is an integer count of a currency's minor units (cents, fils, yen) plus an ISO 4217 code.
// Nothing here multiplies or divides floats: amounts are split into digits as strings, and Intl
// formats the exact decimal string (NumberFormat accepts strings and keeps every digit).

const exponentCache = new Map<string, number>();

/** ISO 4217 codes this runtime knows (Intl's list), e.g. for validating a plan's currency. */
export const supportedCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && supportedCurrencies.has(value);
}

/** Digits after the decimal point in the currency's major unit: JPY 0, USD 2, KWD 3. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  const known = exponentCache.get(code);
  if (known !== undefined) return known;
  const exponent = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
    .maximumFractionDigits;
  if (exponent === undefined) throw new RangeError(`No minor unit known for currency ${code}`);
  exponentCache.set(code, exponent);
  return exponent;
}

/** The exact decimal string of an amount in minor units: (4990, 2) → "49.90", (-5, 2) → "-0.05". */
export function minorToDecimalString(minor: number, exponent: number): string {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`Money must be an integer of minor units, got ${minor}`);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** "$49.90", "¥1,234", "KWD 1.500" — formatted for `locale` with the currency's own minor unit. */
export function formatMoney(minor: number, currency: string, locale = "en"): string {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: code,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return formatter.format(minorToDecimalString(minor, exponent) as `${number}`);
}

/** The amount in major units as a plain decimal for form fields: (4990, "USD") → "49.90". */
export function toMajorString(minor: number, currency: string): string {
  return minorToDecimalString(minor, currencyExponent(currency));
}

export class MoneyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyParseError";
  }
}

/**
 * Parses a decimal string in major units into minor units, without floats: ("49.90", "USD") → 4990,
 * ("49.9", "USD") → 4990, ("1500", "JPY") → 1500. Refuses more decimals than the currency has
 * ("49.999" USD, "1.5" JPY), thousands separators and anything that is not a plain decimal.
 */
export function toMinor(major: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(major.trim());
  if (!match) throw new MoneyParseError(`"${major}" is not an amount; write it like 49.90`);
  const [, sign = "", whole = "", fraction = ""] = match;
  if (fraction.length > exponent) {
    throw new MoneyParseError(
      exponent === 0
        ? `${currency.toUpperCase()} amounts have no decimals`
        : `${currency.toUpperCase()} amounts have at most ${exponent} decimal${exponent === 1 ? "" : "s"}`,
    );
  }
  const digits = `${whole}${fraction.padEnd(exponent, "0")}`.replace(/^0+(?=\d)/, "");
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) throw new MoneyParseError(`"${major}" is too large`);
  return sign === "-" && minor !== 0 ? -minor : minor;
}
