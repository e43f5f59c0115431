"use server";
// Console > Messaging > Templates: preview, save, switch on/off and test-send the platform's
// default templates (tenant_id null). Reading needs messaging.read, every change messaging.write.
import { revalidatePath } from "next/cache";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { previewTemplate } from "@/lib/messaging/templates/preview";
import { sampleConsoleTenant } from "@/lib/messaging/templates/sample-data";
import {
  previewTemplateSchema,
  saveTemplateSchema,
  setTemplateActiveSchema,
  testSendTemplateSchema,
} from "@/lib/messaging/templates/schemas";
import { saveTemplate, setTemplateActive, testSendTemplate } from "@/lib/messaging/templates/service";
import { platformAction } from "@/lib/safe-action";

const refresh = () => revalidatePath("/platform/messaging/templates");

export const previewPlatformTemplateAction = platformAction("messaging.read")
  .inputSchema(previewTemplateSchema)
  .action(({ parsedInput }) =>
    refusable(async () => previewTemplate({ ...parsedInput, tenant: sampleConsoleTenant })),
  );

export const savePlatformTemplateAction = platformAction("messaging.write")
  .inputSchema(saveTemplateSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const row = await saveTemplate(await getDb(), { ...parsedInput, tenantId: null, actor: ctx.actor });
      refresh();
      return { id: row.id };
    }),
  );

export const setPlatformTemplateActiveAction = platformAction("messaging.write")
  .inputSchema(setTemplateActiveSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const row = await setTemplateActive(await getDb(), {
        ...parsedInput,
        tenantId: null,
        actor: ctx.actor,
      });
      refresh();
      return { active: row.active };
    }),
  );

export const testSendPlatformTemplateAction = platformAction("messaging.write")
  .inputSchema(testSendTemplateSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const message = await testSendTemplate(await getDb(), {
        ...parsedInput,
        tenantId: null,
        tenant: sampleConsoleTenant,
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
