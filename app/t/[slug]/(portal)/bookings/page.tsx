// Portal > Bookings: every stay, filtered by status and by the nights it covers, searched by
// reference, guest or room. Anyone on the team makes bookings here.

import { Plus } from "lucide-react";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { BookingDialog } from "@/components/hotel/booking-dialog";
import { loadBookingFormData } from "@/components/hotel/booking-form-data";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { listBookings } from "@/lib/hotel/bookings";
import { isIsoDate } from "@/lib/hotel/dates";
import { bookingStatusSchema } from "@/lib/hotel/schemas";
import { bookingsTableConfig } from "@/lib/hotel/table";
import { toBookingRow } from "./booking-row";
import { BookingsTable } from "./bookings-table";

export const metadata = { title: "Bookings" };

const dateFilter = (value: string | undefined) => (value && isIsoDate(value) ? value : undefined);

export default async function BookingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const canWrite = tenantCan(ctx.role, "bookings.write");
  const params = parseTableParams(await searchParams, bookingsTableConfig);
  const status = bookingStatusSchema.safeParse(params.filters.status);
  const db = await getDb();
  const [{ rows, total }, form] = await Promise.all([
    listBookings(db, {
      tenantId: tenant.id,
      status: status.success ? status.data : undefined,
      from: dateFilter(params.filters.from),
      to: dateFilter(params.filters.to),
      q: params.q || undefined,
      sort: params.sort,
      limit: params.perPage,
      offset: params.offset,
    }),
    loadBookingFormData(db, tenant),
  ]);
  const view = rows.map((b) => toBookingRow(b, tenant));
  const newBooking = canWrite ? (
    <BookingDialog
      {...form}
      trigger={
        <Button>
          <Plus aria-hidden /> New booking
        </Button>
      }
    />
  ) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Bookings"
        description={`Stays at ${tenant.name}. Dates are in the hotel's time (${tenant.timezone}).`}
        actions={newBooking}
      />
      <BookingsTable rows={view} total={total} />
    </div>
  );
}
