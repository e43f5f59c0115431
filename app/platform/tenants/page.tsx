// Console: every hotel, searched, filtered, sorted and paginated on the server. Issue 3 adds the
// creation wizard, tenant detail and status actions.

import { DataTable } from "@/components/data-table/data-table";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { tenantColumns } from "@/components/tenants/tenants-table/columns";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { listTenants, type Tenant, tenantSortable } from "@/lib/tenants/queries";
import { tenantStatusOptions, tenantsTableConfig } from "@/lib/tenants/table";

export const metadata = { title: "Tenants" };

export default async function TenantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePlatformRole("tenants.read");
  const params = parseTableParams(await searchParams, tenantsTableConfig);
  const status = tenantStatusOptions.find((o) => o.value === params.filters.status)?.value as
    | Tenant["status"]
    | undefined;
  const sortId = tenantSortable.find((s) => s === params.sort.id) ?? "createdAt";
  const { rows, total } = await listTenants(await getDb(), {
    q: params.q || undefined,
    status,
    sort: { id: sortId, desc: params.sort.desc },
    limit: params.perPage,
    offset: params.offset,
  });
  return (
    <div className="space-y-6">
      <PageHeader title="Tenants" description="Every hotel on Hearth, with its plan and status." />
      <DataTable
        columns={tenantColumns}
        rows={rows}
        total={total}
        config={tenantsTableConfig}
        label="Tenants"
        searchPlaceholder="Search by name, subdomain or email…"
        filters={[{ key: "status", label: "Status", options: tenantStatusOptions }]}
        emptyState={{
          title: "No hotels yet",
          description: "Hotels appear here when they sign up or are created.",
        }}
      />
    </div>
  );
}
