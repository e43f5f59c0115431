"use server";
// Console > Feature flags actions: definitions, rules, kill switch, per-hotel overrides. Super admins
// (flags.write); each calls one service, which validates, audits and drops the caches.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { platformAction } from "@/lib/safe-action";
import {
  flagCreateSchema,
  flagKillSchema,
  flagOverrideInputSchema,
  flagOverrideRefSchema,
  flagRefSchema,
  flagRulesInputSchema,
  flagUpdateSchema,
} from "./schemas";
import {
  createFlag,
  deleteFlag,
  removeFlagOverride,
  setFlagKilled,
  setFlagOverride,
  setFlagRules,
  updateFlag,
} from "./service";

// Flags decide menus and gated pages everywhere: refresh the whole console layout (its sidebar too).
const refreshConsole = () => revalidatePath("/platform", "layout");

export const createFlagAction = platformAction("flags.write")
  .inputSchema(flagCreateSchema)
  .action(async ({ parsedInput, ctx }) => {
    const flag = await createFlag(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
    return { key: flag.key };
  });

export const updateFlagAction = platformAction("flags.write")
  .inputSchema(flagUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updateFlag(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const setFlagRulesAction = platformAction("flags.write")
  .inputSchema(flagRulesInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setFlagRules(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const setFlagKilledAction = platformAction("flags.write")
  .inputSchema(flagKillSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setFlagKilled(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const deleteFlagAction = platformAction("flags.write")
  .inputSchema(flagRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await deleteFlag(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const setFlagOverrideAction = platformAction("flags.write")
  .inputSchema(flagOverrideInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setFlagOverride(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });

export const removeFlagOverrideAction = platformAction("flags.write")
  .inputSchema(flagOverrideRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeFlagOverride(await getDb(), { input: parsedInput, actor: ctx.actor });
    refreshConsole();
  });
