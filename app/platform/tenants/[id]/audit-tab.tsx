import { auditColumns } from "@/components/audit/audit-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import type { Queryable } from "@/db/connect";
import { listAuditEvents } from "@/lib/audit/queries";
import {
  actorKindOptions,
  auditFilterFromParams,
  auditSortFromParams,
  auditTableConfig,
} from "@/lib/audit/table";

// The audit log's own table, fixed to this tenant (its tenant filter is not offered).
const config = { ...auditTableConfig, filters: ["actorKind", "period"] } as const;

/** Every audited change to this hotel, by anyone, newest first. */
export async function AuditTab({
  db,
  tenantId,
  searchParams,
}: {
  db: Queryable;
  tenantId: string;
  searchParams: RawSearchParams;
}) {
  const params = parseTableParams(searchParams, config);
  const { rows, total } = await listAuditEvents(db, {
    filter: { ...auditFilterFromParams(params), tenantId },
    sort: auditSortFromParams(params),
    limit: params.perPage,
    offset: params.offset,
  });
  return (
    <DataTable
      columns={auditColumns}
      rows={rows}
      total={total}
      config={config}
      label="Audit log of this tenant"
      searchPlaceholder="Search actor, action or target…"
      filters={[{ key: "actorKind", label: "Actor", options: actorKindOptions, allLabel: "All actors" }]}
      emptyState={{ title: "No audit entries", description: "Changes to this hotel are recorded here." }}
    />
  );
}
