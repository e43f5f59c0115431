// Portal > SMS credits: the hotel's balance, a warning when it is at or under the hotel's own
// warning level, the ledger of every grant, send and refund, and (for the owner) the warning level.
import { LedgerTable } from "@/components/credits/ledger-table";
import { LowBalanceBanner } from "@/components/credits/low-balance-banner";
import { ledgerTableConfig } from "@/components/credits/table-config";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { getCreditBalance, listLedgerWithActors } from "@/lib/credits/queries";
import { ThresholdForm } from "./threshold-form";

export const metadata = { title: "SMS credits" };

export default async function PortalCreditsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "credits.read");
  const params = parseTableParams(await searchParams, ledgerTableConfig);
  const db = await getDb();
  const [balance, ledger] = await Promise.all([
    getCreditBalance(db, { tenantId: tenant.id }),
    listLedgerWithActors(db, { tenantId: tenant.id, limit: params.perPage, offset: params.offset }),
  ]);
  const canSetThreshold = tenantCan(ctx.role, "credits.settings");

  return (
    <div className="space-y-6">
      <PageHeader
        title="SMS credits"
        description="Each SMS to a guest uses one credit per segment (160 characters, fewer with accents or emoji). A message that fails is refunded."
      />
      <LowBalanceBanner balance={balance} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Balance</CardTitle>
            <CardDescription>Credits left for guest SMS</CardDescription>
          </CardHeader>
          <CardContent>
            <p className="text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums">
              <span data-testid="sms-balance">{balance.balance}</span>
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Low-balance warning</CardTitle>
            <CardDescription>
              {balance.lowBalanceThreshold === null
                ? "Off: no warning is shown."
                : `Shown here and on the dashboard at ${balance.lowBalanceThreshold} credits or fewer.`}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {canSetThreshold ? (
              <ThresholdForm threshold={balance.lowBalanceThreshold} />
            ) : (
              <p className="text-sm text-zinc-500">The hotel's owner sets the warning level.</p>
            )}
          </CardContent>
        </Card>
      </div>
      <section className="space-y-3">
        <h2 className="text-base font-semibold text-zinc-900">Ledger</h2>
        <LedgerTable rows={ledger.rows} total={ledger.total} timeZone={tenant.timezone} />
      </section>
    </div>
  );
}
