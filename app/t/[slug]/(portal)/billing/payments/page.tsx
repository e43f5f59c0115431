// Portal > Billing > Payments: every payment the hotel has made, newest first, paginated on the server.
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import {
  parseTableParams,
  type RawSearchParams,
  type TableParamsConfig,
} from "@/components/data-table/params";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { listTenantPayments } from "@/lib/billing/payments/tenant-payments";
import { TenantPaymentsTable } from "./payments-table";

export const metadata = { title: "Payments" };

const paymentsTableConfig = {
  sortable: [],
  defaultSort: { id: "at", desc: true },
  defaultPerPage: 20,
} as const satisfies TableParamsConfig;

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const tenant = await getCurrentTenant();
  await requireTenantMember(tenant, "billing.read");
  const params = parseTableParams(await searchParams, paymentsTableConfig);
  const { rows, total } = await listTenantPayments(await getDb(), {
    tenantId: tenant.id,
    limit: params.perPage,
    offset: params.offset,
  });
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/billing" className="inline-flex items-center gap-1 hover:text-zinc-900">
            <ArrowLeft className="size-3.5" aria-hidden /> Billing
          </Link>
        }
        title="Payments"
        description="Money paid to Hearth for invoices and add-ons, with refunds."
      />
      <TenantPaymentsTable
        rows={rows}
        total={total}
        config={paymentsTableConfig}
        timeZone={tenant.timezone}
        locale={tenant.locale}
      />
    </div>
  );
}
