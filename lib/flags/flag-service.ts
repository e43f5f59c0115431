import { count, eq, inArray } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import {
  platformFeatureFlagOverrides,
  platformFeatureFlags,
  platformPlans,
  platformTenants,
} from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { invalidateNavCache } from "@/lib/nav/cache";
import { invalidateFlagCache } from "./cache";
import { type FlagRow, getFlag, getFlagReferences } from "./queries";
import { sameRules } from "./rules";
import {
  type FlagCreateInput,
  type FlagKillInput,
  type FlagRef,
  type FlagRulesInput,
  type FlagUpdateInput,
  flagCreateSchema,
  flagKillSchema,
  flagRefSchema,
  flagRulesInputSchema,
  flagUpdateSchema,
} from "./schemas";
import type { FlagRule } from "./types";

// Flag definitions (console, super admins): callers authorize with platformCan(role, "flags.write")
// first. Each change is one transaction with its audit row; the caches are dropped after it commits.

/** Menus are filtered by flags, so a flag change also drops the menu cache. */
export function afterFlagChange(): void {
  invalidateFlagCache();
  invalidateNavCache();
}

export async function getFlagOrThrow(db: Queryable, key: string): Promise<FlagRow> {
  const flag = await getFlag(db, key);
  if (!flag) throw new AppError("NOT_FOUND", `There is no flag "${key}".`, { field: "key" });
  return flag;
}

const duplicateKey = (key: string) =>
  new AppError("CONFLICT", `A flag with the key "${key}" already exists.`, { field: "key" });

export async function createFlag(
  db: Queryable,
  opts: { input: FlagCreateInput; actor: Actor },
): Promise<FlagRow> {
  const values = flagCreateSchema.parse(opts.input);
  const row = await db
    .transaction(async (tx) => {
      if (await getFlag(tx, values.key)) throw duplicateKey(values.key);
      const [created] = await tx.insert(platformFeatureFlags).values(values).returning();
      if (!created) throw new Error("insert returned no row");
      await recordAudit(tx, {
        actor: opts.actor,
        action: "flag.create",
        targetType: "feature_flag",
        targetId: created.key,
        after: created,
      });
      return created;
    })
    .catch((error: unknown) => {
      // Two admins creating the same key at once: the unique index decides.
      throw isUniqueViolation(error) ? duplicateKey(values.key) : error;
    });
  afterFlagChange();
  return row;
}

/** Runs `change` on the flag inside a transaction and audits before/after; skips unchanged flags. */
async function changeFlag(
  db: Queryable,
  key: string,
  audit: { actor: Actor; action: string; details?: Record<string, unknown> },
  change: (tx: Tx, before: FlagRow) => Promise<Partial<typeof platformFeatureFlags.$inferInsert> | null>,
): Promise<FlagRow> {
  const row = await db.transaction(async (tx) => {
    const before = await getFlagOrThrow(tx, key);
    const patch = await change(tx, before);
    if (!patch) return before;
    const [after] = await tx
      .update(platformFeatureFlags)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(platformFeatureFlags.id, before.id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actor: audit.actor,
      action: audit.action,
      targetType: "feature_flag",
      targetId: key,
      before,
      after,
      details: audit.details,
    });
    return after;
  });
  afterFlagChange();
  return row;
}

/** Description and default. The key is the flag's identity and never changes. */
export async function updateFlag(
  db: Queryable,
  opts: { input: FlagUpdateInput; actor: Actor },
): Promise<FlagRow> {
  const { key, ...patch } = flagUpdateSchema.parse(opts.input);
  return changeFlag(db, key, { actor: opts.actor, action: "flag.update" }, async (_tx, before) => {
    const changes: { description?: string; defaultEnabled?: boolean } = {};
    if (patch.description !== undefined && patch.description !== before.description) {
      changes.description = patch.description;
    }
    if (patch.defaultEnabled !== undefined && patch.defaultEnabled !== before.defaultEnabled) {
      changes.defaultEnabled = patch.defaultEnabled;
    }
    return Object.keys(changes).length > 0 ? changes : null;
  });
}

