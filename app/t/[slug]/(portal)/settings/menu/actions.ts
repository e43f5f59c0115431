"use server";
// Portal > Settings > Menu: the owner saves the hotel's menu overrides. The tenant is the one of
// this request's host (tenantAction), never a value from the form.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { navOverrideListSchema } from "@/lib/nav/schemas";
import { replaceNavOverrides } from "@/lib/nav/service";
import { tenantAction } from "@/lib/safe-action";

export const saveMenuAction = tenantAction("nav.write")
  .inputSchema(z.object({ overrides: navOverrideListSchema }))
  .action(async ({ parsedInput, ctx }) => {
    await replaceNavOverrides(await getDb(), {
      tenantId: ctx.tenant.id,
      overrides: parsedInput.overrides,
      actor: ctx.actor,
    });
    // The sidebar of every portal page shows the menu.
    revalidatePath("/", "layout");
  });
