/**
 * Countries offered when a hotel signs up or is created, with the currency and timezone a hotel
 * there most likely uses (both can be changed). Pure data: used by forms in the browser and by
 * the server's validation.
 */
export const regions = [
  { country: "US", name: "United States", currency: "USD", timezone: "America/New_York" },
  { country: "CA", name: "Canada", currency: "CAD", timezone: "America/Toronto" },
  { country: "MX", name: "Mexico", currency: "MXN", timezone: "America/Mexico_City" },
  { country: "BR", name: "Brazil", currency: "BRL", timezone: "America/Sao_Paulo" },
  { country: "AR", name: "Argentina", currency: "ARS", timezone: "America/Argentina/Buenos_Aires" },
  { country: "GB", name: "United Kingdom", currency: "GBP", timezone: "Europe/London" },
  { country: "IE", name: "Ireland", currency: "EUR", timezone: "Europe/Dublin" },
  { country: "FR", name: "France", currency: "EUR", timezone: "Europe/Paris" },
  { country: "DE", name: "Germany", currency: "EUR", timezone: "Europe/Berlin" },
  { country: "ES", name: "Spain", currency: "EUR", timezone: "Europe/Madrid" },
  { country: "PT", name: "Portugal", currency: "EUR", timezone: "Europe/Lisbon" },
  { country: "IT", name: "Italy", currency: "EUR", timezone: "Europe/Rome" },
  { country: "NL", name: "Netherlands", currency: "EUR", timezone: "Europe/Amsterdam" },
  { country: "GR", name: "Greece", currency: "EUR", timezone: "Europe/Athens" },
  { country: "CH", name: "Switzerland", currency: "CHF", timezone: "Europe/Zurich" },
  { country: "SE", name: "Sweden", currency: "SEK", timezone: "Europe/Stockholm" },
  { country: "NO", name: "Norway", currency: "NOK", timezone: "Europe/Oslo" },
  { country: "DK", name: "Denmark", currency: "DKK", timezone: "Europe/Copenhagen" },
  { country: "PL", name: "Poland", currency: "PLN", timezone: "Europe/Warsaw" },
  { country: "TR", name: "Türkiye", currency: "TRY", timezone: "Europe/Istanbul" },
  { country: "NG", name: "Nigeria", currency: "NGN", timezone: "Africa/Lagos" },
  { country: "GH", name: "Ghana", currency: "GHS", timezone: "Africa/Accra" },
  { country: "KE", name: "Kenya", currency: "KES", timezone: "Africa/Nairobi" },
  { country: "ZA", name: "South Africa", currency: "ZAR", timezone: "Africa/Johannesburg" },
  { country: "EG", name: "Egypt", currency: "EGP", timezone: "Africa/Cairo" },
  { country: "MA", name: "Morocco", currency: "MAD", timezone: "Africa/Casablanca" },
  { country: "AE", name: "United Arab Emirates", currency: "AED", timezone: "Asia/Dubai" },
  { country: "SA", name: "Saudi Arabia", currency: "SAR", timezone: "Asia/Riyadh" },
  { country: "IN", name: "India", currency: "INR", timezone: "Asia/Kolkata" },
  { country: "TH", name: "Thailand", currency: "THB", timezone: "Asia/Bangkok" },
  { country: "ID", name: "Indonesia", currency: "IDR", timezone: "Asia/Jakarta" },
  { country: "SG", name: "Singapore", currency: "SGD", timezone: "Asia/Singapore" },
  { country: "JP", name: "Japan", currency: "JPY", timezone: "Asia/Tokyo" },
  { country: "AU", name: "Australia", currency: "AUD", timezone: "Australia/Sydney" },
  { country: "NZ", name: "New Zealand", currency: "NZD", timezone: "Pacific/Auckland" },
] as const;

export type Region = (typeof regions)[number];
export type CountryCode = Region["country"];

export const countryCodes = regions.map((r) => r.country) as [CountryCode, ...CountryCode[]];

/** The currencies of the listed countries, plus USD/EUR/GBP which hotels anywhere often bill in. */
export const currencyCodes: readonly string[] = [
  ...new Set(["USD", "EUR", "GBP", ...regions.map((r) => r.currency)]),
].sort();

export function regionOf(country: string): Region | undefined {
  return regions.find((r) => r.country === country);
}
