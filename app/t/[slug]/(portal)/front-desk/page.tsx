// Portal > Front desk: today at the hotel (in its own timezone): who arrives and who leaves, with
// check-in and check-out one click away; who is in the house; and which room is taken on each of
// the next 14 nights. Walk-ins are booked from here too.

import { BedDouble, CalendarPlus, LogIn, LogOut, Users } from "lucide-react";
import { AvailabilityGrid } from "@/components/hotel/availability-grid";
import { BookingDialog } from "@/components/hotel/booking-dialog";
import { loadBookingFormData } from "@/components/hotel/booking-form-data";
import { formatLongDay, formatShortDay, nightsLabel } from "@/components/hotel/format";
import {
  ArrivalsList,
  DeparturesList,
  type FrontDeskRow,
  InHouseList,
} from "@/components/hotel/front-desk-lists";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import {
  type BookingListRow,
  getAvailabilityGrid,
  listArrivals,
  listDepartures,
  listInHouse,
  nightsBetween,
  todayIn,
} from "@/lib/hotel/bookings";
import type { RoomStatus } from "@/lib/hotel/schemas";

export const metadata = { title: "Front desk" };

const GRID_DAYS = 14;

export default async function FrontDeskPage() {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const canWrite = tenantCan(ctx.role, "bookings.write");
  const today = todayIn(tenant.timezone);
  const db = await getDb();
  const opts = { tenantId: tenant.id };
  const [arrivals, departures, inHouse, grid, form] = await Promise.all([
    listArrivals(db, { ...opts, date: today }),
    listDepartures(db, { ...opts, date: today }),
    listInHouse(db, opts),
    getAvailabilityGrid(db, { ...opts, from: today, days: GRID_DAYS }),
    loadBookingFormData(db, tenant),
  ]);
  const roomStatus = new Map<string, RoomStatus>(grid.rows.map((r) => [r.room.id, r.room.status]));
  const view = (b: BookingListRow): FrontDeskRow => ({
    id: b.id,
    reference: b.reference,
    guestId: b.guestId,
    guestName: b.guestName,
    roomNumber: b.roomNumber,
    roomType: b.roomType,
    roomStatus: roomStatus.get(b.roomId) ?? null,
    status: b.status,
    adults: b.adults,
    nightsLabel: nightsLabel(nightsBetween(b.checkIn, b.checkOut)),
    stayLabel: b.checkOut === today ? "leaves today" : `until ${formatShortDay(b.checkOut, tenant.locale)}`,
  });
  const toCheckIn = arrivals.filter((b) => b.status !== "checked_in").length;
  const toCheckOut = departures.filter((b) => b.status === "checked_in").length;
  const freeTonight = grid.rows.filter(
    (r) => r.room.status !== "out_of_service" && r.cells[0]?.booking === null,
  ).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Front desk"
        description={`${formatLongDay(today, tenant.locale)} · ${tenant.timezone}`}
        actions={
          canWrite ? (
            <BookingDialog
              {...form}
              trigger={
                <Button>
                  <CalendarPlus aria-hidden /> New booking
                </Button>
              }
            />
          ) : null
        }
      />

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          label="Arrivals today"
          value={arrivals.length}
          hint={toCheckIn === 0 ? "all checked in" : `${toCheckIn} to check in`}
          icon={<LogIn />}
        />
        <StatCard
          label="Departures today"
          value={departures.length}
          hint={toCheckOut === 0 ? "all checked out" : `${toCheckOut} to check out`}
          icon={<LogOut />}
        />
        <StatCard label="In house" value={inHouse.length} hint="guests checked in" icon={<Users />} />
        <StatCard
          label="Free tonight"
          value={`${freeTonight} of ${grid.rows.length}`}
          hint="rooms"
          icon={<BedDouble />}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card role="region" aria-labelledby="front-desk-arrivals">
          <CardHeader>
            <CardTitle id="front-desk-arrivals">Arrivals</CardTitle>
            <CardDescription>Guests due today</CardDescription>
          </CardHeader>
          <CardContent className="p-0">
            <ArrivalsList rows={arrivals.map(view)} canWrite={canWrite} />
          </CardContent>
        </Card>
        <Card role="region" aria-labelledby="front-desk-departures">
          <CardHeader>
            <CardTitle id="front-desk-departures">Departures</CardTitle>
            <CardDescription>Guests leaving today</CardDescription>
          </CardHeader>
          <CardContent className="p-0">
            <DeparturesList rows={departures.map(view)} canWrite={canWrite} />
          </CardContent>
        </Card>
      </div>

      <Card role="region" aria-labelledby="front-desk-in-house">
        <CardHeader>
          <CardTitle id="front-desk-in-house">In-house guests</CardTitle>
          <CardDescription>Everyone checked in now</CardDescription>
        </CardHeader>
        <CardContent className="p-0">
          <InHouseList rows={inHouse.map(view)} />
        </CardContent>
      </Card>

      <Card role="region" aria-labelledby="front-desk-availability">
        <CardHeader>
          <CardTitle id="front-desk-availability">Availability</CardTitle>
          <CardDescription>
            Rooms over the next {GRID_DAYS} nights. Hover a stay for details; click to open it.
          </CardDescription>
        </CardHeader>
        <CardContent className="p-0">
          <AvailabilityGrid grid={grid} today={today} locale={tenant.locale} />
        </CardContent>
      </Card>
    </div>
  );
}
