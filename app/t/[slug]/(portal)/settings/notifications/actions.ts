"use server";
// Portal > Settings > Notifications: switch one guest event's SMS or email on or off. The hotel is
// the one of this request's host (tenantAction), never a value from the form.
import { revalidatePath } from "next/cache";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { setNotificationPreference } from "@/lib/messaging/preferences-service";
import { notificationPreferenceSchema } from "@/lib/messaging/templates/schemas";
import { tenantAction } from "@/lib/safe-action";

export const setNotificationPreferenceAction = tenantAction("messaging.write")
  .inputSchema(notificationPreferenceSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const result = await setNotificationPreference(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      revalidatePath(`/t/${ctx.tenant.slug}/settings/notifications`);
      return result;
    }),
  );
