"use server";
// Portal > Guests: add and edit guests, and the guest search of the booking form. Everyone on the
// team (guests.write); the hotel is the one of this request's host.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { createGuest, guestInputSchema, listGuests, updateGuest } from "@/lib/hotel/guests";
import { tenantAction } from "@/lib/safe-action";

/** What the booking form needs to show and pick a guest. */
export type GuestOption = { id: string; name: string; phone: string | null; email: string | null };

const toOption = (g: GuestOption): GuestOption => ({
  id: g.id,
  name: g.name,
  phone: g.phone,
  email: g.email,
});

export const createGuestAction = tenantAction("guests.write")
  .inputSchema(guestInputSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const guest = await createGuest(await getDb(), {
        tenantId: ctx.tenant.id,
        input: parsedInput,
        actor: ctx.actor,
      });
      revalidatePath("/", "layout");
      return toOption(guest);
    }),
  );

export const updateGuestAction = tenantAction("guests.write")
  .inputSchema(guestInputSchema.extend({ guestId: z.uuid() }))
  .action(({ parsedInput: { guestId, ...input }, ctx }) =>
    refusable(async () => {
      const guest = await updateGuest(await getDb(), {
        tenantId: ctx.tenant.id,
        guestId,
        input,
        actor: ctx.actor,
      });
      revalidatePath("/", "layout");
      return toOption(guest);
    }),
  );

/** Guests matching a name, email or phone, for picking one in the booking form. */
export const searchGuestsAction = tenantAction("portal.view")
  .inputSchema(z.object({ q: z.string().trim().max(120) }))
  .action(async ({ parsedInput, ctx }): Promise<GuestOption[]> => {
    const { rows } = await listGuests(await getDb(), {
      tenantId: ctx.tenant.id,
      q: parsedInput.q || undefined,
      // Without a query: the latest guests, who are the likeliest to be booked next.
      sort: parsedInput.q ? { id: "name", desc: false } : { id: "updatedAt", desc: true },
      limit: 8,
      offset: 0,
    });
    return rows.map(toOption);
  });
