// Portal > Guest: contact details, preferences and notes, and every stay of this guest; staff edit
// the guest and book a new stay from here.

import { CalendarPlus, Pencil } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { BookingDialog } from "@/components/hotel/booking-dialog";
import { loadBookingFormData } from "@/components/hotel/booking-form-data";
import { languageName } from "@/components/hotel/format";
import { GuestDialog } from "@/components/hotel/guest-dialog";
import { formatPhone } from "@/components/hotel/guest-display";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { listBookings } from "@/lib/hotel/bookings";
import { getGuest } from "@/lib/hotel/guests";
import { bookingsTableConfig } from "@/lib/hotel/table";
import { toBookingRow } from "../../bookings/booking-row";
import { GuestBookingsTable } from "./guest-bookings-table";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props) {
  const tenant = await getCurrentTenant();
  // The title names the stay or guest: members only, like the page (the check is cached per request).
  await requireTenantMember(tenant);
  const guest = await getGuest(await getDb(), { tenantId: tenant.id, guestId: (await params).id });
  return { title: guest?.name ?? "Guest" };
}

export default async function GuestPage({ params, searchParams }: Props) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const guest = await getGuest(db, { tenantId: tenant.id, guestId: id });
  if (!guest) notFound();
  const table = parseTableParams(query, bookingsTableConfig);
  const [{ rows, total }, form] = await Promise.all([
    listBookings(db, {
      tenantId: tenant.id,
      guestId: guest.id,
      sort: table.sort,
      limit: table.perPage,
      offset: table.offset,
    }),
    loadBookingFormData(db, tenant),
  ]);
  const canEdit = tenantCan(ctx.role, "guests.write");
  const canBook = tenantCan(ctx.role, "bookings.write");
  const view = rows.map((b) => toBookingRow(b, tenant));
  const option = { id: guest.id, name: guest.name, phone: guest.phone, email: guest.email };
  const newBooking = canBook ? (
    <BookingDialog
      {...form}
      guest={option}
      trigger={
        <Button>
          <CalendarPlus aria-hidden /> New booking
        </Button>
      }
    />
  ) : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/guests" className="hover:text-zinc-900">
            ← Guests
          </Link>
        }
        title={guest.name}
        description={`Guest since ${new Intl.DateTimeFormat(tenant.locale, { dateStyle: "long", timeZone: tenant.timezone }).format(guest.createdAt)}`}
        actions={
          <>
            {canEdit ? (
              <GuestDialog
                guest={{
                  id: guest.id,
                  name: guest.name,
                  phone: guest.phone ?? "",
                  email: guest.email ?? "",
                  preferredLanguage: guest.preferredLanguage,
                  notes: guest.notes,
                }}
                phoneHint={form.phoneHint}
                hotelLanguage={form.hotelLanguage}
                trigger={
                  <Button variant="outline">
                    <Pencil aria-hidden /> Edit guest
                  </Button>
                }
              />
            ) : null}
            {newBooking}
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Contact</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-zinc-500">Phone</dt>
              <dd className="tabular-nums">{formatPhone(guest.phone) ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-zinc-500">Email</dt>
              <dd className="break-all">{guest.email ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-zinc-500">Preferred language</dt>
              <dd>{languageName(guest.preferredLanguage)}</dd>
            </div>
            <div>
              <dt className="text-zinc-500">Stays</dt>
              <dd className="tabular-nums">{total}</dd>
            </div>
            {guest.notes ? (
              <div className="sm:col-span-2 lg:col-span-4">
                <dt className="text-zinc-500">Notes</dt>
                <dd className="whitespace-pre-line">{guest.notes}</dd>
              </div>
            ) : null}
          </dl>
        </CardContent>
      </Card>
      <section aria-labelledby="guest-stays" className="space-y-3">
        <h2 id="guest-stays" className="text-base font-semibold text-zinc-900">
          Stays
        </h2>
        <GuestBookingsTable rows={view} total={total} />
      </section>
    </div>
  );
}
