"use server";
// Console > Tenant detail > Messaging: which providers serve this hotel per channel, in failover
// order. Super admins only ("messaging.write"); the tenant is the target the admin picked.
import { revalidatePath } from "next/cache";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { setTenantAssignments } from "@/lib/messaging/providers/assignments";
import { setTenantAssignmentsSchema } from "@/lib/messaging/providers/schemas";
import { platformAction } from "@/lib/safe-action";

export const setTenantAssignmentsAction = platformAction("messaging.write")
  .inputSchema(setTenantAssignmentsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const saved = await setTenantAssignments(await getDb(), { ...parsedInput, actor: ctx.actor });
      return { count: saved.length };
    });
    if (result.ok) {
      revalidatePath(`/platform/tenants/${parsedInput.tenantId}`);
      revalidatePath("/platform/messaging/providers");
    }
    return result;
  });
