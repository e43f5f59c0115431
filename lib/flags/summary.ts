import type { FlagRule } from "./types";

/** 2500 → "25%", 250 → "2.5%", 1 → "0.01%". */
export function formatBasisPoints(basisPoints: number): string {
  return `${Number((basisPoints / 100).toFixed(2))}%`;
}

/**
 * One line for the flags table, e.g. "3 rules · 25% rollout". With several percentage rules the
 * largest is shown: tenants outside a smaller rollout fall through to the later, larger one.
 */
export function summarizeRules(rules: readonly FlagRule[]): string {
  if (rules.length === 0) return "No rules";
  const parts = [`${rules.length} ${rules.length === 1 ? "rule" : "rules"}`];
  const rollouts = rules.flatMap((r) => (r.type === "percentage" ? [r.basisPoints] : []));
  if (rollouts.length > 0) parts.push(`${formatBasisPoints(Math.max(...rollouts))} rollout`);
  return parts.join(" · ");
}

const ruleLabels: Record<FlagRule["type"], string> = {
  tenants: "hotel list",
  plans: "plan list",
  percentage: "percentage rollout",
};

/** "rule:1" → "Rule 2 (plan list)", for the console's evaluation preview. */
export function describeReason(reason: string, rules: ReadonlyArray<Pick<FlagRule, "type">> = []): string {
  if (reason === "killed") return "Kill switch";
  if (reason === "override") return "Override for this hotel";
  if (reason === "default") return "Default (no rule matched)";
  if (reason === "unknown") return "No such flag";
  const match = /^rule:(\d+)$/.exec(reason);
  if (!match) return reason;
  const index = Number(match[1]);
  const rule = rules[index];
  return rule ? `Rule ${index + 1} (${ruleLabels[rule.type]})` : `Rule ${index + 1}`;
}
