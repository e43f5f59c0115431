// The contract of a plan: one schema for the console form, its server actions and any REST body.
// Money fields are integer minor units of `currency` (see lib/money.ts); limits left out are unlimited.
import { z } from "zod";
import { billingInterval } from "@/db/schema/tenants";
import { isCurrencyCode } from "@/lib/money";
import { limitKeys } from "./limit-keys";

/** Postgres `integer` columns hold up to 2^31 − 1. */
const INT4_MAX = 2_147_483_647;

const count = (what: string) =>
  z
    .number({ error: `${what} must be a whole number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`)
    .max(INT4_MAX, `${what} is too large`);

export const planCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{2,40}$/, "Use 2–40 lowercase letters, digits, - or _");

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "Use a three-letter ISO 4217 currency code, e.g. USD");

export const featureKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.-]+$/, "Feature keys use lowercase letters, digits, dot, - or _")
  .max(80, "Feature keys are at most 80 characters");

/** Absent = unlimited. */
export const planLimitsSchema = z
  .object(
    Object.fromEntries(limitKeys.map((k) => [k, count("A limit").optional()])) as {
      [K in (typeof limitKeys)[number]]: z.ZodOptional<ReturnType<typeof count>>;
    },
  )
  .strict();

export type PlanLimits = z.infer<typeof planLimitsSchema>;

export const billingIntervalSchema = z.enum(billingInterval.enumValues);
export type BillingInterval = z.infer<typeof billingIntervalSchema>;

const descriptionSchema = z.string().trim().max(500, "At most 500 characters");
const featuresSchema = z
  .array(featureKeySchema)
  .max(50, "At most 50 features")
  .refine((keys) => new Set(keys).size === keys.length, "Each feature once");

/** Every field of a plan, none defaulted (so that `.partial()` leaves absent fields absent). */
const planFieldsSchema = z.object({
  code: planCodeSchema,
  name: z.string().trim().min(1, "Give the plan a name").max(80, "At most 80 characters"),
  description: descriptionSchema,
  currency: currencySchema,
  monthlyPriceMinor: count("The monthly price"),
  yearlyPriceMinor: count("The yearly price"),
  includedSms: count("Included SMS"),
  smsOveragePriceMinor: count("The SMS overage price"),
  limits: planLimitsSchema,
  features: featuresSchema,
  trialDays: z
    .number({ error: "Trial days must be a whole number" })
    .int("Trial days must be a whole number")
    .min(0, "Trial days cannot be negative")
    .max(90, "Trials last at most 90 days"),
  trialSmsCredits: count("Trial SMS credits"),
  trialEndAction: z.enum(["activate", "suspend"]),
  isPublic: z.boolean(),
  isActive: z.boolean(),
  sortOrder: z.number().int("Order must be a whole number").min(-10_000).max(10_000),
});

export const planInputSchema = planFieldsSchema.extend({
  description: descriptionSchema.default(""),
  limits: planLimitsSchema.default({}),
  features: featuresSchema.default([]),
});

export type PlanInput = z.input<typeof planInputSchema>;
export type PlanValues = z.output<typeof planInputSchema>;

/** An edit: the plan's id and the fields that change; absent fields keep their value. */
export const planUpdateSchema = planFieldsSchema.partial().extend({ id: z.uuid() });
export type PlanUpdate = z.input<typeof planUpdateSchema>;

export const planRefSchema = z.object({ id: z.uuid() });

/** What a tenant (or an admin on its behalf) asks for. */
export const planChangeRequestSchema = z.object({
  toPlanCode: planCodeSchema,
  toInterval: billingIntervalSchema,
});
export type PlanChangeRequest = z.infer<typeof planChangeRequestSchema>;
