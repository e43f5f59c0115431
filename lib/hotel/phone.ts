// Guest phone numbers: typed the way staff write them ("0803 123 4567", "+44 20 7946 0958"),
// stored in E.164 ("+2348031234567") so the messaging module can text them. The "max" metadata
// checks the digits themselves, not only the length: a number we cannot text is refused here.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/max";

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

const takesThe =
  /^(United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Seychelles|Czech Republic|Dominican Republic|Central African Republic)/;

/** "Nigeria", "the United Kingdom". */
function countryName(country: string): string {
  let name = country;
  try {
    name = new Intl.DisplayNames(["en"], { type: "region" }).of(country) ?? country;
  } catch {
    // An unknown code: say the code.
  }
  return takesThe.test(name) ? `the ${name}` : name;
}

/**
 * Parses `raw` as a phone number, reading numbers without a country code as numbers of
 * `defaultCountry` (the hotel's country, ISO 3166 alpha-2).
 */
export function normalizePhone(raw: string, defaultCountry: string): PhoneResult {
  const text = raw.trim();
  const region = defaultCountry.toUpperCase();
  const parsed = parsePhoneNumberFromString(
    text,
    isSupportedCountry(region) ? { defaultCountry: region } : undefined,
  );
  if (parsed?.isValid()) return { ok: true, e164: parsed.number };
  if (text.startsWith("+") || !isSupportedCountry(region)) {
    return {
      ok: false,
      message: `"${text}" is not a valid phone number. Check the country code and the digits.`,
    };
  }
  return {
    ok: false,
    message: `"${text}" is not a valid phone number in ${countryName(region)} (+${getCountryCallingCode(region)}). For a number from abroad, start with + and its country code, e.g. +44 20 7946 0958.`,
  };
}
