import { z } from "zod";
import { platformRoles, tenantRoles } from "@/lib/auth/permissions";
import { navIconNames } from "./icons";
import { navTreeIssues } from "./tree";
import type { NavScope } from "./types";

export const navScopes = ["console", "portal"] as const satisfies readonly NavScope[];
export const navScopeSchema = z.enum(navScopes);

export const navKeySchema = z
  .string()
  .trim()
  .min(1, "Required")
  .max(64, "At most 64 characters")
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    "Use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
  );

const labelSchema = z.string().trim().min(1, "Required").max(60, "At most 60 characters");

// A path on this site only: "//host" and "/\host" would be read by browsers as another origin.
const hrefSchema = z
  .string()
  .trim()
  .max(300, "At most 300 characters")
  .regex(/^\/(?![/\\])[^\s\\]*$/, "Must be a path on this site starting with /, e.g. /settings/menu");

const sortOrderSchema = z.number().int("Must be a whole number").min(-100_000).max(100_000);
const iconSchema = z.enum(navIconNames, { error: `Must be one of: ${navIconNames.join(", ")}` });
/** Feature-flag and plan-feature keys share the item key syntax. */
const conditionKeySchema = navKeySchema.nullable();
const rolesSchema = z.array(z.string().trim().min(1)).max(10);

const rolesByScope: Record<NavScope, readonly string[]> = { console: platformRoles, portal: tenantRoles };

/** Roles must belong to the scope's audience: platform roles in the console, tenant roles in portals. */
function checkRoles(value: { scope: NavScope; roles?: readonly string[] }, ctx: z.RefinementCtx): void {
  const allowed = rolesByScope[value.scope];
  value.roles?.forEach((role, i) => {
    if (!allowed.includes(role)) {
      ctx.addIssue({
        code: "custom",
        path: ["roles", i],
        message: `"${role}" is not a ${value.scope} role (use ${allowed.join(", ")})`,
      });
    }
  });
}

function checkOwnParent(value: { key: string; parentKey?: string | null }, ctx: z.RefinementCtx): void {
  if (value.parentKey && value.parentKey === value.key) {
    ctx.addIssue({ code: "custom", path: ["parentKey"], message: "An item cannot be its own parent" });
  }
}

/** A platform menu item, as the console form, the import file and the service take it. */
export const navItemInputSchema = z
  .object({
    scope: navScopeSchema,
    key: navKeySchema,
    label: labelSchema,
    href: hrefSchema,
    icon: iconSchema.default("circle"),
    parentKey: navKeySchema.nullable().default(null),
    sortOrder: sortOrderSchema.default(0),
    roles: rolesSchema.default([]),
    featureFlag: conditionKeySchema.default(null),
    planFeature: conditionKeySchema.default(null),
    isActive: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    checkRoles(value, ctx);
    checkOwnParent(value, ctx);
  });

export type NavItemInput = z.input<typeof navItemInputSchema>;
export type NavItemValues = z.output<typeof navItemInputSchema>;

/** A change to an existing item, found by scope + key (the key is its identity: overrides refer to it). */
export const navItemUpdateSchema = z
  .object({
    scope: navScopeSchema,
    key: navKeySchema,
    label: labelSchema.optional(),
    href: hrefSchema.optional(),
    icon: iconSchema.optional(),
    parentKey: navKeySchema.nullable().optional(),
    sortOrder: sortOrderSchema.optional(),
    roles: rolesSchema.optional(),
    featureFlag: conditionKeySchema.optional(),
    planFeature: conditionKeySchema.optional(),
    isActive: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    checkRoles(value, ctx);
    checkOwnParent(value, ctx);
  });

export type NavItemUpdate = z.input<typeof navItemUpdateSchema>;

export const navItemRefSchema = z.object({ scope: navScopeSchema, key: navKeySchema });

// An empty label (a cleared rename field) means "no rename".
const overrideLabelSchema = z
  .string()
  .trim()
  .max(60, "At most 60 characters")
  .transform((v) => (v === "" ? null : v))
  .nullable();

/** A tenant's change to one portal item. Omitted fields keep their current value on upsert. */
export const navOverrideInputSchema = z.object({
  itemKey: navKeySchema,
  hidden: z.boolean().optional(),
  label: overrideLabelSchema.optional(),
  sortOrder: sortOrderSchema.nullable().optional(),
});

export type NavOverrideInput = z.input<typeof navOverrideInputSchema>;
export type NavOverrideValues = z.output<typeof navOverrideInputSchema>;

export const navOverrideListSchema = z
  .array(navOverrideInputSchema)
  .max(200, "At most 200 overrides")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((o, i) => {
      if (seen.has(o.itemKey)) {
        ctx.addIssue({ code: "custom", path: [i, "itemKey"], message: `"${o.itemKey}" appears twice` });
      }
      seen.add(o.itemKey);
    });
  });

/** The body of `POST /api/platform/nav/{tenantId}`: one operation on the tenant's overrides. */
export const navOverrideOpSchema = z.discriminatedUnion("op", [
  navOverrideInputSchema.extend({ op: z.literal("upsert") }),
  z.object({ op: z.literal("remove"), itemKey: navKeySchema }),
  z.object({ op: z.literal("replace"), overrides: navOverrideListSchema }),
]);

export type NavOverrideOp = z.input<typeof navOverrideOpSchema>;

/**
 * A navigation definition file: `{ "version": 1, "items": [...] }`. Each item is validated like the
 * console form; across items, keys are unique per scope, parents exist in the file (same scope),
 * and parents form neither cycles nor more than one level.
 */
export const navImportFileSchema = z
  .object({
    version: z.literal(1, { error: "Only version 1 files are supported" }),
    items: z.array(navItemInputSchema).max(500, "At most 500 items"),
  })
  .superRefine((file, ctx) => {
    for (const issue of navTreeIssues(file.items)) {
      ctx.addIssue({ code: "custom", path: ["items", issue.index, issue.field], message: issue.message });
    }
  });

export type NavImportFile = z.output<typeof navImportFileSchema>;
