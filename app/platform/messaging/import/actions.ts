"use server";
// Console > Messaging > Import: the earlier system's per-hotel SMS settings, dry run or applied.
// Super admins only ("messaging.write").
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { importSmsSettings } from "@/lib/messaging/providers/import";
import { smsImportRequestSchema } from "@/lib/messaging/providers/schemas";
import { platformAction } from "@/lib/safe-action";

export const importSmsSettingsAction = platformAction("messaging.write")
  .inputSchema(smsImportRequestSchema)
  .action(async ({ parsedInput, ctx }) => {
    const report = await importSmsSettings(await getDb(), { ...parsedInput, actor: ctx.actor });
    if (report.applied) revalidatePath("/platform/messaging/providers");
    return report;
  });
