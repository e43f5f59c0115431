// Portal > Paystack callback: Paystack sends the customer back here with `?reference=…`. The
// reference proves nothing on its own, so the transaction is verified with Paystack server-side
// and settled through the same code as the webhook (value is given once, whichever comes first);
// then the customer goes to the billing page (or the marketplace) with the outcome.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { type PaystackSettlement, verifyPaystackCallback } from "@/lib/billing/payments/paystack/settle";
import { checkoutReturnPath } from "@/lib/billing/payments/portal-urls";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PaystackCallbackPage({ searchParams }: { searchParams: SearchParams }) {
  const tenant = await getCurrentTenant();
  await requireTenantMember(tenant, "portal.view");
  const query = await searchParams;
  const reference = (first(query.reference) ?? first(query.trxref) ?? "").slice(0, 200);

  let settled: PaystackSettlement = { outcome: "unknown" };
  let unreachable = false;
  if (reference) {
    try {
      settled = await verifyPaystackCallback(await getDb(), { tenantId: tenant.id, reference });
    } catch (error) {
      // Paystack unreachable: the webhook still settles it; the page says the payment is pending.
      console.error(`[payments] Paystack verify failed for ${reference}`, error);
      unreachable = true;
    }
  }
  // redirect() throws, so it stays outside the try above.
  if (settled.outcome === "unknown") redirect(`/billing?payment=${unreachable ? "pending" : "unknown"}`);
  const outcome = settled.outcome === "refused" ? "failed" : settled.outcome;
  redirect(checkoutReturnPath(settled.checkout.purpose, outcome, settled.checkout.id));
}
