"use client";

import { ArrowLeft } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { createBookingAction } from "@/app/t/[slug]/(portal)/bookings/actions";
import { createGuestAction, type GuestOption } from "@/app/t/[slug]/(portal)/guests/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { addDays, isIsoDate, nightsBetween } from "@/lib/hotel/dates";
import { MAX_NIGHTS, type RoomStatus } from "@/lib/hotel/schemas";
import { formatMoney } from "@/lib/money";
import { FormAlert } from "./form-alert";
import { nightsLabel } from "./format";
import { emptyGuestForm, GuestFields, type GuestFormState } from "./guest-fields";
import { GuestPicker } from "./guest-picker";
import { useActionForm } from "./use-action-form";

export type BookingRoomOption = {
  id: string;
  number: string;
  type: string;
  capacity: number;
  nightlyRateMinor: number;
  status: RoomStatus;
};

const fields = [
  "guestId",
  "name",
  "phone",
  "email",
  "roomId",
  "checkIn",
  "checkOut",
  "adults",
  "notes",
] as const;

type StayState = {
  roomId: string;
  checkIn: string;
  checkOut: string;
  adults: string;
  notes: string;
  confirm: boolean;
};

function initialStay(today: string, roomId?: string): StayState {
  return {
    roomId: roomId ?? "",
    checkIn: today,
    checkOut: addDays(today, 1),
    adults: "1",
    notes: "",
    confirm: true,
  };
}

/**
 * A new booking: pick or create the guest, choose the room and the dates (calendar dates in the
 * hotel's timezone; `today` is the hotel's today), see nights and total before saving. A room
 * already taken for some of those nights is refused by the database, and the message names the
 * booking that holds it.
 */
