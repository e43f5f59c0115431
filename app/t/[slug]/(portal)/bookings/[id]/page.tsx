// Portal > Booking: one stay with its guest, room, money and timeline; the moves its status allows
// (confirm, check in, check out, cancel with a reason); and the guest's service requests on it.

import { Plus } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookingStatusActions } from "@/components/hotel/booking-actions";
import { formatLongDay, languageName, nightsLabel } from "@/components/hotel/format";
import { formatPhone } from "@/components/hotel/guest-display";
import { RequestAssigneeSelect, RequestStatusControl } from "@/components/hotel/request-controls";
import { RequestDialog } from "@/components/hotel/request-dialog";
import { BookingStatusBadge, RoomStatusBadge } from "@/components/hotel/status-badges";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { bookingTransitions, getBooking, nightsBetween } from "@/lib/hotel/bookings";
import { listServiceRequests } from "@/lib/hotel/service-requests";
import { serviceRequestKindLabels } from "@/lib/hotel/table";
import { formatMoney } from "@/lib/money";
import { listTenantMembers } from "@/lib/tenants/queries";
import { formatDateTime } from "@/lib/time";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const tenant = await getCurrentTenant();
  // The title names the stay or guest: members only, like the page (the check is cached per request).
  await requireTenantMember(tenant);
  const booking = await getBooking(await getDb(), { tenantId: tenant.id, bookingId: (await params).id });
  return { title: booking ? `Booking ${booking.reference}` : "Booking" };
}

export default async function BookingPage({ params }: Props) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const { id } = await params;
  const db = await getDb();
  const booking = await getBooking(db, { tenantId: tenant.id, bookingId: id });
  if (!booking) notFound();
  const [requests, members] = await Promise.all([
    listServiceRequests(db, { tenantId: tenant.id, bookingId: booking.id, limit: 50, offset: 0 }),
    listTenantMembers(db, tenant.id),
  ]);
  const canBook = tenantCan(ctx.role, "bookings.write");
  const canRequest = tenantCan(ctx.role, "service_requests.write");
  const requestable = booking.status === "confirmed" || booking.status === "checked_in";
  const nights = nightsBetween(booking.checkIn, booking.checkOut);
  const when = (d: Date) => formatDateTime(d, tenant.timezone, tenant.locale);
  const money = (minor: number) => formatMoney(minor, booking.currency, tenant.locale);
  const memberOptions = members.map((m) => ({ userId: m.userId, name: m.name }));
  const timeline: Array<[string, Date | null]> = [
    ["Booked", booking.createdAt],
    ["Confirmed", booking.confirmedAt],
    ["Checked in", booking.checkedInAt],
    ["Checked out", booking.checkedOutAt],
    ["Cancelled", booking.cancelledAt],
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/bookings" className="hover:text-zinc-900">
            ← Bookings
          </Link>
        }
        title={`Booking ${booking.reference}`}
        description={`${booking.guest.name} · Room ${booking.room.number} · ${nightsLabel(nights)}`}
        actions={
          canBook ? (
            <BookingStatusActions
              bookingId={booking.id}
              reference={booking.reference}
              guestName={booking.guest.name}
              roomNumber={booking.room.number}
              allowed={bookingTransitions[booking.status]}
            />
          ) : null
        }
      >
        <BookingStatusBadge status={booking.status} />
      </PageHeader>

      {booking.status === "cancelled" && booking.cancellationReason ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Cancelled: {booking.cancellationReason}
        </p>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Stay</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              <dt className="text-zinc-500">Check-in</dt>
              <dd>{formatLongDay(booking.checkIn, tenant.locale)}</dd>
              <dt className="text-zinc-500">Check-out</dt>
              <dd>{formatLongDay(booking.checkOut, tenant.locale)}</dd>
              <dt className="text-zinc-500">Nights</dt>
              <dd className="tabular-nums">{nights}</dd>
              <dt className="text-zinc-500">Adults</dt>
              <dd className="tabular-nums">{booking.adults}</dd>
              <dt className="text-zinc-500">Total</dt>
              <dd className="font-medium tabular-nums">
                {money(booking.totalMinor)}{" "}
                <span className="font-normal text-zinc-500">
                  ({nightsLabel(nights)} × {money(Math.round(booking.totalMinor / Math.max(1, nights)))})
                </span>
              </dd>
              {booking.notes ? (
                <>
                  <dt className="text-zinc-500">Notes</dt>
                  <dd className="whitespace-pre-line">{booking.notes}</dd>
                </>
              ) : null}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Guest</CardTitle>
            <CardAction>
              <Link href={`/guests/${booking.guest.id}`} className="text-sm text-brand-700 hover:underline">
                All their stays
              </Link>
            </CardAction>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              <dt className="text-zinc-500">Name</dt>
              <dd className="font-medium">{booking.guest.name}</dd>
              <dt className="text-zinc-500">Phone</dt>
              <dd className="tabular-nums">{formatPhone(booking.guest.phone) ?? "—"}</dd>
              <dt className="text-zinc-500">Email</dt>
              <dd className="break-all">{booking.guest.email ?? "—"}</dd>
              <dt className="text-zinc-500">Language</dt>
              <dd>{languageName(booking.guest.preferredLanguage)}</dd>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Room {booking.room.number}</CardTitle>
            <CardDescription>{booking.room.type}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <RoomStatusBadge status={booking.room.status} />
            <ol className="space-y-1.5 text-sm">
              {timeline
                .filter((entry): entry is [string, Date] => entry[1] !== null)
                .map(([label, at]) => (
                  <li key={label} className="flex justify-between gap-3">
                    <span className="text-zinc-500">{label}</span>
                    <time dateTime={at.toISOString()}>{when(at)}</time>
                  </li>
                ))}
            </ol>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Service requests</CardTitle>
          <CardDescription>
            {requestable
              ? "What the guest has asked for during this stay."
              : "Requests can be recorded while the booking is confirmed or the guest is in the house."}
          </CardDescription>
          {canRequest && requestable ? (
            <CardAction>
              <RequestDialog
                bookingId={booking.id}
                bookings={[
                  {
                    id: booking.id,
                    label: `room ${booking.room.number} · ${booking.guest.name} (${booking.reference})`,
                  },
                ]}
                trigger={
                  <Button size="sm" variant="outline">
                    <Plus aria-hidden /> New request
                  </Button>
                }
              />
            </CardAction>
          ) : null}
        </CardHeader>
        <CardContent className={requests.rows.length ? "p-0" : undefined}>
          {requests.rows.length === 0 ? (
            <p className="text-sm text-zinc-500">No requests on this booking.</p>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {requests.rows.map((r) => {
                const what = `${serviceRequestKindLabels[r.kind].toLowerCase()} request: ${r.description}`;
                return (
                  <li
                    key={r.id}
                    className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <div className="min-w-0">
                      <p className="text-sm font-medium text-zinc-900">{serviceRequestKindLabels[r.kind]}</p>
                      <p className="text-sm text-zinc-600">{r.description}</p>
                      <p className="text-xs text-zinc-500">{when(r.createdAt)}</p>
                    </div>
                    <div className="flex flex-wrap items-center gap-3">
                      <RequestStatusControl
                        requestId={r.id}
                        status={r.status}
                        what={what}
                        disabled={!canRequest}
                      />
                      <RequestAssigneeSelect
                        requestId={r.id}
                        assigneeUserId={r.assigneeUserId}
                        members={memberOptions}
                        what={what}
                        disabled={!canRequest || r.status === "done"}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
