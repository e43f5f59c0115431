"use server";
// Console > Messaging: retry a failed or undelivered message (super admins, messaging.write).
// retryMessage re-sends on the same log row, audits it and refuses anything not retryable.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { retryMessage } from "@/lib/messaging/retry";
import { platformAction } from "@/lib/safe-action";

export const retryMessageAction = platformAction("messaging.write")
  .inputSchema(z.object({ messageId: z.uuid() }))
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const row = await retryMessage(await getDb(), { messageId: parsedInput.messageId, actor: ctx.actor });
      revalidatePath("/platform/messaging", "layout");
      return { id: row.id, status: row.status };
    }),
  );
