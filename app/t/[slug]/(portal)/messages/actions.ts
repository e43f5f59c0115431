"use server";
// Portal > Messages: retry a failed or undelivered message (owner and manager, messaging.write).
// The hotel is the one of this request's host; a message of another hotel is "not found".
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { retryMessage } from "@/lib/messaging/retry";
import { tenantAction } from "@/lib/safe-action";

export const retryTenantMessageAction = tenantAction("messaging.write")
  .inputSchema(z.object({ messageId: z.uuid() }))
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const row = await retryMessage(await getDb(), {
        messageId: parsedInput.messageId,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      // The log, the message's page and the dashboard's credit banner all move.
      revalidatePath("/", "layout");
      return { id: row.id, status: row.status };
    }),
  );
