"use server";
// Console > Messaging > Credits > a hotel: a manual credit or debit with a required reason
// (credits.adjust). adjustCredits writes the ledger entry and the audit row in one transaction
// and refuses a debit below zero; the dialog's reference makes a double submit apply once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { adjustCredits } from "@/lib/credits/service";
import { AppError } from "@/lib/errors";
import { platformAction } from "@/lib/safe-action";
import { getTenantById } from "@/lib/tenants/queries";

const adjustSchema = z.object({
  tenantId: z.uuid(),
  delta: z
    .number({ error: "Enter a whole number of credits." })
    .int("Enter a whole number of credits.")
    .refine((n) => n !== 0, "The adjustment cannot be zero.")
    .refine((n) => Math.abs(n) <= 1_000_000, "At most 1,000,000 credits at a time."),
  note: z.string().trim().min(3, "Say why, in a few words.").max(500),
  reference: z.string().trim().min(1).max(200),
});

export const adjustCreditsAction = platformAction("credits.adjust")
  .inputSchema(adjustSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const db = await getDb();
      const tenant = await getTenantById(db, parsedInput.tenantId);
      if (!tenant || tenant.status === "deleted")
        throw new AppError("NOT_FOUND", "This hotel does not exist.");
      const { entry, replayed } = await adjustCredits(db, { ...parsedInput, actor: ctx.actor });
      revalidatePath("/platform/messaging/credits", "layout");
      revalidatePath(`/platform/tenants/${tenant.id}`);
      return { balanceAfter: entry.balanceAfter, replayed };
    }),
  );
