"use server";
// Console > API keys actions: create (the key is returned once, to this response only) and revoke. Super admins.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { platformAction } from "@/lib/safe-action";

export const createApiKeyAction = platformAction("api_keys.manage")
  .inputSchema(createApiKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    const { key, record } = await createApiKey(await getDb(), { ...parsedInput, actor: ctx.actor });
    revalidatePath("/platform/api-keys");
    return { key, id: record.id, name: record.name, prefix: record.prefix };
  });

export const revokeApiKeyAction = platformAction("api_keys.manage")
  .inputSchema(revokeApiKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    await revokeApiKey(await getDb(), { id: parsedInput.id, actor: ctx.actor });
    revalidatePath("/platform/api-keys");
  });
