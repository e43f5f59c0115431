// Console > Messaging > Credits > a hotel: its SMS balance, whether the pool matches the ledger,
// the ledger itself (newest first, paginated), and a manual adjustment for credits.adjust.
import Link from "next/link";
import { notFound } from "next/navigation";
import { LedgerTable } from "@/components/credits/ledger-table";
import { ledgerTableConfig } from "@/components/credits/table-config";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { getCreditBalance, listLedgerWithActors, reconcileCredits } from "@/lib/credits/queries";
import { getTenantById } from "@/lib/tenants/queries";
import { AdjustCreditsDialog } from "./adjust-dialog";

type Props = { params: Promise<{ tenantId: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props) {
  const tenant = await getTenantById(await getDb(), (await params).tenantId);
  return { title: tenant ? `${tenant.name} · SMS credits` : "SMS credits" };
}

export default async function TenantCreditsPage({ params, searchParams }: Props) {
  const ctx = await requirePlatformRole("credits.read");
  const [{ tenantId }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const tenant = await getTenantById(db, tenantId);
  if (!tenant) notFound();
  const table = parseTableParams(query, ledgerTableConfig);
  const [balance, [reconciliation], ledger] = await Promise.all([
    getCreditBalance(db, { tenantId: tenant.id }),
    reconcileCredits(db, { tenantId: tenant.id }),
    listLedgerWithActors(db, { tenantId: tenant.id, limit: table.perPage, offset: table.offset }),
  ]);
  const ledgerSum = reconciliation?.ledgerSum ?? 0;
  const reconciled = reconciliation?.ok ?? true;
  const canAdjust = platformCan(ctx.platformRole, "credits.adjust") && tenant.status !== "deleted";

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/platform/messaging/credits" className="hover:text-zinc-900">
            ← SMS credits
          </Link>
        }
        title={tenant.name}
        description={
          <>
            SMS credits ·{" "}
            <Link
              href={`/platform/tenants/${tenant.id}?tab=messaging`}
              className="hover:text-zinc-900 hover:underline"
            >
              hotel's messaging
            </Link>
          </>
        }
        actions={
          canAdjust ? (
            <AdjustCreditsDialog tenantId={tenant.id} tenantName={tenant.name} balance={balance.balance} />
          ) : null
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label="Balance"
          value={<span data-testid="sms-balance">{balance.balance}</span>}
          hint={balance.isLow ? <Badge variant="warning">Low</Badge> : "credits"}
        />
        <StatCard
          label="Low-balance warning"
          value={balance.lowBalanceThreshold ?? "Off"}
          hint="set by the hotel's owner"
        />
        <StatCard
          label="Reconciliation"
          value={reconciled ? "OK" : "Mismatch"}
          hint={reconciled ? "the balance equals the ledger's sum" : `the ledger sums to ${ledgerSum}`}
          className={reconciled ? undefined : "border-red-200 bg-red-50/50"}
        />
      </div>
      <LedgerTable rows={ledger.rows} total={ledger.total} />
    </div>
  );
}
