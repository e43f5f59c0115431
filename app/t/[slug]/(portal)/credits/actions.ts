"use server";
// Portal > SMS credits: the owner sets the low-balance warning level (credits.settings), or turns
// it off. The hotel is the one of this request's host; the change is audited.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { setLowBalanceThreshold } from "@/lib/credits/queries";
import { tenantAction } from "@/lib/safe-action";

const thresholdSchema = z.object({
  threshold: z
    .number({ error: "Enter a whole number of credits." })
    .int("Enter a whole number of credits.")
    .min(0, "The warning level cannot be negative.")
    .max(1_000_000, "At most 1,000,000.")
    .nullable(),
});

export const setLowBalanceThresholdAction = tenantAction("credits.settings")
  .inputSchema(thresholdSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const balance = await setLowBalanceThreshold(await getDb(), {
        tenantId: ctx.tenant.id,
        threshold: parsedInput.threshold,
        actor: ctx.actor,
      });
      // The dashboard shows the same warning.
      revalidatePath("/", "layout");
      return balance;
    }),
  );
