// Portal > Rooms: the hotel's rooms with rate, capacity and status. Owners and managers add, edit,
// delete rooms and change their status; staff read. Adding past the plan's limit offers an upgrade.

import { Lock, Plus } from "lucide-react";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { listRooms } from "@/lib/hotel/rooms";
import { roomStatusSchema } from "@/lib/hotel/schemas";
import { roomsTableConfig } from "@/lib/hotel/table";
import { formatMoney, toMajorString } from "@/lib/money";
import { getLimitUsage } from "@/lib/plans/usage";
import { RoomDialog } from "./room-dialog";
import { type RoomRow, RoomsTable } from "./rooms-table";

export const metadata = { title: "Rooms" };

export default async function RoomsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const canWrite = tenantCan(ctx.role, "rooms.write");
  const params = parseTableParams(await searchParams, roomsTableConfig);
  const status = roomStatusSchema.safeParse(params.filters.status);
  const db = await getDb();
  const [{ rows, total }, usage] = await Promise.all([
    listRooms(db, {
      tenantId: tenant.id,
      status: status.success ? status.data : undefined,
      q: params.q || undefined,
      sort: params.sort,
      limit: params.perPage,
      offset: params.offset,
    }),
    getLimitUsage(db, tenant.id),
  ]);
  const roomLimit = usage.find((u) => u.key === "rooms");
  const view: RoomRow[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    type: r.type,
    floor: r.floor,
    capacity: r.capacity,
    notes: r.notes,
    status: r.status,
    nightlyRateMinor: r.nightlyRateMinor,
    rate: toMajorString(r.nightlyRateMinor, tenant.currency),
    rateLabel: formatMoney(r.nightlyRateMinor, tenant.currency, tenant.locale),
  }));
  const addButton = (
    <RoomDialog
      currency={tenant.currency}
      trigger={
        <Button>
          <Plus aria-hidden /> Add room
        </Button>
      }
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Rooms"
        description={
          roomLimit?.limit != null
            ? `${roomLimit.used} of ${roomLimit.limit} rooms on your plan · rates in ${tenant.currency}`
            : `${roomLimit?.used ?? total} rooms · rates in ${tenant.currency}`
        }
        actions={canWrite ? addButton : null}
      />
      {canWrite ? null : (
        <p className="flex items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-600">
          <Lock className="size-4 text-zinc-400" aria-hidden />
          You can see the rooms; an owner or manager changes them.
        </p>
      )}
      <RoomsTable rows={view} total={total} canWrite={canWrite} currency={tenant.currency} />
    </div>
  );
}
