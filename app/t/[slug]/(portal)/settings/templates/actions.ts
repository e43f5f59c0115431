"use server";
// Portal > Settings > Templates: preview, save, reset, switch on/off and test-send the hotel's own
// versions of its guest notifications. The hotel is the one of this request's host (tenantAction);
// previews read with messages.read, changes need messaging.write.
import { revalidatePath } from "next/cache";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { previewTemplate } from "@/lib/messaging/templates/preview";
import type { SampleTenant } from "@/lib/messaging/templates/sample-data";
import {
  previewTemplateSchema,
  saveTemplateSchema,
  setTemplateActiveSchema,
  templateKeySchema,
  testSendTemplateSchema,
} from "@/lib/messaging/templates/schemas";
import {
  resetTemplate,
  saveTemplate,
  setTemplateActive,
  testSendTemplate,
} from "@/lib/messaging/templates/service";
import { tenantAction } from "@/lib/safe-action";
import type { Tenant } from "@/lib/tenants/queries";

function sampleTenantOf(tenant: Tenant): SampleTenant {
  const { name, slug, timezone, currency, locale } = tenant;
  return { name, slug, timezone, currency, locale };
}

const refresh = (tenant: Tenant) => revalidatePath(`/t/${tenant.slug}/settings/templates`);

export const previewTenantTemplateAction = tenantAction("messages.read")
  .inputSchema(previewTemplateSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => previewTemplate({ ...parsedInput, tenant: sampleTenantOf(ctx.tenant) })),
  );

export const saveTenantTemplateAction = tenantAction("messaging.write")
  .inputSchema(saveTemplateSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const row = await saveTemplate(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      refresh(ctx.tenant);
      return { id: row.id };
    }),
  );

export const resetTenantTemplateAction = tenantAction("messaging.write")
  .inputSchema(templateKeySchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const result = await resetTemplate(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      refresh(ctx.tenant);
      return result;
    }),
  );

export const setTenantTemplateActiveAction = tenantAction("messaging.write")
  .inputSchema(setTemplateActiveSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const row = await setTemplateActive(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      refresh(ctx.tenant);
      return { active: row.active };
    }),
  );

export const testSendTenantTemplateAction = tenantAction("messaging.write")
  .inputSchema(testSendTemplateSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const message = await testSendTemplate(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        tenant: sampleTenantOf(ctx.tenant),
        actor: ctx.actor,
      });
      return {
        id: message.id,
        status: message.status,
        recipient: message.recipient,
        error: message.error,
        segments: message.segments,
      };
    }),
  );
