import type { Queryable } from "@/db/connect";
import { inRollout } from "./bucket";
import { getPlanCodeById, getTenantPlanCode } from "./queries";
import { type FlagSnapshot, getFlagSnapshot } from "./snapshot";
import type { FlagContext, FlagDefinition, FlagResult, Members, TenantOverrides } from "./types";

export type { FlagContext, FlagDefinition, FlagReason, FlagResult } from "./types";

/**
 * The one evaluation of the platform. Server code asks here (`isFlagEnabled`, `evaluateAllFlags`,
 * `<FeatureGate>`), menus ask `getEnabledFlags`, and client components get the booleans this computes
 * (`getClientFlags` → `<FlagsProvider>`): rules and tenant lists never leave the server.
 */

function has(list: Members, value: string): boolean {
  return "has" in list ? list.has(value) : list.includes(value);
}

/**
 * Decides one flag for one tenant. Precedence:
 *  1. kill switch: off for everyone, whatever else says;
 *  2. the tenant's override;
 *  3. rules in order, the first that matches decides: a hotel list or plan list turns the flag on or
 *     off for its members; a percentage rule turns it on for tenants in its rollout, and tenants
 *     outside it fall through to the next rule;
 *  4. the flag's default.
 * Without a tenant (the console), only the kill switch and the default apply.
 */
export function evaluateFlag(
  flag: FlagDefinition,
  overridesForTenant: TenantOverrides | undefined,
  context: FlagContext,
): FlagResult {
  if (flag.killed) return { enabled: false, reason: "killed" };
  const { tenantId, planCode } = context;
  if (tenantId === null) return { enabled: flag.defaultEnabled, reason: "default" };
  const forced = overridesForTenant?.get(flag.key);
  if (forced !== undefined) return { enabled: forced, reason: "override" };
  for (const [index, rule] of flag.rules.entries()) {
    if (rule.type === "tenants" && has(rule.tenantIds, tenantId)) {
      return { enabled: rule.enabled, reason: `rule:${index}` };
    }
    if (rule.type === "plans" && planCode !== null && has(rule.planCodes, planCode)) {
      return { enabled: rule.enabled, reason: `rule:${index}` };
    }
    if (rule.type === "percentage" && inRollout(flag.key, tenantId, rule.basisPoints)) {
      return { enabled: true, reason: `rule:${index}` };
    }
  }
  return { enabled: flag.defaultEnabled, reason: "default" };
}

/** Every flag of a snapshot for one context; pure (the benchmark measures exactly this loop). */
export function evaluateSnapshot(snapshot: FlagSnapshot, context: FlagContext): Map<string, FlagResult> {
  const overrides = context.tenantId === null ? undefined : snapshot.overridesByTenant.get(context.tenantId);
  const out = new Map<string, FlagResult>();
  for (const flag of snapshot.flags) out.set(flag.key, evaluateFlag(flag, overrides, context));
  return out;
}

/**
 * Who is asking. `planCode` may be left out: it is then read from the tenant's plan (one indexed
 * query, not cached, so a plan change applies to the next request).
 */
export type FlagContextInput = { tenantId: string | null; planCode?: string | null };

async function resolveContext(db: Queryable, input: FlagContextInput): Promise<FlagContext> {
  if (input.tenantId === null) return { tenantId: null, planCode: null };
  if (input.planCode !== undefined) return { tenantId: input.tenantId, planCode: input.planCode };
  return { tenantId: input.tenantId, planCode: await getTenantPlanCode(db, input.tenantId) };
}

/** The context for a tenant row already at hand (its plan id), or the console's with `null`. */
export async function flagContextFor(
  db: Queryable,
  tenant: { id: string; planId?: string | null } | null,
): Promise<FlagContext> {
  if (!tenant) return { tenantId: null, planCode: null };
  if (tenant.planId === undefined) return resolveContext(db, { tenantId: tenant.id });
  return { tenantId: tenant.id, planCode: tenant.planId ? await getPlanCodeById(db, tenant.planId) : null };
}

/** Every flag for one tenant (or the console), with why each is on or off. */
export async function evaluateAllFlags(
  db: Queryable,
  input: FlagContextInput,
): Promise<Map<string, FlagResult>> {
  const [snapshot, context] = await Promise.all([getFlagSnapshot(db), resolveContext(db, input)]);
  return evaluateSnapshot(snapshot, context);
}

/** One flag with its reason; a key that is not defined is off with reason "unknown". */
export async function explainFlag(db: Queryable, key: string, input: FlagContextInput): Promise<FlagResult> {
  const [snapshot, context] = await Promise.all([getFlagSnapshot(db), resolveContext(db, input)]);
  const flag = snapshot.byKey.get(key);
  if (!flag) return { enabled: false, reason: "unknown" };
  const overrides = context.tenantId === null ? undefined : snapshot.overridesByTenant.get(context.tenantId);
  return evaluateFlag(flag, overrides, context);
}

export async function isFlagEnabled(db: Queryable, key: string, input: FlagContextInput): Promise<boolean> {
  return (await explainFlag(db, key, input)).enabled;
}

/**
 * The keys of the flags that are on for a tenant, or for the console with `tenantId: null` (there:
 * the flags on by default and not killed). Menus filter items by this set.
 */
export async function getEnabledFlags(db: Queryable, input: FlagContextInput): Promise<Set<string>> {
  const results = await evaluateAllFlags(db, input);
  const on = new Set<string>();
  for (const [key, result] of results) if (result.enabled) on.add(key);
  return on;
}

/**
 * Evaluated flags as plain booleans for client components (`<FlagsProvider flags={…}>`): only keys
 * and results cross to the browser, never rules, tenant lists or other tenants' overrides. Pass
 * `keys` to send only the flags the client needs.
 */
export async function getClientFlags(
  db: Queryable,
  input: FlagContextInput & { keys?: readonly string[] },
): Promise<Record<string, boolean>> {
  const results = await evaluateAllFlags(db, input);
  const wanted = input.keys ? new Set(input.keys) : null;
  const out: Record<string, boolean> = {};
  for (const [key, result] of results) if (!wanted || wanted.has(key)) out[key] = result.enabled;
  return out;
}
