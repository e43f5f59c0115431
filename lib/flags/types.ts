import type { FlagRule } from "@/db/schema";

export type { FlagRule };

/** A list a rule matches against: the stored array, or the Set the snapshot compiles it into. */
export type Members = readonly string[] | ReadonlySet<string>;

/** A rule as the evaluator reads it: a stored FlagRule, or its compiled form with Sets for the lists. */
export type EvaluableRule =
  | { type: "tenants"; tenantIds: Members; enabled: boolean }
  | { type: "plans"; planCodes: Members; enabled: boolean }
  | { type: "percentage"; basisPoints: number };

/** What evaluation needs of a flag: no ids, no timestamps. */
export type FlagDefinition = {
  key: string;
  defaultEnabled: boolean;
  killed: boolean;
  rules: readonly EvaluableRule[];
};

/** Who is asking: a tenant and its plan's code, or nobody (the console) with both null. */
export type FlagContext = { tenantId: string | null; planCode: string | null };

/** Why a flag came out on or off; `rule:<index>` is the 0-based position of the deciding rule. */
export type FlagReason = "killed" | "override" | `rule:${number}` | "default" | "unknown";

export type FlagResult = { enabled: boolean; reason: FlagReason };

/** A tenant's overrides: flag key → forced value. */
export type TenantOverrides = ReadonlyMap<string, boolean>;
