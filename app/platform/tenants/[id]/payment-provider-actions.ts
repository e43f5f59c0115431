"use server";
// Console > Tenant detail > Plan & limits > Payments: override who takes the hotel's payments
// (Stripe, Paystack, or automatic by currency). Billing admins and super admins ("billing.write");
// the tenant is the target the admin picked, and the service audits the change.
import { revalidatePath } from "next/cache";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import {
  setTenantPaymentProvider,
  setTenantPaymentProviderSchema,
} from "@/lib/billing/payments/provider-override";
import { platformAction } from "@/lib/safe-action";

export const setTenantPaymentProviderAction = platformAction("billing.write")
  .inputSchema(setTenantPaymentProviderSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () => {
      const { tenant, changed } = await setTenantPaymentProvider(await getDb(), {
        ...parsedInput,
        actor: ctx.actor,
      });
      return { provider: tenant.paymentProvider, changed };
    });
    if (result.ok) revalidatePath(`/platform/tenants/${parsedInput.tenantId}`);
    return result;
  });
