// The console's contract for providers, assignments and the legacy SMS-settings import: one schema
// feeds the dialog, the server action and the service. Credentials arrive as a plain string map and
// are checked against the per-kind schema in credentials.ts by the service, because on update a
// blank field means "keep the stored value" and only the service knows the stored one.
import { z } from "zod";
import { isCurrencyCode } from "@/lib/money";
import { emailProviderKinds, smsProviderKinds } from "./credentials";

export const providerChannelSchema = z.enum(["sms", "email"]);
export type ProviderChannel = z.infer<typeof providerChannelSchema>;

/** Field name → value as typed; secrets travel browser → server only, never back. */
const stringMap = z.record(z.string().max(100), z.string().max(4_000)).default({});

const commonFields = {
  name: z.string().trim().min(1, "Give the provider a name").max(80, "At most 80 characters"),
  credentials: stringMap,
  config: stringMap,
  costPerMessageMinor: z
    .number()
    .int("Whole minor units (e.g. cents)")
    .min(0, "Cannot be negative")
    .max(100_000_000, "Too large"),
  costCurrency: z.string().trim().toUpperCase().refine(isCurrencyCode, "An ISO 4217 code, e.g. USD"),
  throttlePerSecond: z.number().int().min(1, "At least 1 per second").max(10_000, "At most 10,000"),
};

const smsFields = {
  channel: z.literal("sms"),
  kind: z.enum(smsProviderKinds),
  /** Alphanumeric sender id (≤ 11) or a phone number. */
  senderId: z
    .string()
    .trim()
    .max(20, "At most 20 characters")
    .transform((v) => v || null)
    .nullable()
    .default(null),
};

const emailFields = {
  channel: z.literal("email"),
  kind: z.enum(emailProviderKinds),
  fromAddress: z
    .string()
    .trim()
    .min(3, "Required, e.g. Hearth <no-reply@hearth.example>")
    .max(200)
    .refine((v) => /[^@\s<]+@[^@\s>]+/.test(v), "An email address, optionally with a name"),
};

export const providerInputSchema = z.discriminatedUnion("channel", [
  z.object({ ...commonFields, ...smsFields }),
  z.object({ ...commonFields, ...emailFields }),
]);
export type ProviderInput = z.input<typeof providerInputSchema>;
export type ProviderValues = z.output<typeof providerInputSchema>;

const id = z.uuid("Unknown provider");

export const providerUpdateSchema = z.discriminatedUnion("channel", [
  z.object({ id, ...commonFields, ...smsFields }),
  z.object({ id, ...commonFields, ...emailFields }),
]);
export type ProviderUpdateInput = z.input<typeof providerUpdateSchema>;

export const providerRefSchema = z.object({ channel: providerChannelSchema, id });
export type ProviderRef = z.infer<typeof providerRefSchema>;

export const setProviderEnabledSchema = providerRefSchema.extend({ enabled: z.boolean() });

export const assignmentEntrySchema = z.object({
  providerId: z.uuid("Choose a provider"),
  sender: z
    .string()
    .trim()
    .max(200, "At most 200 characters")
    .transform((v) => v || null)
    .nullable()
    .optional(),
});

export const setTenantAssignmentsSchema = z.object({
  tenantId: z.uuid(),
  channel: providerChannelSchema,
  /** In failover order: the first is tried first. Empty = the platform default serves the tenant. */
  entries: z.array(assignmentEntrySchema).max(10, "At most 10 providers per channel"),
});
export type SetTenantAssignmentsInput = z.input<typeof setTenantAssignmentsSchema>;

/** One tenant's settings as the earlier system exported them. Credentials are checked per kind later. */
export const smsImportEntrySchema = z.object({
  tenantSlug: z.string().trim().min(1, "tenantSlug is required"),
  provider: z.enum(["twilio", "termii"], "provider must be twilio or termii"),
  credentials: z.record(z.string(), z.unknown(), "credentials must be an object"),
  senderId: z.string().trim().max(20).optional(),
  name: z.string().trim().min(1).max(80).optional(),
});
export type SmsImportEntry = z.infer<typeof smsImportEntrySchema>;

export const smsImportRequestSchema = z.object({
  json: z.string().max(1_000_000, "The file is larger than 1 MB"),
  dryRun: z.boolean(),
});