/** Every hotel and plan a rule names must exist: a typo would otherwise silently match no one. */
async function assertRuleTargets(tx: Tx, rules: readonly FlagRule[]): Promise<void> {
  const tenantIds = [...new Set(rules.flatMap((r) => (r.type === "tenants" ? r.tenantIds : [])))];
  const planCodes = [...new Set(rules.flatMap((r) => (r.type === "plans" ? r.planCodes : [])))];
  const [tenants, plans] = await Promise.all([
    tenantIds.length
      ? tx
          .select({ id: platformTenants.id })
          .from(platformTenants)
          .where(inArray(platformTenants.id, tenantIds))
      : [],
    planCodes.length
      ? tx
          .select({ code: platformPlans.code })
          .from(platformPlans)
          .where(inArray(platformPlans.code, planCodes))
      : [],
  ]);
  const knownTenants = new Set(tenants.map((t) => t.id));
  const knownPlans = new Set(plans.map((p) => p.code));
  for (const [i, rule] of rules.entries()) {
    if (rule.type === "tenants") {
      const missing = rule.tenantIds.filter((id) => !knownTenants.has(id));
      if (missing.length) {
        throw new AppError("INVALID", `Rule ${i + 1}: no hotel with the id ${missing.join(", ")}.`, {
          field: `rules.${i}.tenantIds`,
        });
      }
    }
    if (rule.type === "plans") {
      const missing = rule.planCodes.filter((code) => !knownPlans.has(code));
      if (missing.length) {
        throw new AppError("INVALID", `Rule ${i + 1}: no plan with the code ${missing.join(", ")}.`, {
          field: `rules.${i}.planCodes`,
        });
      }
    }
  }
}

/** Replaces the flag's ordered rules as a whole (the editor saves the list it shows). */
export async function setFlagRules(
  db: Queryable,
  opts: { input: FlagRulesInput; actor: Actor },
): Promise<FlagRow> {
  const { key, rules } = flagRulesInputSchema.parse(opts.input);
  return changeFlag(db, key, { actor: opts.actor, action: "flag.rules.update" }, async (tx, before) => {
    await assertRuleTargets(tx, rules);
    return sameRules(before.rules, rules) ? null : { rules };
  });
}

/** The kill switch: off for every tenant at once, overrides included, until it is restored. */
export async function setFlagKilled(
  db: Queryable,
  opts: { input: FlagKillInput; actor: Actor },
): Promise<FlagRow> {
  const { key, killed, reason } = flagKillSchema.parse(opts.input);
  const action = killed ? "flag.kill" : "flag.unkill";
  return changeFlag(
    db,
    key,
    { actor: opts.actor, action, details: reason ? { reason } : undefined },
    async (_tx, before) => (before.killed === killed ? null : { killed }),
  );
}

/**
 * Deletes a flag and its overrides. Refused while a plan lists it among its features or a menu item
 * is conditioned on it: deleting it would silently change what those tenants see.
 */
export async function deleteFlag(db: Queryable, opts: { input: FlagRef; actor: Actor }): Promise<void> {
  const { key } = flagRefSchema.parse(opts.input);
  await db.transaction(async (tx) => {
    const before = await getFlagOrThrow(tx, key);
    const refs = await getFlagReferences(tx, key);
    const users = [
      ...refs.plans.map((p) => `plan "${p.name}" (${p.code})`),
      ...refs.navItems.map((n) => `${n.scope} menu item "${n.label}" (${n.key})`),
    ];
    if (users.length) {
      throw new AppError(
        "CONFLICT",
        `"${key}" is still used by ${users.join(", ")}. Remove it from ${users.length === 1 ? "it" : "them"} first.`,
        { field: "key" },
      );
    }
    // Overrides go with the flag (ON DELETE CASCADE); the audit row keeps how many there were.
    const overrides = await tx
      .select({ n: count() })
      .from(platformFeatureFlagOverrides)
      .where(eq(platformFeatureFlagOverrides.flagId, before.id));
    await tx.delete(platformFeatureFlags).where(eq(platformFeatureFlags.id, before.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: "flag.delete",
      targetType: "feature_flag",
      targetId: key,
      before,
      details: { overridesRemoved: overrides[0]?.n ?? 0 },
    });
  });
  afterFlagChange();
}
