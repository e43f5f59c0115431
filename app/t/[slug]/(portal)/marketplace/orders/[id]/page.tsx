// Portal > Marketplace > Order: one add-on purchase of this hotel — its status, what was paid and
// what it delivered (credits added, feature switched on). Another hotel's order is a 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { PurchaseStatusBadge, purchaseLabel } from "@/components/marketplace/purchase-status";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { getPurchase, type PurchaseDetail } from "@/lib/marketplace/purchase";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "Order" };

function delivered(p: PurchaseDetail, locale: string): string {
  if (p.status === "pending") return "Nothing yet: it is delivered as soon as the payment is confirmed.";
  if (p.status === "failed" || p.status === "cancelled") return "Nothing: the order was not paid.";
  if (p.status === "refunded") return "Refunded: what was delivered has been taken back.";
  if (p.delivered?.kind === "sms_bundle") {
    return `${p.delivered.credits.toLocaleString(locale)} SMS credits were added to your balance.`;
  }
  if (p.delivered?.kind === "feature") {
    return p.delivered.active
      ? "The feature is switched on for your hotel."
      : "The feature was switched on; it is no longer active.";
  }
  return "Delivered.";
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const tenant = await getCurrentTenant();
  await requireTenantMember(tenant, "billing.read");
  const purchase = await getPurchase(await getDb(), { tenantId: tenant.id, purchaseId: id });
  if (!purchase) notFound();
  const when = (d: Date | null) => (d ? formatDateTime(d, tenant.timezone, tenant.locale) : "—");

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        eyebrow="Marketplace"
        title={purchaseLabel(purchase)}
        description={`Order placed ${when(purchase.createdAt)}.`}
        actions={
          <Link href="/marketplace" className="text-sm font-medium text-brand-700 hover:underline">
            Back to the marketplace
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>Order</CardTitle>
            <PurchaseStatusBadge status={purchase.status} />
          </div>
          <CardDescription>{delivered(purchase, tenant.locale)}</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-zinc-500">Add-on</dt>
            <dd>{purchase.addonName}</dd>
            <dt className="text-zinc-500">Quantity</dt>
            <dd className="tabular-nums">{purchase.quantity}</dd>
            <dt className="text-zinc-500">Amount</dt>
            <dd className="tabular-nums">
              {formatMoney(purchase.amountMinor, purchase.currency, tenant.locale)}
            </dd>
            <dt className="text-zinc-500">Paid with</dt>
            <dd>{purchase.onAccount ? "On account (next invoice)" : (purchase.paymentProvider ?? "—")}</dd>
            <dt className="text-zinc-500">Delivered</dt>
            <dd>{when(purchase.fulfilledAt)}</dd>
            {purchase.refundedAt ? (
              <>
                <dt className="text-zinc-500">Refunded</dt>
                <dd>{when(purchase.refundedAt)}</dd>
              </>
            ) : null}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
