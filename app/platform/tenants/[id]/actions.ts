"use server";
// Console > Tenant detail actions: suspend, activate, soft delete and edit a hotel. Super admins
// only; every change goes through lib/tenants (state machine, audit) and refreshes the console.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { platformAction } from "@/lib/safe-action";
import { suspendTenantSchema, tenantTransitionSchema, updateTenantSchema } from "@/lib/tenants/schemas";
import { activateTenant, softDeleteTenant, suspendTenant, updateTenant } from "@/lib/tenants/service";

// The tenant is the one the admin acts on (a target), not the caller's scope.
const target = z.object({ tenantId: z.uuid() });

function refresh(tenantId: string) {
  revalidatePath(`/platform/tenants/${tenantId}`);
  revalidatePath("/platform/tenants");
}

export const suspendTenantAction = platformAction("tenants.write")
  .inputSchema(target.extend(suspendTenantSchema.shape))
  .action(async ({ parsedInput: { tenantId, reason }, ctx }) => {
    await suspendTenant(await getDb(), { tenantId, reason, actor: ctx.actor });
    refresh(tenantId);
  });

export const activateTenantAction = platformAction("tenants.write")
  .inputSchema(target.extend(tenantTransitionSchema.shape))
  .action(async ({ parsedInput: { tenantId, reason }, ctx }) => {
    await activateTenant(await getDb(), { tenantId, reason, actor: ctx.actor });
    refresh(tenantId);
  });

export const deleteTenantAction = platformAction("tenants.write")
  .inputSchema(target.extend(tenantTransitionSchema.shape))
  .action(async ({ parsedInput: { tenantId, reason }, ctx }) => {
    await softDeleteTenant(await getDb(), { tenantId, reason, actor: ctx.actor });
    refresh(tenantId);
  });

export const updateTenantAction = platformAction("tenants.write")
  .inputSchema(target.extend({ input: updateTenantSchema }))
  .action(async ({ parsedInput: { tenantId, input }, ctx }) => {
    await updateTenant(await getDb(), { tenantId, input, actor: ctx.actor });
    refresh(tenantId);
  });
