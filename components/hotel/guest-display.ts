// Server-side helpers for showing guests: phone numbers in a readable international form, and the
// hint under the phone field. Kept out of client components so the phone metadata stays on the server.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js";
import type { Tenant } from "@/lib/tenants/queries";

/** "+2348031234567" → "+234 803 123 4567"; anything unparsable is shown as stored. */
export function formatPhone(e164: string | null): string | null {
  if (!e164) return null;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

function countryName(country: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(country) ?? country;
  } catch {
    return country;
  }
}

/** "Without +, numbers are read as Nigerian (+234)." — how the server will read what staff type. */
export function phoneHint(tenant: Pick<Tenant, "country">): string {
  const country = tenant.country.toUpperCase();
  if (!isSupportedCountry(country)) return "Include the country code, e.g. +44 20 7946 0958.";
  return `Numbers without a country code are read as ${countryName(country)} numbers (+${getCountryCallingCode(country)}).`;
}

/** The language part of the hotel's locale ("en-GB" → "en"): what a guest gets by default. */
export function hotelLanguage(tenant: Pick<Tenant, "locale">): string {
  return tenant.locale.split(/[-_]/)[0]?.toLowerCase() || "en";
}
