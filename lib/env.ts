import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional(),
    HEARTH_DATA_DIR: z.string().min(1).default(".data"),
    ROOT_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, "must be a host name with an optional port, e.g. localhost:3000")
      .default("localhost:3000"),
    PUBLIC_PROTOCOL: z.enum(["http", "https"]).default("http"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    HEARTH_SEED_DEMO: flag,
    INNGEST_DEV: z.string().optional(),
    INNGEST_BASE_URL: z.url().optional(),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    HEARTH_DISABLE_CRONS: flag,
    /** First retry delay of the embedded job runner; doubles per attempt. */
    HEARTH_RUNNER_BACKOFF_MS: z.coerce.number().int().min(0).default(5_000),
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must be a Stripe secret key (sk_…)").optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .startsWith("whsec_", "must be a Stripe webhook secret (whsec_…)")
      .optional(),
    /** Replaces https://api.stripe.com (a local fake in tests). */
    STRIPE_API_BASE: z.url().optional(),
    PAYSTACK_SECRET_KEY: z.string().startsWith("sk_", "must be a Paystack secret key (sk_…)").optional(),
    /** Replaces https://api.paystack.co (a local fake in tests). */
    PAYSTACK_BASE_URL: z.url().default("https://api.paystack.co"),
    /** "id:base64key,…" (32-byte keys): the first seals provider credentials, all of them open. */
    HEARTH_ENCRYPTION_KEYS: z
      .string()
      .regex(
        /^\s*[\w-]+:[A-Za-z0-9+/=]+\s*(,\s*[\w-]+:[A-Za-z0-9+/=]+\s*)*$/,
        "must be id:base64key[,id:base64key…]",
      )
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.HEARTH_ENCRYPTION_KEYS) {
      ctx.addIssue({
        code: "custom",
        path: ["HEARTH_ENCRYPTION_KEYS"],
        message: "is required in production",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment, throwing one readable error that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Embedded mode: no Inngest server configured, so the in-process runner handles events and crons. */
export function inngestConfigured(e: Env = env()): boolean {
  return Boolean(e.INNGEST_DEV || e.INNGEST_BASE_URL || e.INNGEST_EVENT_KEY || e.INNGEST_SIGNING_KEY);
}
