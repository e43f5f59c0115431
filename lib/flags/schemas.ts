import { z } from "zod";
import { BUCKETS } from "./bucket";

/** Flag keys are referenced by code, plans' feature lists and menu items, so they are plain and stable. */
export const flagKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.-]{2,60}$/, "2–60 characters: lowercase letters, digits, '_', '.' or '-'");

const descriptionSchema = z.string().trim().max(500, "At most 500 characters");

/** Lists in one rule stay small enough to read in the console; segments beyond that belong to plans. */
export const MAX_RULES = 20;
export const MAX_RULE_TENANTS = 1_000;
const MAX_RULE_PLANS = 50;

const planCodeSchema = z.string().trim().min(1, "Required").max(60);

function noDuplicates(list: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((value, i) => {
    if (seen.has(value)) ctx.addIssue({ code: "custom", path: [i], message: `"${value}" is listed twice` });
    seen.add(value);
  });
}

/** One targeting rule: the shape stored in platform_feature_flags.rules (see db/schema/flags.ts). */
export const flagRuleSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("tenants"),
    tenantIds: z
      .array(z.uuid("Not a tenant id"))
      .min(1, "Pick at least one hotel")
      .max(MAX_RULE_TENANTS, `At most ${MAX_RULE_TENANTS} hotels per rule`)
      .superRefine(noDuplicates),
    enabled: z.boolean(),
  }),
  z.object({
    type: z.literal("plans"),
    planCodes: z
      .array(planCodeSchema)
      .min(1, "Pick at least one plan")
      .max(MAX_RULE_PLANS, `At most ${MAX_RULE_PLANS} plans per rule`)
      .superRefine(noDuplicates),
    enabled: z.boolean(),
  }),
  z.object({
    type: z.literal("percentage"),
    basisPoints: z
      .number()
      .int("Whole basis points (0.01% steps)")
      .min(0, "At least 0%")
      .max(BUCKETS, "At most 100%"),
  }),
]);

export const flagRulesSchema = z.array(flagRuleSchema).max(MAX_RULES, `At most ${MAX_RULES} rules`);

/** A new flag. Rules, overrides and the kill switch are set afterwards, each with its own audit entry. */
export const flagCreateSchema = z.object({
  key: flagKeySchema,
  description: descriptionSchema.default(""),
  defaultEnabled: z.boolean().default(false),
});
export type FlagCreateInput = z.input<typeof flagCreateSchema>;

/** A change to a flag found by key. The key never changes: code, plans and menus refer to it. */
export const flagUpdateSchema = z.object({
  key: flagKeySchema,
  description: descriptionSchema.optional(),
  defaultEnabled: z.boolean().optional(),
});
export type FlagUpdateInput = z.input<typeof flagUpdateSchema>;

export const flagRulesInputSchema = z.object({ key: flagKeySchema, rules: flagRulesSchema });
export type FlagRulesInput = z.input<typeof flagRulesInputSchema>;

export const flagKillSchema = z.object({
  key: flagKeySchema,
  killed: z.boolean(),
  reason: z.string().trim().max(500, "At most 500 characters").default(""),
});
export type FlagKillInput = z.input<typeof flagKillSchema>;

export const flagRefSchema = z.object({ key: flagKeySchema });
export type FlagRef = z.input<typeof flagRefSchema>;

export const flagOverrideInputSchema = z.object({
  key: flagKeySchema,
  tenantId: z.uuid("Pick a hotel"),
  enabled: z.boolean(),
  // An override outlives the reason it was made for; the next admin needs to know it.
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
});
export type FlagOverrideInput = z.input<typeof flagOverrideInputSchema>;

export const flagOverrideRefSchema = z.object({ key: flagKeySchema, tenantId: z.uuid("Pick a hotel") });
export type FlagOverrideRef = z.input<typeof flagOverrideRefSchema>;