export function BookingDialog({
  rooms,
  currency,
  locale,
  today,
  phoneHint,
  hotelLanguage,
  guest,
  roomId,
  trigger,
}: {
  rooms: readonly BookingRoomOption[];
  currency: string;
  locale: string;
  today: string;
  phoneHint: string;
  hotelLanguage: string;
  /** Book for this guest (e.g. from the guest's page). */
  guest?: GuestOption;
  roomId?: string;
  trigger: React.ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [selected, setSelected] = React.useState<GuestOption | null>(guest ?? null);
  const [newGuest, setNewGuest] = React.useState<GuestFormState | null>(null);
  const [stay, setStay] = React.useState(() => initialStay(today, roomId));
  const { pending, errors, alert, reset, run, setErrors } = useActionForm(fields);
  const id = React.useId();

  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) {
      setSelected(guest ?? null);
      setNewGuest(null);
      setStay(initialStay(today, roomId));
      reset();
    }
    setOpen(next);
  };

  const set = <K extends keyof StayState>(field: K, value: StayState[K]) =>
    setStay((s) => ({ ...s, [field]: value }));
  const setCheckIn = (value: string) =>
    setStay((s) => ({
      ...s,
      checkIn: value,
      // Keep the stay at least one night long as the arrival moves.
      checkOut:
        isIsoDate(value) && (!isIsoDate(s.checkOut) || s.checkOut <= value) ? addDays(value, 1) : s.checkOut,
    }));

  const room = rooms.find((r) => r.id === stay.roomId);
  const datesValid = isIsoDate(stay.checkIn) && isIsoDate(stay.checkOut);
  const nights = datesValid ? nightsBetween(stay.checkIn, stay.checkOut) : 0;
  const money = (minor: number) => formatMoney(minor, currency, locale);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const adults = stay.adults.trim() === "" ? Number.NaN : Number(stay.adults);
    run(
      async () => {
        let guestId = selected?.id ?? "";
        if (newGuest) {
          // The guest is saved first; if the booking is then refused, they stay picked for the retry.
          const created = await createGuestAction({ ...newGuest, notes: "" });
          const data = created?.data;
          if (!data?.ok) {
            return {
              serverError: created?.serverError,
              validationErrors: created?.validationErrors,
              data: data && !data.ok ? data : undefined,
            };
          }
          guestId = data.data.id;
          setSelected(data.data);
          setNewGuest(null);
        }
        return createBookingAction({
          guestId,
          roomId: stay.roomId,
          checkIn: stay.checkIn,
          checkOut: stay.checkOut,
          adults,
          notes: stay.notes,
          confirm: stay.confirm,
        });
      },
      (booking) => {
        setOpen(false);
        toast.success(
          `Booked ${booking.reference}${booking.status === "confirmed" ? " and confirmed" : ""}`,
          {
            action: { label: "Open", onClick: () => router.push(`/bookings/${booking.id}`) },
          },
        );
      },
    );
  };

  const fieldId = (name: string) => `${id}-${name}`;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[92vh] max-w-xl overflow-y-auto" hideClose={pending}>
        <DialogHeader>
          <DialogTitle>New booking</DialogTitle>
          <DialogDescription>
            Dates are in the hotel's time; check-out is the morning after the last night.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="New booking">
          <FormAlert message={alert?.message ?? null} refusal={alert?.refusal} />
          <fieldset className="grid gap-3">
            <legend className="mb-1.5 text-sm font-medium text-zinc-800">Guest</legend>
            {newGuest ? (
              <div className="grid gap-3 rounded-lg border border-zinc-200 p-3">
                <GuestFields
                  idPrefix={fieldId("guest")}
                  form={newGuest}
                  errors={errors}
                  onChange={(field, value) => setNewGuest((g) => (g ? { ...g, [field]: value } : g))}
                  phoneHint={phoneHint}
                  hotelLanguage={hotelLanguage}
                  compact
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="justify-self-start"
                  onClick={() => {
                    setNewGuest(null);
                    setErrors({});
                  }}
                  disabled={pending}
                >
                  <ArrowLeft aria-hidden /> Pick an existing guest
                </Button>
              </div>
            ) : (
              <GuestPicker
                id={fieldId("guestId")}
                selected={selected}
                onSelect={setSelected}
                onNewGuest={(name) => setNewGuest({ ...emptyGuestForm, name })}
                error={errors.guestId}
                disabled={pending}
              />
            )}
          </fieldset>

          <FormField id={fieldId("roomId")} label="Room" error={errors.roomId} required>
            <NativeSelect
              value={stay.roomId}
              onChange={(e) => set("roomId", e.target.value)}
              placeholder={rooms.length === 0 ? "No rooms yet" : "Choose a room"}
              options={rooms.map((r) => ({
                value: r.id,
                label: `${r.number} · ${r.type} · ${money(r.nightlyRateMinor)}/night · sleeps ${r.capacity}${
                  r.status === "out_of_service" ? " (out of service)" : ""
                }`,
                disabled: r.status === "out_of_service",
              }))}
            />
          </FormField>

          <div className="grid gap-4 sm:grid-cols-3">
            <FormField id={fieldId("checkIn")} label="Check-in" error={errors.checkIn} required>
              <Input
                type="date"
                value={stay.checkIn}
                min={today}
                onChange={(e) => setCheckIn(e.target.value)}
              />
            </FormField>
            <FormField id={fieldId("checkOut")} label="Check-out" error={errors.checkOut} required>
              <Input
                type="date"
                value={stay.checkOut}
                min={isIsoDate(stay.checkIn) ? addDays(stay.checkIn, 1) : undefined}
                max={isIsoDate(stay.checkIn) ? addDays(stay.checkIn, MAX_NIGHTS) : undefined}
                onChange={(e) => set("checkOut", e.target.value)}
              />
            </FormField>
            <FormField id={fieldId("adults")} label="Adults" error={errors.adults} required>
              <Input
                type="number"
                min={1}
                max={room?.capacity ?? 20}
                step={1}
                value={stay.adults}
                onChange={(e) => set("adults", e.target.value)}
              />
            </FormField>
          </div>

          <FormField id={fieldId("notes")} label="Notes" error={errors.notes} labelAside="Optional">
            <Textarea
              rows={2}
              value={stay.notes}
              onChange={(e) => set("notes", e.target.value)}
              maxLength={2000}
              placeholder="Late arrival, airport pickup…"
            />
          </FormField>

          <output
            htmlFor={`${fieldId("roomId")} ${fieldId("checkIn")} ${fieldId("checkOut")}`}
            aria-live="polite"
            className="flex items-center justify-between rounded-lg bg-zinc-50 px-4 py-3 text-sm"
          >
            {room && nights > 0 ? (
              <>
                <span className="text-zinc-600">
                  {nightsLabel(nights)} × {money(room.nightlyRateMinor)}
                </span>
                <span className="font-semibold text-zinc-900 tabular-nums">
                  Total {money(nights * room.nightlyRateMinor)}
                </span>
              </>
            ) : (
              <span className="text-zinc-500">
                {nights > 0 ? nightsLabel(nights) : "Choose the room and dates"} — the total appears here.
              </span>
            )}
          </output>

          <label className="inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={stay.confirm}
              onChange={(e) => set("confirm", e.target.checked)}
            />
            Confirm the booking now (the guest is told it is confirmed)
          </label>

          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {stay.confirm ? "Book and confirm" : "Book"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
