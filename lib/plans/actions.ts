"use server";
// Console > Plans actions: the plan catalogue. Billing admins and super admins (plans.write); each
// calls one service, which validates, audits and refuses what would break tenants on the plan.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { platformAction } from "@/lib/safe-action";
import { planInputSchema, planRefSchema, planUpdateSchema } from "./schemas";
import { archivePlan, createPlan, deletePlan, setDefaultPlan, unarchivePlan, updatePlan } from "./service";

const refresh = () => revalidatePath("/platform/plans");

export const createPlanAction = platformAction("plans.write")
  .inputSchema(planInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const plan = await createPlan(await getDb(), { input: parsedInput, actor: ctx.actor });
    refresh();
    return { id: plan.id, code: plan.code };
  });

export const updatePlanAction = platformAction("plans.write")
  .inputSchema(planUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updatePlan(await getDb(), { input: parsedInput, actor: ctx.actor });
    refresh();
  });

export const archivePlanAction = platformAction("plans.write")
  .inputSchema(planRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await archivePlan(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });

export const unarchivePlanAction = platformAction("plans.write")
  .inputSchema(planRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await unarchivePlan(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });

export const deletePlanAction = platformAction("plans.write")
  .inputSchema(planRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await deletePlan(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });

export const setDefaultPlanAction = platformAction("plans.write")
  .inputSchema(planRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setDefaultPlan(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });
