import { z } from "zod";
import { billingInterval } from "@/db/schema/tenants";
import { slugSchema } from "./slug";

// The contract for creating and editing hotels: the console's forms, server actions, the REST
// API and its OpenAPI document all use these schemas. They validate without transforming, so the
// OpenAPI document (built with z.toJSONSchema) describes exactly what the API accepts.

/** Same bound as lib/auth/password.ts (not imported: it pulls argon2, and forms import this file). */
const MAX_PASSWORD_LENGTH = 1024;

const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
/** Codes CLDR names that are not countries (unknown region, EU, UN…) or are only exceptionally reserved (UK). */
const notCountries = new Set(["ZZ", "EU", "EZ", "UN", "UK", "QO"]);

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !notCountries.has(code) && regions.of(code) !== undefined;
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

export function isCurrencyCode(code: string): boolean {
  return currencies.has(code);
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "Use an ISO 3166-1 alpha-2 code in capitals, e.g. US")
  .refine(isCountryCode, "Not a known ISO 3166-1 country code");

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "Use an ISO 4217 code in capitals, e.g. USD")
  .refine(isCurrencyCode, "Not a known ISO 4217 currency code");

export const timezoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, "Not a known IANA time zone, e.g. Europe/Lisbon");

export const localeSchema = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a BCP 47 language tag, e.g. en or pt-BR")
  .refine(isLocale, "Not a valid BCP 47 language tag");

const nameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(100, "Use at most 100 characters");
const emailSchema = z.email("Enter a valid email address").max(254);
const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9][0-9 ().-]{4,30}$/, "Enter a phone number, e.g. +1 555 0100");

/** Archived plans keep their code; the service refuses them. */
export const planCodeSchema = z.string().min(1).max(64);

export const tenantOwnerSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter the owner's name").max(100),
  /** Optional: an owner created without one gets an invitation to set it (a later module). */
  password: z
    .string()
    .min(8, "Use at least 8 characters")
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`)
    .optional(),
});

export const createTenantSchema = z.object({
  name: nameSchema,
  slug: slugSchema,
  contactEmail: emailSchema,
  contactPhone: phoneSchema.optional(),
  country: countrySchema,
  currency: currencySchema,
  timezone: timezoneSchema,
  locale: localeSchema,
  /** Omitted: the default plan (the one self-service signups get). */
  planCode: planCodeSchema.optional(),
  billingInterval: z.enum(billingInterval.enumValues).optional(),
  owner: tenantOwnerSchema,
});

/** At most 64 KB of settings: they are read with the tenant on every request. */
const MAX_SETTINGS_BYTES = 64 * 1024;

export const tenantSettingsSchema = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((s) => JSON.stringify(s).length <= MAX_SETTINGS_BYTES, "Settings are larger than 64 KB");

/**
 * A partial update. `settings` is merged key by key into the current settings (a `null` value
 * removes the key), so an editor cannot drop keys other modules keep there by accident.
 * Status is not here: it changes only through the lifecycle (suspend, activate, delete).
 */
export const updateTenantSchema = z
  .object({
    name: nameSchema,
    contactEmail: emailSchema,
    contactPhone: phoneSchema.nullable(),
    country: countrySchema,
    currency: currencySchema,
    timezone: timezoneSchema,
    locale: localeSchema,
    settings: tenantSettingsSchema,
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one field to change");

export const suspendTenantSchema = z.object({
  reason: z.string().trim().min(3, "Give a reason of at least 3 characters").max(500),
});

/** Activation and deletion may carry a reason for the audit log. */
export const tenantTransitionSchema = z.object({
  reason: z.string().trim().min(1).max(500).optional(),
});

export type CreateTenantInput = z.infer<typeof createTenantSchema>;
export type UpdateTenantInput = z.infer<typeof updateTenantSchema>;
export type SuspendTenantInput = z.infer<typeof suspendTenantSchema>;
export type TenantTransitionInput = z.infer<typeof tenantTransitionSchema>;
