// A booking list row as the bookings tables show it, formatted on the server in the hotel's locale.
import { formatShortDay } from "@/components/hotel/format";
import { type BookingListRow, nightsBetween } from "@/lib/hotel/bookings";
import { formatMoney } from "@/lib/money";
import type { Tenant } from "@/lib/tenants/queries";
import type { BookingRow } from "./bookings-table";

export function toBookingRow(b: BookingListRow, tenant: Pick<Tenant, "locale">): BookingRow {
  return {
    id: b.id,
    reference: b.reference,
    guestId: b.guestId,
    guestName: b.guestName,
    roomNumber: b.roomNumber,
    roomType: b.roomType,
    checkIn: b.checkIn,
    checkOut: b.checkOut,
    checkInLabel: formatShortDay(b.checkIn, tenant.locale),
    checkOutLabel: formatShortDay(b.checkOut, tenant.locale),
    nights: nightsBetween(b.checkIn, b.checkOut),
    status: b.status,
    totalLabel: formatMoney(b.totalMinor, b.currency, tenant.locale),
    createdAt: b.createdAt.toISOString(),
  };
}
