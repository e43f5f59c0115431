"use server";
// Console > Marketplace actions: the add-on catalogue. Billing admins and super admins
// (marketplace.write); each calls one service, which validates, audits and refuses what would
// break purchases already made.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { platformAction } from "@/lib/safe-action";
import { createAddon, setAddonActive, updateAddon } from "./catalog";
import { addonInputSchema, addonUpdateSchema, setAddonActiveSchema } from "./schemas";

const refresh = () => revalidatePath("/platform/marketplace");

export const createAddonAction = platformAction("marketplace.write")
  .inputSchema(addonInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const addon = await createAddon(await getDb(), { input: parsedInput, actor: ctx.actor });
    refresh();
    return { id: addon.id, code: addon.code };
  });

export const updateAddonAction = platformAction("marketplace.write")
  .inputSchema(addonUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updateAddon(await getDb(), { input: parsedInput, actor: ctx.actor });
    refresh();
  });

export const setAddonActiveAction = platformAction("marketplace.write")
  .inputSchema(setAddonActiveSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setAddonActive(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });
