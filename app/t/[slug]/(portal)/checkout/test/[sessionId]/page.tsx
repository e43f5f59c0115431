// Portal > Test checkout: the embedded mode's payment page. It shows what is being paid and
// lets the tester pay, fail or cancel through the same fulfilment code as the provider webhooks.
// Only while the tenant's provider (Stripe/Paystack) has no keys; otherwise, and for another
// tenant's checkout, it is a 404.
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { getTestCheckout } from "@/lib/billing/payments/test-checkout";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { TestCheckoutButtons } from "./test-checkout-buttons";

export const metadata = { title: "Test checkout" };

const statusLabel = {
  open: "Waiting for payment",
  completed: "Paid",
  failed: "Failed",
  cancelled: "Cancelled",
  expired: "Expired",
} as const;

export default async function TestCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const tenant = await getCurrentTenant();
  await requireTenantMember(tenant, "portal.view");
  const summary = await getTestCheckout(await getDb(), { tenantId: tenant.id, checkoutId: sessionId });
  if (!summary) notFound();
  const { checkout, description } = summary;

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader
        eyebrow="Test mode"
        title="Test checkout"
        description="No payment provider is configured, so this page stands in for Stripe or Paystack. No money moves."
      />
      <Card>
        <CardHeader>
          <CardTitle>{description}</CardTitle>
          <CardDescription>
            Started {formatDateTime(checkout.createdAt, tenant.timezone, tenant.locale)} for {tenant.name}.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <p className="text-3xl font-semibold tracking-tight tabular-nums">
              {formatMoney(checkout.amountMinor, checkout.currency, tenant.locale)}
            </p>
            <Badge variant={checkout.status === "completed" ? "success" : "neutral"}>
              {statusLabel[checkout.status]}
            </Badge>
          </div>
          <TestCheckoutButtons checkoutId={checkout.id} disabled={checkout.status !== "open"} />
          <p className="text-xs text-zinc-500">
            Pay records a test payment and fulfils it exactly as a provider webhook would; Fail and Cancel
            close the checkout without payment.
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
