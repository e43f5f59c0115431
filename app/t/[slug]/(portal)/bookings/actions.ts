"use server";
// Portal > Bookings and Front desk: make a booking and move it through its life (confirm, check
// in, check out, cancel). Everyone on the team (bookings.write); the services refuse moves the
// state machine does not allow. The hotel is the one of this request's host.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/audit/actor";
import {
  type Booking,
  bookingInputSchema,
  cancelBooking,
  cancelReasonSchema,
  checkInBooking,
  checkOutBooking,
  confirmBooking,
  createBooking,
} from "@/lib/hotel/bookings";
import { tenantAction } from "@/lib/safe-action";

// Bookings show on the front desk, the dashboard, guests' and rooms' pages.
const refresh = () => revalidatePath("/", "layout");

const summary = (b: Booking) => ({ id: b.id, reference: b.reference, status: b.status });

export const createBookingAction = tenantAction("bookings.write")
  .inputSchema(bookingInputSchema.safeExtend({ confirm: z.boolean().default(false) }))
  .action(({ parsedInput: { confirm, ...input }, ctx }) =>
    refusable(async () => {
      const booking = await createBooking(await getDb(), {
        tenantId: ctx.tenant.id,
        input,
        actor: ctx.actor,
        status: confirm ? "confirmed" : "pending",
      });
      refresh();
      return summary(booking);
    }),
  );

const bookingRef = z.object({ bookingId: z.uuid() });
type Transition = (
  db: Awaited<ReturnType<typeof getDb>>,
  opts: { tenantId: string; bookingId: string; actor: Actor },
) => Promise<Booking>;

function transitionAction(transition: Transition) {
  return tenantAction("bookings.write")
    .inputSchema(bookingRef)
    .action(({ parsedInput, ctx }) =>
      refusable(async () => {
        const booking = await transition(await getDb(), {
          tenantId: ctx.tenant.id,
          bookingId: parsedInput.bookingId,
          actor: ctx.actor,
        });
        refresh();
        return summary(booking);
      }),
    );
}

export const confirmBookingAction = transitionAction(confirmBooking);
export const checkInBookingAction = transitionAction(checkInBooking);
export const checkOutBookingAction = transitionAction(checkOutBooking);

export const cancelBookingAction = tenantAction("bookings.write")
  .inputSchema(bookingRef.extend({ reason: cancelReasonSchema }))
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const booking = await cancelBooking(await getDb(), {
        tenantId: ctx.tenant.id,
        bookingId: parsedInput.bookingId,
        reason: parsedInput.reason,
        actor: ctx.actor,
      });
      refresh();
      return summary(booking);
    }),
  );
