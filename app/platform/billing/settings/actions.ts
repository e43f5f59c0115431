"use server";
// Console > Billing > Settings actions: tax rates per country (add, edit, delete) and the billing
// settings. Billing admins and super admins ("billing.write"); every change is audited by the service.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import {
  billingSettingsInputSchema,
  bpsToPercent,
  createTaxRate,
  deleteTaxRate,
  taxRateInputSchema,
  taxRateKeySchema,
  updateBillingSettings,
  updateTaxRate,
} from "@/lib/billing/settings";
import { platformAction } from "@/lib/safe-action";

const refresh = () => revalidatePath("/platform/billing/settings");

export const saveTaxRateAction = platformAction("billing.write")
  .inputSchema(taxRateInputSchema.extend({ mode: z.enum(["create", "update"]) }))
  .action(async ({ parsedInput, ctx }) => {
    const { mode, country, label, ratePercent } = parsedInput;
    // The services take the form's spelling of the rate; bps → percent is exact.
    const input = { country, label, ratePercent: bpsToPercent(ratePercent), actor: ctx.actor };
    const result = await refusable(async () => {
      const db = await getDb();
      const row = mode === "create" ? await createTaxRate(db, input) : await updateTaxRate(db, input);
      return { country: row.country };
    });
    if (result.ok) refresh();
    return result;
  });

export const deleteTaxRateAction = platformAction("billing.write")
  .inputSchema(taxRateKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      await deleteTaxRate(await getDb(), { country: parsedInput.country, actor: ctx.actor });
      return { country: parsedInput.country };
    });
    if (result.ok) refresh();
    return result;
  });

export const updateBillingSettingsAction = platformAction("billing.write")
  .inputSchema(billingSettingsInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const row = await updateBillingSettings(await getDb(), { ...parsedInput, actor: ctx.actor });
      return { updatedAt: row.updatedAt };
    });
    if (result.ok) refresh();
    return result;
  });
