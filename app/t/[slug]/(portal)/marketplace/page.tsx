// Portal > Marketplace: add-ons priced in the hotel's currency (SMS bundles, feature add-ons),
// "Buy now" for owners and managers, a banner when the customer comes back from checkout, and the
// hotel's purchase history.
import Link from "next/link";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { PurchasesTable } from "@/components/marketplace/purchases-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { listPurchases, purchaseOfCheckout } from "@/lib/marketplace/purchase";
import { listMarketplace } from "@/lib/marketplace/queries";
import { purchasesTableConfig } from "@/lib/marketplace/table";
import { BuyCard } from "./buy-card";

export const metadata = { title: "Marketplace" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const banners = {
  succeeded: {
    tone: "border-emerald-200 bg-emerald-50 text-emerald-900",
    text: "Payment received. Your order is being delivered.",
  },
  pending: {
    tone: "border-amber-200 bg-amber-50 text-amber-900",
    text: "Your payment is being confirmed; this page updates when it lands.",
  },
  failed: {
    tone: "border-red-200 bg-red-50 text-red-900",
    text: "The payment failed. Nothing was charged; you can try again.",
  },
  cancelled: {
    tone: "border-zinc-200 bg-zinc-50 text-zinc-800",
    text: "The payment was cancelled. Nothing was charged.",
  },
} as const;

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "billing.read");
  const canBuy = tenantCan(ctx.role, "marketplace.buy");
  const search = await searchParams;
  const params = parseTableParams(search, purchasesTableConfig);
  const db = await getDb();
  const outcome = first(search.payment);
  const checkoutId = first(search.checkout);
  const [items, purchases, returned] = await Promise.all([
    listMarketplace(db, { tenantId: tenant.id }),
    listPurchases(db, { tenantId: tenant.id, page: params.page, pageSize: params.perPage }),
    checkoutId ? purchaseOfCheckout(db, { tenantId: tenant.id, checkoutId }) : Promise.resolve(null),
  ]);
  const banner = returned && outcome && outcome in banners ? banners[outcome as keyof typeof banners] : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Marketplace"
        description={`Top up SMS credits and add features to ${tenant.name}. Prices are in ${tenant.currency}.`}
      />
      {banner && returned ? (
        <div role="status" className={`rounded-lg border px-4 py-3 text-sm ${banner.tone}`}>
          {banner.text}{" "}
          <Link href={`/marketplace/orders/${returned.purchaseId}`} className="font-medium underline">
            View the order
          </Link>
        </div>
      ) : null}
      {items.length === 0 ? (
        <EmptyState
          title="Nothing to buy yet"
          description={`No add-on is offered in ${tenant.currency} at the moment.`}
        />
      ) : (
        <section aria-label="Add-ons" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {items.map((item) => (
            <BuyCard key={item.id} item={item} locale={tenant.locale} canBuy={canBuy} />
          ))}
        </section>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Purchase history</CardTitle>
          <CardDescription>Every add-on order, newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          <PurchasesTable
            rows={purchases.rows}
            total={purchases.total}
            timeZone={tenant.timezone}
            locale={tenant.locale}
          />
        </CardContent>
      </Card>
    </div>
  );
}
