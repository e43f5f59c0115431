"use server";
// Portal > Marketplace: "Buy now". Owners and managers (marketplace.buy) order an add-on for the
// hotel of this request's host; the order is priced in the hotel's currency and the browser is
// sent to the checkout (Stripe, Paystack, or the embedded test checkout).
import { redirect } from "next/navigation";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { createPurchase } from "@/lib/marketplace/purchase";
import { purchaseInputSchema } from "@/lib/marketplace/schemas";
import { tenantAction } from "@/lib/safe-action";

// Buying on account is not offered in the portal (see lib/marketplace/purchase.ts).
const buySchema = purchaseInputSchema.pick({ addonId: true, quantity: true });

export const buyAddonAction = tenantAction("marketplace.buy")
  .inputSchema(buySchema)
  .action(async ({ parsedInput, ctx }) => {
    const outcome = await refusable(async () => {
      const { purchase, checkout } = await createPurchase(
        await getDb(),
        { ...parsedInput, tenantId: ctx.tenant.id, actor: ctx.actor },
        { customerEmail: ctx.tenant.contactEmail ?? ctx.user.email },
      );
      return { purchaseId: purchase.id, url: checkout?.url ?? `/marketplace/orders/${purchase.id}` };
    });
    if (outcome.ok) redirect(outcome.data.url);
    return outcome;
  });
