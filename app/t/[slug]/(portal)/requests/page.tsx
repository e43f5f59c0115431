// Portal > Service requests: what guests have asked for, newest first, filtered by status. Anyone
// on the team moves a request open → in progress → done and gives it to a colleague.

import { Plus } from "lucide-react";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { RequestDialog } from "@/components/hotel/request-dialog";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { listInHouse } from "@/lib/hotel/bookings";
import { listServiceRequests } from "@/lib/hotel/service-requests";
import { listTenantMembers } from "@/lib/tenants/queries";
import { formatDateTime } from "@/lib/time";
import { type RequestRow, RequestsTable } from "./requests-table";
import { requestStatusFilters, requestsTableConfig } from "./table-config";

export const metadata = { title: "Service requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const canWrite = tenantCan(ctx.role, "service_requests.write");
  const params = parseTableParams(await searchParams, requestsTableConfig);
  const statusKey = params.filters.status;
  const status =
    statusKey && Object.hasOwn(requestStatusFilters, statusKey) ? requestStatusFilters[statusKey] : undefined;
  const db = await getDb();
  const [{ rows, total }, members, inHouse, open] = await Promise.all([
    listServiceRequests(db, { tenantId: tenant.id, status, limit: params.perPage, offset: params.offset }),
    listTenantMembers(db, tenant.id),
    listInHouse(db, { tenantId: tenant.id }),
    listServiceRequests(db, { tenantId: tenant.id, status: ["open", "in_progress"], limit: 1, offset: 0 }),
  ]);
  const view: RequestRow[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    description: r.description,
    status: r.status,
    bookingId: r.bookingId,
    bookingReference: r.bookingReference,
    roomNumber: r.roomNumber,
    guestName: r.guestName,
    assigneeUserId: r.assigneeUserId,
    createdAt: r.createdAt.toISOString(),
    createdLabel: formatDateTime(r.createdAt, tenant.timezone, tenant.locale),
  }));
  const newRequest = canWrite ? (
    <RequestDialog
      bookings={inHouse.map((b) => ({
        id: b.id,
        label: `Room ${b.roomNumber} · ${b.guestName} (${b.reference})`,
      }))}
      trigger={
        <Button>
          <Plus aria-hidden /> New request
        </Button>
      }
    />
  ) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Service requests"
        description={open.total === 0 ? "Nothing waiting." : `${open.total} open or in progress.`}
        actions={newRequest}
      />
      <RequestsTable
        rows={view}
        total={total}
        canWrite={canWrite}
        members={members.map((m) => ({ userId: m.userId, name: m.name }))}
      />
    </div>
  );
}
