"use server";
// Console > New tenant: creates the hotel through the same provisioning as signup and the API,
// then opens its detail page. Super admins only.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { platformAction } from "@/lib/safe-action";
import { createTenantSchema } from "@/lib/tenants/schemas";
import { createTenant } from "@/lib/tenants/service";

/** A refusal the wizard can show on the right step's field (e.g. the slug was taken meanwhile). */
export type CreateTenantRefusal = { error: { message: string; field?: string } };

export const createTenantAction = platformAction("tenants.write")
  .inputSchema(createTenantSchema.extend({ idempotencyKey: z.uuid() }))
  .action(async ({ parsedInput: { idempotencyKey, ...input }, ctx }): Promise<CreateTenantRefusal> => {
    let tenantId: string;
    try {
      const { tenant } = await createTenant(await getDb(), { input, actor: ctx.actor, idempotencyKey });
      tenantId = tenant.id;
    } catch (error) {
      if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "INVALID")) {
        return { error: { message: error.message, field: error.field } };
      }
      throw error;
    }
    revalidatePath("/platform/tenants");
    redirect(`/platform/tenants/${tenantId}`);
  });
