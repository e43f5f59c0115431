"use server";
// Portal > Billing: "Pay now" on an open invoice. The tenant is this request's host (tenantAction),
// never the client's; the checkout opens with the hotel's provider and the browser goes there.
import { redirect } from "next/navigation";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { startCheckout } from "@/lib/billing/payments";
import { tenantAction } from "@/lib/safe-action";

export const payInvoiceAction = tenantAction("billing.pay")
  .inputSchema(z.object({ invoiceId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await refusable(async () =>
      startCheckout(
        await getDb(),
        { tenantId: ctx.tenant.id, purpose: "invoice", invoiceId: parsedInput.invoiceId },
        ctx.actor,
      ),
    );
    // redirect() throws to navigate, so it runs outside refusable.
    if (result.ok) redirect(result.data.url);
    return result;
  });
