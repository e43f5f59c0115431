// What the booking dialog needs from the server, loaded the same way by every page that offers
// "New booking" (bookings, front desk, a guest's page).
import type { Queryable } from "@/db/connect";
import { todayIn } from "@/lib/hotel/dates";
import { listAllRooms } from "@/lib/hotel/rooms";
import type { Tenant } from "@/lib/tenants/queries";
import type { BookingRoomOption } from "./booking-dialog";
import { hotelLanguage, phoneHint } from "./guest-display";

export type BookingFormData = {
  rooms: BookingRoomOption[];
  currency: string;
  locale: string;
  today: string;
  phoneHint: string;
  hotelLanguage: string;
};

export async function loadBookingFormData(db: Queryable, tenant: Tenant): Promise<BookingFormData> {
  const rooms = await listAllRooms(db, { tenantId: tenant.id });
  return {
    rooms: rooms.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      capacity: r.capacity,
      nightlyRateMinor: r.nightlyRateMinor,
      status: r.status,
    })),
    currency: tenant.currency,
    locale: tenant.locale,
    today: todayIn(tenant.timezone),
    phoneHint: phoneHint(tenant),
    hotelLanguage: hotelLanguage(tenant),
  };
}
