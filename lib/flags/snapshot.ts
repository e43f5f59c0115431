import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformFeatureFlagOverrides, platformFeatureFlags } from "@/db/schema";
import { cachedFlagSnapshot } from "./cache";
import type { EvaluableRule, FlagDefinition, TenantOverrides } from "./types";

/** Everything evaluation reads, held in memory: flags in key order and overrides by tenant. */
export type FlagSnapshot = {
  flags: readonly FlagDefinition[];
  byKey: ReadonlyMap<string, FlagDefinition>;
  overridesByTenant: ReadonlyMap<string, TenantOverrides>;
};

export type StoredFlag = { key: string; defaultEnabled: boolean; killed: boolean; rules: unknown };
export type StoredOverride = { flagKey: string; tenantId: string; enabled: boolean };

// Lenient on purpose: the services validated what they wrote, and limits may change later; this only
// guards against rows written by hand that evaluation could not read at all.
const storedRuleSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("tenants"), tenantIds: z.array(z.string()), enabled: z.boolean() }),
  z.object({ type: z.literal("plans"), planCodes: z.array(z.string()), enabled: z.boolean() }),
  z.object({ type: z.literal("percentage"), basisPoints: z.number() }),
]);

// A rule nobody can match: takes the place of an unreadable one so that later rules keep their index.
const inertRule: EvaluableRule = { type: "percentage", basisPoints: 0 };

/** Lists become Sets, so a rule naming a thousand hotels costs one lookup. */
function compileRule(raw: unknown, flagKey: string, index: number): EvaluableRule {
  const parsed = storedRuleSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn(`[flags] rule ${index + 1} of "${flagKey}" is unreadable and never matches`);
    return inertRule;
  }
  const rule = parsed.data;
  if (rule.type === "tenants") return { ...rule, tenantIds: new Set(rule.tenantIds) };
  if (rule.type === "plans") return { ...rule, planCodes: new Set(rule.planCodes) };
  return rule;
}

/** Builds a snapshot from rows; pure, so the benchmark and tests can build one without a database. */
export function buildFlagSnapshot(
  flags: readonly StoredFlag[],
  overrides: readonly StoredOverride[],
): FlagSnapshot {
  const definitions = flags.map(
    (f): FlagDefinition => ({
      key: f.key,
      defaultEnabled: f.defaultEnabled,
      killed: f.killed,
      rules: Array.isArray(f.rules) ? f.rules.map((r, i) => compileRule(r, f.key, i)) : [],
    }),
  );
  const overridesByTenant = new Map<string, Map<string, boolean>>();
  for (const o of overrides) {
    let forTenant = overridesByTenant.get(o.tenantId);
    if (!forTenant) {
      forTenant = new Map();
      overridesByTenant.set(o.tenantId, forTenant);
    }
    forTenant.set(o.flagKey, o.enabled);
  }
  return { flags: definitions, byKey: new Map(definitions.map((f) => [f.key, f])), overridesByTenant };
}

/** Reads every flag and override: two queries, whatever the number of tenants asking later. */
export async function loadFlagSnapshot(db: Queryable): Promise<FlagSnapshot> {
  const f = platformFeatureFlags;
  const o = platformFeatureFlagOverrides;
  const [flags, overrides] = await Promise.all([
    db
      .select({ key: f.key, defaultEnabled: f.defaultEnabled, killed: f.killed, rules: f.rules })
      .from(f)
      .orderBy(asc(f.key)),
    db
      .select({ flagKey: f.key, tenantId: o.tenantId, enabled: o.enabled })
      .from(o)
      .innerJoin(f, eq(f.id, o.flagId)),
  ]);
  return buildFlagSnapshot(flags, overrides);
}

/** The process's snapshot for this database, loaded on first use (see ./cache.ts for freshness). */
export function getFlagSnapshot(db: Queryable): Promise<FlagSnapshot> {
  return cachedFlagSnapshot(db, () => loadFlagSnapshot(db));
}
