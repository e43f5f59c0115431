import type { FlagRule } from "./types";

/**
 * A rule with its keys in one fixed order. Postgres returns jsonb objects with their keys reordered,
 * so comparing stored rules with edited ones by JSON text needs this first.
 */
export function canonicalRule(rule: FlagRule): FlagRule {
  if (rule.type === "tenants")
    return { type: "tenants", tenantIds: [...rule.tenantIds], enabled: rule.enabled };
  if (rule.type === "plans") return { type: "plans", planCodes: [...rule.planCodes], enabled: rule.enabled };
  return { type: "percentage", basisPoints: rule.basisPoints };
}

/** Same rules in the same order (order matters: the first match decides). */
export function sameRules(a: readonly FlagRule[], b: readonly FlagRule[]): boolean {
  return JSON.stringify(a.map(canonicalRule)) === JSON.stringify(b.map(canonicalRule));
}
