"use server";
// Console > Navigation actions: platform menu items, one tenant's overrides, and import. Super admins only.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { importNavDefinition } from "@/lib/nav/import";
import {
  navItemInputSchema,
  navItemRefSchema,
  navItemUpdateSchema,
  navKeySchema,
  navOverrideInputSchema,
} from "@/lib/nav/schemas";
import {
  createNavItem,
  deleteNavItem,
  removeNavOverride,
  updateNavItem,
  upsertNavOverride,
} from "@/lib/nav/service";
import { platformAction } from "@/lib/safe-action";

// The console's own sidebar is built from these items too: refresh the whole console layout.
const refreshConsole = () => revalidatePath("/platform", "layout");

export const createNavItemAction = platformAction("nav.write")
  .inputSchema(navItemInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    await createNavItem(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const updateNavItemAction = platformAction("nav.write")
  .inputSchema(navItemUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updateNavItem(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const deleteNavItemAction = platformAction("nav.write")
  .inputSchema(navItemRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await deleteNavItem(await getDb(), { ...parsedInput, actor: ctx.actor });
    refreshConsole();
  });

// A super admin acts on any tenant: here the tenant is the target the admin picked, not the caller's scope.
const tenantTarget = { tenantId: z.uuid() };

export const upsertTenantOverrideAction = platformAction("nav.write")
  .inputSchema(navOverrideInputSchema.extend(tenantTarget))
  .action(async ({ parsedInput: { tenantId, ...input }, ctx }) => {
    await upsertNavOverride(await getDb(), { tenantId, input, actor: ctx.actor });
    refreshConsole();
  });

export const removeTenantOverrideAction = platformAction("nav.write")
  .inputSchema(z.object({ ...tenantTarget, itemKey: navKeySchema }))
  .action(async ({ parsedInput, ctx }) => {
    await removeNavOverride(await getDb(), { ...parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const importNavAction = platformAction("nav.write")
  .inputSchema(
    z.object({ json: z.string().max(1_000_000, "The file is larger than 1 MB"), dryRun: z.boolean() }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const report = await importNavDefinition(await getDb(), { ...parsedInput, actor: ctx.actor });
    if (report.applied) refreshConsole();
    return report;
  });
