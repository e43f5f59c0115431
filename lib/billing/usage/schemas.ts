import { z } from "zod";
import { usageMetric } from "@/db/schema/billing";

export const usageMetricSchema = z.enum(usageMetric.enumValues);
export type UsageMetric = z.infer<typeof usageMetricSchema>;

/** Counters add up over a day; gauges are snapshots whose daily value is the day's highest. */
export const counterMetrics = ["sms_segments", "emails"] as const satisfies readonly UsageMetric[];
export const gaugeMetrics = ["active_staff", "rooms", "storage_mb"] as const satisfies readonly UsageMetric[];

const INT4_MAX = 2_147_483_647;

export const recordUsageSchema = z.object({
  tenantId: z.uuid(),
  metric: usageMetricSchema,
  quantity: z.number().int().min(0).max(INT4_MAX),
  occurredAt: z.date(),
  idempotencyKey: z.string().trim().min(1).max(200),
});
export type RecordUsageInput = z.input<typeof recordUsageSchema>;

export const usageAdjustmentSchema = z.object({
  tenantId: z.uuid(),
  metric: usageMetricSchema,
  /** Signed: a negative quantity takes usage back (e.g. SMS a carrier did not deliver and refunded). */
  quantity: z
    .number()
    .int()
    .min(-INT4_MAX)
    .max(INT4_MAX)
    .refine((n) => n !== 0, "An adjustment cannot be zero."),
  occurredAt: z.date(),
  note: z.string().trim().min(3, "Say why usage is adjusted (3 characters at least).").max(500),
  /** Lets a retried form submission apply once; a fresh reference is made otherwise. */
  reference: z.string().trim().min(1).max(200).optional(),
});
export type UsageAdjustmentInput = z.input<typeof usageAdjustmentSchema>;
