// Console > Messaging > Credits: every hotel's SMS balance and warning level, and whether its pool
// still equals the sum of its ledger (a mismatch means something wrote behind the ledger's back).

import { CreditBalancesTable } from "@/components/credits/balances-table";
import { creditBalancesTableConfig, parseBalanceOnly } from "@/components/credits/table-config";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { listCreditBalances } from "@/lib/credits/queries";

export const metadata = { title: "SMS credits" };

export default async function CreditsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePlatformRole("credits.read");
  const params = parseTableParams(await searchParams, creditBalancesTableConfig);
  const { rows, total } = await listCreditBalances(await getDb(), {
    q: params.q || undefined,
    only: parseBalanceOnly(params.filters.only),
    sort: { id: params.sort.id === "balance" ? "balance" : "name", desc: params.sort.desc },
    page: params.page,
    pageSize: params.perPage,
  });
  return (
    <div className="space-y-6">
      <PageHeader
        title="SMS credits"
        description="Each hotel's balance, its low-balance warning level, and a reconciliation of the balance against its ledger."
      />
      <CreditBalancesTable rows={rows} total={total} />
    </div>
  );
}
