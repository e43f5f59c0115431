// The contract of the add-on catalogue and of a purchase: one schema for the console form, the
// server actions and the service. Prices are integer minor units of their currency (lib/money.ts).
import { z } from "zod";
import { addonBilling, addonKind } from "@/db/schema/marketplace";
import { flagKeySchema } from "@/lib/flags/schemas";
import { currencySchema } from "@/lib/plans/schemas";

/** Postgres `integer` columns hold up to 2^31 − 1. */
const INT4_MAX = 2_147_483_647;

export const addonKindSchema = z.enum(addonKind.enumValues);
export const addonBillingSchema = z.enum(addonBilling.enumValues);
export type AddonKind = z.infer<typeof addonKindSchema>;
export type AddonBilling = z.infer<typeof addonBillingSchema>;

export const addonCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{2,40}$/, "Use 2–40 lowercase letters, digits, - or _");

export const addonPriceSchema = z.object({
  currency: currencySchema,
  amountMinor: z
    .number({ error: "The price must be a whole number of minor units" })
    .int("The price must be a whole number of minor units")
    .positive("The price must be more than zero")
    .max(INT4_MAX, "The price is too large"),
});
export type AddonPrice = z.infer<typeof addonPriceSchema>;

const addonFieldsSchema = z.object({
  code: addonCodeSchema,
  name: z.string().trim().min(1, "Give the add-on a name").max(80, "At most 80 characters"),
  description: z.string().trim().max(500, "At most 500 characters").default(""),
  kind: addonKindSchema,
  /** SMS bundles: credits per unit bought. Ignored (stored as null) for feature add-ons. */
  smsCredits: z
    .number({ error: "Credits must be a whole number" })
    .int("Credits must be a whole number")
    .max(10_000_000, "At most 10,000,000 credits per bundle")
    .nullable()
    .default(null),
  /** Feature add-ons: the flag switched on for the buyer. Ignored for SMS bundles. */
  featureFlagKey: flagKeySchema.nullable().default(null),
  billing: addonBillingSchema.default("one_off"),
  isActive: z.boolean().default(true),
  sortOrder: z.number().int("Order must be a whole number").min(-10_000).max(10_000).default(0),
  prices: z
    .array(addonPriceSchema)
    .min(1, "Give at least one price")
    .max(30, "At most 30 currencies")
    .refine((prices) => new Set(prices.map((p) => p.currency)).size === prices.length, "Each currency once"),
});

type AddonFields = z.output<typeof addonFieldsSchema>;

/** The rules that tie fields together, reported on the field to fix. */
function checkKind(addon: AddonFields, ctx: z.RefinementCtx): void {
  if (addon.kind === "sms_bundle") {
    if (addon.smsCredits === null || addon.smsCredits <= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["smsCredits"],
        message: "An SMS bundle grants at least 1 credit",
      });
    }
    if (addon.billing === "recurring") {
      ctx.addIssue({
        code: "custom",
        path: ["billing"],
        message: "SMS bundles are one-off purchases; only feature add-ons recur",
      });
    }
  } else if (!addon.featureFlagKey) {
    ctx.addIssue({
      code: "custom",
      path: ["featureFlagKey"],
      message: "Pick the feature flag this add-on turns on",
    });
  }
}

/** Stores only the field that belongs to the kind: a bundle has no flag, a feature no credits. */
function normalise<T extends AddonFields>(addon: T): T {
  return addon.kind === "sms_bundle" ? { ...addon, featureFlagKey: null } : { ...addon, smsCredits: null };
}

export const addonInputSchema = addonFieldsSchema.superRefine(checkKind).transform(normalise);
export type AddonInput = z.input<typeof addonInputSchema>;
export type AddonValues = z.output<typeof addonInputSchema>;

/** Edits replace every field, prices included (the dialog sends the whole add-on). */
export const addonUpdateSchema = addonFieldsSchema
  .extend({ id: z.uuid() })
  .superRefine(checkKind)
  .transform(normalise);
export type AddonUpdate = z.input<typeof addonUpdateSchema>;

export const addonRefSchema = z.object({ id: z.uuid() });
export const setAddonActiveSchema = z.object({ id: z.uuid(), isActive: z.boolean() });

/** Most units of one SMS bundle in one order; feature add-ons are bought one at a time. */
export const MAX_BUNDLE_QUANTITY = 100;

export const purchaseInputSchema = z.object({
  addonId: z.uuid("Pick an add-on"),
  quantity: z
    .number({ error: "The quantity must be a whole number" })
    .int("The quantity must be a whole number")
    .min(1, "Buy at least 1")
    .max(MAX_BUNDLE_QUANTITY, `At most ${MAX_BUNDLE_QUANTITY} at a time`)
    .default(1),
  /** Bill on the next invoice instead of paying now (feature add-ons only; see purchase.ts). */
  onAccount: z.boolean().default(false),
});
export type PurchaseInput = z.input<typeof purchaseInputSchema>;
