// Console: every hotel, searched, filtered, sorted and paginated on the server; names open the
// tenant detail, and super admins get the "New tenant" wizard.

import { Plus } from "lucide-react";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { tenantColumns } from "@/components/tenants/tenants-table/columns";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { listTenants, type Tenant, tenantSortable } from "@/lib/tenants/queries";
import { tenantStatusOptions, tenantsTableConfig } from "@/lib/tenants/table";

export const metadata = { title: "Tenants" };

export default async function TenantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requirePlatformRole("tenants.read");
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
      <PageHeader
        title="Tenants"
        description="Every hotel on Hearth, with its plan and status."
        actions={
          platformCan(ctx.platformRole, "tenants.write") ? (
            <Button asChild>
              <Link href="/platform/tenants/new">
                <Plus className="size-4" /> New tenant
              </Link>
            </Button>
          ) : null
        }
      />
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
