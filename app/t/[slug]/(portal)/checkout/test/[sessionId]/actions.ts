"use server";
// Portal > Test checkout: the Pay / Fail / Cancel buttons of the embedded mode's stand-in for
// Stripe and Paystack. The tenant is this request's host (tenantAction); the service refuses
// unless test mode is on for the tenant and the checkout is theirs.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { tenantCan } from "@/lib/auth/permissions";
import {
  getTestCheckout,
  settleTestCheckout,
  testCheckoutOutcomeSchema,
} from "@/lib/billing/payments/test-checkout";
import { AppError } from "@/lib/errors";
import { tenantAction } from "@/lib/safe-action";

const settleSchema = z.object({ checkoutId: z.uuid(), outcome: testCheckoutOutcomeSchema });

export const settleTestCheckoutAction = tenantAction("portal.view")
  .inputSchema(settleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const db = await getDb();
    const tenantId = ctx.tenant.id;
    const summary = await getTestCheckout(db, { tenantId, checkoutId: parsedInput.checkoutId });
    if (!summary) throw new AppError("NOT_FOUND", "There is no such checkout.");
    const needed = summary.checkout.purpose === "invoice" ? "billing.pay" : "marketplace.buy";
    if (!tenantCan(ctx.role, needed)) throw new AppError("FORBIDDEN", "Your role cannot make this payment.");
    const result = await settleTestCheckout(db, { tenantId, ...parsedInput, actor: ctx.actor });
    revalidatePath("/", "layout");
    return result;
  });
