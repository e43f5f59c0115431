import type { Queryable } from "@/db/connect";
import { platformNavItems } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { invalidateNavCache } from "./cache";
import type { NavItemRow } from "./queries";
import { type NavItemValues, navImportFileSchema } from "./schemas";
import { navTreeIssues } from "./tree";

export type NavImportError = { path: string; message: string };

/** What an import would do (dry run) or did. Keys are written `scope:key`, e.g. `portal:team`. */
export type NavImportReport = {
  valid: boolean;
  errors: NavImportError[];
  toCreate: string[];
  toUpdate: string[];
  unchanged: string[];
  applied: boolean;
};

type Plan = {
  errors: NavImportError[];
  create: NavItemValues[];
  update: NavItemValues[];
  unchanged: NavItemValues[];
  /** The rows `update` will change, as they are now (for the audit record). */
  previous: NavItemRow[];
};

const qualified = (item: { scope: string; key: string }) => `${item.scope}:${item.key}`;

function sameDefinition(row: NavItemRow, item: NavItemValues): boolean {
  const roles = (r: readonly string[]) => [...r].sort().join(",");
  return (
    row.label === item.label &&
    row.href === item.href &&
    row.icon === item.icon &&
    row.parentKey === item.parentKey &&
    row.sortOrder === item.sortOrder &&
    roles(row.roles) === roles(item.roles) &&
    row.featureFlag === item.featureFlag &&
    row.planFeature === item.planFeature &&
    row.isActive === item.isActive
  );
}

/**
 * Compares the file with the database. Items not in the file stay as they are, so the result is
 * checked as a whole too: an existing item must not end up two levels deep because the file moved
 * its parent under another item.
 */
async function planImport(db: Queryable, items: NavItemValues[]): Promise<Plan> {
  const existing = await db.select().from(platformNavItems);
  const byId = new Map(existing.map((row) => [qualified(row), row]));
  const inFile = new Set(items.map(qualified));
  const untouched = existing.filter((row) => !inFile.has(qualified(row)));
  const errors: NavImportError[] = [];
  for (const issue of navTreeIssues([...items, ...untouched])) {
    const untouchedRow = untouched[issue.index - items.length];
    if (untouchedRow) {
      errors.push({
        path: `existing.${qualified(untouchedRow)}`,
        message: `Existing item "${untouchedRow.key}" (not in the file): ${issue.message}`,
      });
    } else {
      errors.push({ path: `items.${issue.index}.${issue.field}`, message: issue.message });
    }
  }
  const plan: Plan = { errors, create: [], update: [], unchanged: [], previous: [] };
  for (const item of items) {
    const row = byId.get(qualified(item));
    if (!row) plan.create.push(item);
    else if (sameDefinition(row, item)) plan.unchanged.push(item);
    else {
      plan.update.push(item);
      plan.previous.push(row);
    }
  }
  return plan;
}

function report(plan: Plan, applied: boolean): NavImportReport {
  const valid = plan.errors.length === 0;
  return {
    valid,
    errors: plan.errors,
    toCreate: valid ? plan.create.map(qualified) : [],
    toUpdate: valid ? plan.update.map(qualified) : [],
    unchanged: valid ? plan.unchanged.map(qualified) : [],
    applied,
  };
}

function invalid(errors: NavImportError[]): NavImportReport {
  return { valid: false, errors, toCreate: [], toUpdate: [], unchanged: [], applied: false };
}

/**
 * Imports a navigation definition (`{ version: 1, items: [...] }`, as an object or JSON text):
 * items are upserted by scope + key. A dry run validates and reports without writing; a real run
 * applies everything in one transaction, or nothing when anything is invalid. Callers authorize
 * (super admins: platformCan(role, "nav.write")).
 */
export async function importNavDefinition(
  db: Queryable,
  opts: { json: unknown; dryRun: boolean; actor: Actor },
): Promise<NavImportReport> {
  let data = opts.json;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch (error) {
      return invalid([
        { path: "", message: `Not valid JSON: ${error instanceof Error ? error.message : "parse error"}` },
      ]);
    }
  }
  const parsed = navImportFileSchema.safeParse(data);
  if (!parsed.success) {
    return invalid(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const items = parsed.data.items;
  if (opts.dryRun) return report(await planImport(db, items), false);

  const result = await db.transaction(async (tx) => {
    const plan = await planImport(tx, items);
    if (plan.errors.length > 0) return report(plan, false);
    const changed = [...plan.create, ...plan.update];
    for (const item of changed) {
      // Upsert by scope + key: a concurrent import of the same key updates instead of failing.
      await tx
        .insert(platformNavItems)
        .values(item)
        .onConflictDoUpdate({
          target: [platformNavItems.scope, platformNavItems.key],
          set: {
            label: item.label,
            href: item.href,
            icon: item.icon,
            parentKey: item.parentKey,
            sortOrder: item.sortOrder,
            roles: item.roles,
            featureFlag: item.featureFlag,
            planFeature: item.planFeature,
            isActive: item.isActive,
            updatedAt: new Date(),
          },
        });
    }
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor: opts.actor,
        action: "nav.import",
        targetType: "nav_definition",
        before: plan.previous,
        after: changed,
        details: {
          created: plan.create.map(qualified),
          updated: plan.update.map(qualified),
          unchanged: plan.unchanged.length,
        },
      });
    }
    return report(plan, true);
  });
  if (result.applied) invalidateNavCache();
  return result;
}
