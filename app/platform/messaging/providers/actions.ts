"use server";
// Console > Messaging > Providers actions: add, edit, enable/disable, make default, delete and test
// SMS and email providers. Super admins only ("messaging.write"); refusals a person can fix (a bad
// credential, a provider still in use) come back as data for the dialog to show beside the field.
import { revalidatePath } from "next/cache";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import {
  providerInputSchema,
  providerRefSchema,
  providerUpdateSchema,
  setProviderEnabledSchema,
} from "@/lib/messaging/providers/schemas";
import {
  createProvider,
  deleteProvider,
  setDefaultProvider,
  setProviderEnabled,
  testProviderConnection,
  updateProvider,
} from "@/lib/messaging/providers/service";
import { platformAction } from "@/lib/safe-action";

const refresh = () => revalidatePath("/platform/messaging/providers");

export const createProviderAction = platformAction("messaging.write")
  .inputSchema(providerInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const view = await createProvider(await getDb(), { ...parsedInput, actor: ctx.actor });
      return { id: view.id, name: view.name };
    });
    if (result.ok) refresh();
    return result;
  });

export const updateProviderAction = platformAction("messaging.write")
  .inputSchema(providerUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const view = await updateProvider(await getDb(), { ...parsedInput, actor: ctx.actor });
      return { id: view.id, name: view.name };
    });
    if (result.ok) refresh();
    return result;
  });

export const setProviderEnabledAction = platformAction("messaging.write")
  .inputSchema(setProviderEnabledSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setProviderEnabled(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });

export const setDefaultProviderAction = platformAction("messaging.write")
  .inputSchema(providerRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setDefaultProvider(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });

export const deleteProviderAction = platformAction("messaging.write")
  .inputSchema(providerRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    await deleteProvider(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
  });

export const testProviderConnectionAction = platformAction("messaging.write")
  .inputSchema(providerRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await testProviderConnection(await getDb(), { ...parsedInput, actor: ctx.actor });
    refresh();
    return { ok: result.ok, message: result.message };
  });
