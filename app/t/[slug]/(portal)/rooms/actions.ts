"use server";
// Portal > Rooms: add, edit, delete rooms and set their status. Owners and managers only
// (rooms.write); the hotel is the one of this request's host, never a value from the form.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { createRoom, deleteRoom, roomInputSchema, setRoomStatus, updateRoom } from "@/lib/hotel/rooms";
import { roomStatusSchema } from "@/lib/hotel/schemas";
import { MoneyParseError, toMinor } from "@/lib/money";
import { tenantAction } from "@/lib/safe-action";

/** The form sends the nightly rate as typed ("89.50"); it becomes minor units in the hotel's currency here. */
const roomFormSchema = roomInputSchema.omit({ nightlyRateMinor: true }).extend({
  rate: z.string().trim().min(1, "Enter the nightly rate").max(20, "The nightly rate is too large"),
});
type RoomForm = z.infer<typeof roomFormSchema>;

function toRoomInput({ rate, ...rest }: RoomForm, currency: string) {
  try {
    return { ...rest, nightlyRateMinor: toMinor(rate, currency) };
  } catch (error) {
    if (error instanceof MoneyParseError) throw new AppError("INVALID", error.message, { field: "rate" });
    throw error;
  }
}

const roomRef = z.object({ roomId: z.uuid() });
// Rooms show on the front desk, the bookings form and the dashboard too.
const refresh = () => revalidatePath("/", "layout");

export const createRoomAction = tenantAction("rooms.write")
  .inputSchema(roomFormSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const room = await createRoom(await getDb(), {
        tenantId: ctx.tenant.id,
        input: toRoomInput(parsedInput, ctx.tenant.currency),
        actor: ctx.actor,
      });
      refresh();
      return { id: room.id, number: room.number };
    }),
  );

export const updateRoomAction = tenantAction("rooms.write")
  .inputSchema(roomFormSchema.extend(roomRef.shape))
  .action(({ parsedInput: { roomId, ...form }, ctx }) =>
    refusable(async () => {
      const room = await updateRoom(await getDb(), {
        tenantId: ctx.tenant.id,
        roomId,
        input: toRoomInput(form, ctx.tenant.currency),
        actor: ctx.actor,
      });
      refresh();
      return { id: room.id, number: room.number };
    }),
  );

export const setRoomStatusAction = tenantAction("rooms.write")
  .inputSchema(roomRef.extend({ status: roomStatusSchema }))
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const room = await setRoomStatus(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      refresh();
      return { number: room.number, status: room.status };
    }),
  );

export const deleteRoomAction = tenantAction("rooms.write")
  .inputSchema(roomRef)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      await deleteRoom(await getDb(), { ...parsedInput, tenantId: ctx.tenant.id, actor: ctx.actor });
      refresh();
      return null;
    }),
  );
