import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformTenants } from "@/db/schema";

/**
 * Subdomains the platform keeps for itself, or that would confuse people (a hotel at
 * `login.hearth.app` or `support.hearth.app` could phish other hotels' staff).
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  "about",
  "account",
  "accounts",
  "admin",
  "administrator",
  "api",
  "app",
  "apps",
  "assets",
  "auth",
  "billing",
  "blog",
  "cdn",
  "console",
  "dashboard",
  "dev",
  "docs",
  "email",
  "ftp",
  "hearth",
  "help",
  "imap",
  "img",
  "images",
  "internal",
  "login",
  "logout",
  "mail",
  "media",
  "mx",
  "news",
  "ns1",
  "ns2",
  "oauth",
  "password",
  "platform",
  "pop",
  "portal",
  "pricing",
  "register",
  "root",
  "security",
  "signin",
  "signup",
  "smtp",
  "staging",
  "static",
  "status",
  "support",
  "system",
  "t",
  "test",
  "webhooks",
  "webmail",
  "www",
]);

export function isReservedSlug(slug: string): boolean {
  return reservedSlugs.has(slug);
}

const SLUG_FORMAT = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * A hotel's subdomain. Stricter than DNS on purpose: lowercase only (hosts are case-insensitive,
 * so `Grandview` and `grandview` must not be two hotels) and no `--` (reserved for punycode
 * `xn--` labels, which could spoof another hotel's name).
 */
export const slugSchema = z
  .string()
  .min(3, "Use at least 3 characters")
  .max(40, "Use at most 40 characters")
  .regex(SLUG_FORMAT, "Use lowercase letters, digits and hyphens, not starting or ending with a hyphen")
  .refine((s) => !s.includes("--"), "Do not use two hyphens in a row")
  .refine((s) => !isReservedSlug(s), { message: "This subdomain is reserved", abort: true });

export type SlugCheck = { available: boolean; reason?: string };

/**
 * Whether a subdomain can be given to a new hotel: well-formed, not reserved and not taken.
 * Soft-deleted hotels keep their slug, so their old links never reach a different hotel.
 * The answer is advisory (another signup may take the slug a moment later); the unique index decides.
 */
export async function checkSlug(db: Queryable, slug: string): Promise<SlugCheck> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success)
    return { available: false, reason: parsed.error.issues[0]?.message ?? "Invalid subdomain" };
  const [row] = await db
    .select({ id: platformTenants.id })
    .from(platformTenants)
    .where(eq(platformTenants.slug, parsed.data))
    .limit(1);
  if (row) return { available: false, reason: "This subdomain is taken" };
  return { available: true };
}
