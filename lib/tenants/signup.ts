import { and, count, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/connect";
import { platformAuditStream, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { MAX_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { tenantUrl } from "@/lib/tenancy/host";
import { provisionTenant } from "./provision";
import { countrySchema, createTenantSchema, currencySchema, timezoneSchema } from "./schemas";
import { checkSlug, type SlugCheck, slugSchema } from "./slug";

// Self-service signup on the root domain: a hotel, its owner account and a trial of the default
// plan, through the same provisioning as the console and the API. Idempotent per form (the form's
// token) and per hotel (same subdomain and owner email), and rate limited per IP.

export const SIGNUP_PASSWORD_MIN = 10;

export const signupSchema = z.object({
  hotelName: createTenantSchema.shape.name,
  slug: slugSchema,
  ownerName: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email: z.email("Enter a valid email address").max(254, "Use at most 254 characters"),
  password: z
    .string()
    .min(SIGNUP_PASSWORD_MIN, `Use at least ${SIGNUP_PASSWORD_MIN} characters`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`),
  country: countrySchema,
  currency: currencySchema,
  timezone: timezoneSchema,
  acceptTerms: z.literal(true, "Accept the terms to create your hotel"),
  /** Generated when the form is rendered: every submission of that form is the same signup. */
  idempotencyToken: z.uuid("This form has expired: reload the page and try again"),
});

export type SignupInput = z.infer<typeof signupSchema>;
export type SignupField = keyof SignupInput;

/** Signups per client IP per hour. Hotels sign up once; scripts sign up many times. */
export const SIGNUP_RATE_LIMIT = { max: 5, windowMs: 60 * 60 * 1000 } as const;

export type SignupResult =
  | {
      ok: true;
      tenant: { id: string; slug: string; name: string };
      ownerUserId: string;
      created: boolean;
      /** The new portal's sign-in page, with a welcome note and the email filled in. */
      loginUrl: string;
    }
  | {
      ok: false;
      code: "INVALID" | "CONFLICT" | "RATE_LIMITED";
      message: string;
      fieldErrors: Partial<Record<SignupField, string>>;
    };

type RequestInfo = { ip: string | null; userAgent: string | null; now?: Date };

const fieldOf: Record<string, SignupField> = {
  name: "hotelName",
  slug: "slug",
  contactEmail: "email",
  "owner.email": "email",
  "owner.name": "ownerName",
  "owner.password": "password",
  country: "country",
  currency: "currency",
  timezone: "timezone",
  idempotencyKey: "idempotencyToken",
};

function failure(
  code: "INVALID" | "CONFLICT" | "RATE_LIMITED",
  message: string,
  field?: string,
): SignupResult & { ok: false } {
  const key = field
    ? (fieldOf[field] ?? (Object.hasOwn(signupSchema.shape, field) ? (field as SignupField) : undefined))
    : undefined;
  return { ok: false, code, message, fieldErrors: key ? { [key]: message } : {} };
}

/** Tenants this IP signed up within the window, counted from the audit stream's `tenant.create` rows. */
export async function countRecentSignups(db: Queryable, opts: { ip: string; now: Date }): Promise<number> {
  const a = platformAuditStream;
  const [row] = await db
    .select({ n: count() })
    .from(a)
    .where(
      and(
        eq(a.action, "tenant.create"),
        eq(a.ip, opts.ip),
        sql`${a.summary}->>'source' = 'signup'`,
        gte(a.occurredAt, new Date(opts.now.getTime() - SIGNUP_RATE_LIMIT.windowMs)),
      ),
    );
  return row?.n ?? 0;
}

/**
 * An existing account may own another hotel only when the password typed is its password;
 * otherwise anyone could attach a hotel to someone else's email.
 */
async function checkExistingAccount(db: Queryable, email: string, password: string): Promise<boolean> {
  const [existing] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return !existing || verifyPassword(existing.passwordHash, password);
}

/**
 * Signs a hotel up. Returns per-field errors for the form rather than throwing; the only throws
 * are unexpected failures. A retried or double-submitted form returns the first result.
 */
export async function signUp(db: Db, rawInput: unknown, request: RequestInfo): Promise<SignupResult> {
  const parsed = signupSchema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<SignupField, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === "string" && key in signupSchema.shape)
        fieldErrors[key as SignupField] ??= issue.message;
    }
    return { ok: false, code: "INVALID", message: "Please correct the fields marked below.", fieldErrors };
  }
  const input = parsed.data;
  const now = request.now ?? new Date();

  // An unknown IP (no proxy header) is not limited here: one bucket for all of them would let one
  // visitor block every signup. Deployments put a proxy in front that sets X-Forwarded-For.
  if (request.ip && (await countRecentSignups(db, { ip: request.ip, now })) >= SIGNUP_RATE_LIMIT.max) {
    return failure(
      "RATE_LIMITED",
      "Too many signups from your network in the last hour. Please try again later.",
    );
  }
  if (!(await checkExistingAccount(db, input.email, input.password))) {
    return failure(
      "CONFLICT",
      "An account with this email already exists. Enter its password to add a hotel to it, or use another email.",
      "email",
    );
  }

  // The owner's account may not exist yet: the signup itself is the actor, labelled with the email.
  const actor: Actor = {
    kind: "system",
    userId: null,
    label: `signup:${input.email.toLowerCase()}`,
    ip: request.ip,
    userAgent: request.userAgent,
  };
  try {
    const { tenant, ownerUserId, created } = await provisionTenant(db, {
      input: {
        name: input.hotelName,
        slug: input.slug,
        contactEmail: input.email,
        country: input.country,
        currency: input.currency,
        timezone: input.timezone,
        locale: "en",
        owner: { email: input.email, name: input.ownerName, password: input.password },
      },
      actor,
      source: "signup",
      idempotencyKey: input.idempotencyToken,
      now,
    });
    const e = env();
    const login = `/login?welcome=1&email=${encodeURIComponent(input.email)}`;
    return {
      ok: true,
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      ownerUserId,
      created,
      loginUrl: tenantUrl(tenant.slug, e.ROOT_DOMAIN, e.PUBLIC_PROTOCOL, login),
    };
  } catch (error) {
    if (error instanceof AppError && (error.code === "INVALID" || error.code === "CONFLICT")) {
      return failure(error.code, error.message, error.field);
    }
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      return failure("INVALID", issue?.message ?? "Some of the data is invalid.", issue?.path.join("."));
    }
    throw error;
  }
}

export type SlugAvailability = SlugCheck & { suggestion?: string };

/**
 * The live check behind the signup form's subdomain field. When a well-formed subdomain is taken,
 * suggests a free variant (`grandview-2`, …); reserved or malformed ones get only the reason.
 */
export async function checkSlugWithSuggestion(db: Queryable, slug: string): Promise<SlugAvailability> {
  const result = await checkSlug(db, slug);
  // Only a well-formed, unreserved subdomain that is unavailable is a taken one.
  if (result.available || !slugSchema.safeParse(slug).success) return result;
  for (let n = 2; n <= 9; n++) {
    const candidate = `${slug.slice(0, 40 - 2)}-${n}`;
    if ((await checkSlug(db, candidate)).available) return { ...result, suggestion: candidate };
  }
  return result;
}
