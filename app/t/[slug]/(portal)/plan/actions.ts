"use server";
// Portal > Plan & usage: the owner previews and confirms a plan change. The tenant is the one of
// this request's host (tenantAction), never a value from the client.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { changeTenantPlan, previewPlanChange, toPreviewView } from "@/lib/plans/change-plan";
import { planChangeRequestSchema } from "@/lib/plans/schemas";
import { tenantAction } from "@/lib/safe-action";

export const previewPlanChangeAction = tenantAction("plan.change")
  .inputSchema(planChangeRequestSchema)
  .action(async ({ parsedInput, ctx }) =>
    toPreviewView(await previewPlanChange(await getDb(), { ...parsedInput, tenantId: ctx.tenant.id })),
  );

export const changePlanAction = tenantAction("plan.change")
  .inputSchema(planChangeRequestSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await changeTenantPlan(await getDb(), {
      ...parsedInput,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
    });
    // The plan's features decide menu items: refresh the whole portal layout, sidebar included.
    revalidatePath("/", "layout");
    return { planName: result.preview.toPlan.name, netMinor: result.preview.netMinor };
  });
