"use client";

import * as React from "react";
import { toast } from "sonner";
import { FormAlert } from "@/components/hotel/form-alert";
import { useActionForm } from "@/components/hotel/use-action-form";
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
import { Textarea } from "@/components/ui/textarea";
import { createRoomAction, updateRoomAction } from "./actions";

/** What the dialog edits; `rate` is the nightly rate as a decimal in the hotel's currency ("89.50"). */
export type RoomFormValues = {
  id: string;
  number: string;
  type: string;
  floor: number | null;
  rate: string;
  capacity: number;
  notes: string;
};

type FormState = {
  number: string;
  type: string;
  floor: string;
  rate: string;
  capacity: string;
  notes: string;
};
const fields = ["number", "type", "floor", "rate", "capacity", "notes"] as const;

function initial(room: RoomFormValues | undefined): FormState {
  return {
    number: room?.number ?? "",
    type: room?.type ?? "",
    floor: room?.floor == null ? "" : String(room.floor),
    rate: room?.rate ?? "",
    capacity: String(room?.capacity ?? 2),
    notes: room?.notes ?? "",
  };
}

/** Number fields left empty stay empty (floor) or become NaN, which the schema names. */
const toNumber = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

/**
 * Add a room or edit one. The rate is typed as money ("89.50") and converted to minor units on the
 * server in the hotel's currency. Past the plan's room limit the server refuses with an upgrade
 * prompt, shown at the top of the form.
 */
export function RoomDialog({
  room,
  currency,
  trigger,
}: {
  room?: RoomFormValues;
  currency: string;
  trigger: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState(() => initial(room));
  const { pending, errors, alert, reset, run } = useActionForm(fields);
  const id = React.useId();
  const editing = room !== undefined;

  const set = (field: keyof FormState, value: string) => setForm((f) => ({ ...f, [field]: value }));
  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) {
      setForm(initial(room));
      reset();
    }
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = {
      number: form.number,
      type: form.type,
      floor: form.floor.trim() === "" ? null : toNumber(form.floor),
      rate: form.rate,
      capacity: toNumber(form.capacity),
      notes: form.notes,
    };
    run(
      () => (room ? updateRoomAction({ ...input, roomId: room.id }) : createRoomAction(input)),
      (saved) => {
        toast.success(editing ? `Saved room ${saved.number}` : `Added room ${saved.number}`);
        setOpen(false);
      },
    );
  };

  const fieldId = (name: keyof FormState) => `${id}-${name}`;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-lg" hideClose={pending}>
        <DialogHeader>
          <DialogTitle>{editing ? `Edit room ${room.number}` : "Add a room"}</DialogTitle>
          <DialogDescription>
            {editing
              ? "Changes apply to new bookings; existing bookings keep their price."
              : "Rooms can be booked as soon as they are added."}
          </DialogDescription>
        </DialogHeader>
        <form
          onSubmit={submit}
          className="grid gap-4"
          noValidate
          aria-label={editing ? "Edit room" : "Add room"}
        >
          <FormAlert message={alert?.message ?? null} refusal={alert?.refusal} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id={fieldId("number")} label="Room number" error={errors.number} required>
              <Input
                value={form.number}
                onChange={(e) => set("number", e.target.value)}
                maxLength={20}
                autoComplete="off"
                placeholder="101"
              />
            </FormField>
            <FormField id={fieldId("type")} label="Type" error={errors.type} required>
              <Input
                value={form.type}
                onChange={(e) => set("type", e.target.value)}
                maxLength={60}
                placeholder="Double"
                list={`${id}-types`}
              />
            </FormField>
            <datalist id={`${id}-types`}>
              {["Single", "Double", "Twin", "Triple", "Family", "Suite", "Deluxe"].map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField id={fieldId("rate")} label={`Nightly rate (${currency})`} error={errors.rate} required>
              <Input
                value={form.rate}
                onChange={(e) => set("rate", e.target.value)}
                inputMode="decimal"
                placeholder="89.00"
                className="tabular-nums"
              />
            </FormField>
            <FormField
              id={fieldId("capacity")}
              label="Capacity"
              error={errors.capacity}
              hint="Guests it sleeps"
              required
            >
              <Input
                type="number"
                min={1}
                max={20}
                step={1}
                value={form.capacity}
                onChange={(e) => set("capacity", e.target.value)}
              />
            </FormField>
            <FormField id={fieldId("floor")} label="Floor" error={errors.floor} labelAside="Optional">
              <Input
                type="number"
                step={1}
                value={form.floor}
                onChange={(e) => set("floor", e.target.value)}
              />
            </FormField>
          </div>
          <FormField id={fieldId("notes")} label="Notes" error={errors.notes} labelAside="Optional">
            <Textarea
              rows={2}
              value={form.notes}
              onChange={(e) => set("notes", e.target.value)}
              maxLength={2000}
              placeholder="Sea view, accessible bathroom…"
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save room
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
