// Console: the append-only audit stream with filters, and a CSV export of what is filtered.
import { Download } from "lucide-react";
import { auditColumns } from "@/components/audit/audit-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listAuditEvents } from "@/lib/audit/queries";
import {
  actorKindOptions,
  auditExportHref,
  auditFilterFromParams,
  auditPeriods,
  auditSortFromParams,
  auditTableConfig,
} from "@/lib/audit/table";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { listTenants } from "@/lib/tenants/queries";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requirePlatformRole("audit.read");
  const db = await getDb();
  const params = parseTableParams(await searchParams, auditTableConfig);
  const filter = auditFilterFromParams(params);
  const [{ rows, total }, tenants] = await Promise.all([
    listAuditEvents(db, {
      filter,
      sort: auditSortFromParams(params),
      limit: params.perPage,
      offset: params.offset,
    }),
    listTenants(db, { includeDeleted: true, sort: { id: "name", desc: false }, limit: 500, offset: 0 }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Every privileged change, who made it, from where. Entries can never be edited or deleted."
      />
      <DataTable
        columns={auditColumns}
        rows={rows}
        total={total}
        config={auditTableConfig}
        label="Audit log"
        searchPlaceholder="Search actor, action or target…"
        filters={[
          {
            key: "period",
            label: "Period",
            options: auditPeriods.map(({ value, label }) => ({ value, label })),
            allLabel: "All time",
          },
          { key: "actorKind", label: "Actor", options: actorKindOptions, allLabel: "All actors" },
          {
            key: "tenantId",
            label: "Tenant",
            options: tenants.rows.map((t) => ({ value: t.id, label: t.name })),
            allLabel: "All tenants",
          },
        ]}
        actions={
          platformCan(ctx.platformRole, "audit.export") ? (
            <Button variant="outline" size="sm" asChild>
              <a href={auditExportHref(filter)} download>
                <Download className="size-4" /> Export CSV
              </a>
            </Button>
          ) : null
        }
        emptyState={{
          title: "No audit entries yet",
          description: "Privileged changes are recorded here as they happen.",
        }}
      />
    </div>
  );
}
