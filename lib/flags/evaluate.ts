import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformFeatureFlags } from "@/db/schema";

/**
 * The feature flags that are on for a tenant (or for the console, with `tenantId: null`).
 * Minimal on purpose: a flag is on when it is on by default and not killed. Issue 3 replaces the
 * body with ordered rules (tenant list, plan list, percentage rollout), per-tenant overrides and
 * caching; the signature stays, so callers such as the menus do not change.
 */
export async function getEnabledFlags(
  db: Queryable,
  _opts: { tenantId: string | null },
): Promise<Set<string>> {
  const rows = await db
    .select({ key: platformFeatureFlags.key })
    .from(platformFeatureFlags)
    .where(and(eq(platformFeatureFlags.defaultEnabled, true), eq(platformFeatureFlags.killed, false)));
  return new Set(rows.map((r) => r.key));
}
