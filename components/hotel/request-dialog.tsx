"use client";

import * as React from "react";
import { toast } from "sonner";
import { createServiceRequestAction } from "@/app/t/[slug]/(portal)/requests/actions";
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
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ServiceRequestKind } from "@/lib/hotel/schemas";
import { optionsOf, serviceRequestKindLabels } from "@/lib/hotel/table";
import { FormAlert } from "./form-alert";
import { useActionForm } from "./use-action-form";

/** A stay a request can be made for: "Room 101 · Ada Obi (GV-000041)". */
export type RequestBookingOption = { id: string; label: string };

const fields = ["bookingId", "kind", "description"] as const;

/**
 * A guest's request (housekeeping, maintenance, room service…) on their booking. From a booking's
 * page the booking is fixed; from the requests page staff pick one of the stays in the house.
 */
export function RequestDialog({
  bookings,
  bookingId,
  trigger,
}: {
  bookings: readonly RequestBookingOption[];
  /** Fixes the booking (the booking's own page). */
  bookingId?: string;
  trigger: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  const [booking, setBooking] = React.useState(bookingId ?? "");
  const [kind, setKind] = React.useState<ServiceRequestKind | "">("");
  const [description, setDescription] = React.useState("");
  const { pending, errors, alert, reset, run } = useActionForm(fields);
  const id = React.useId();
  const fixed = bookings.find((b) => b.id === bookingId);

  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) {
      setBooking(bookingId ?? (bookings.length === 1 ? (bookings[0]?.id ?? "") : ""));
      setKind("");
      setDescription("");
      reset();
    }
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    run(
      // An unchosen kind goes as "" so the schema's own message names it.
      () => createServiceRequestAction({ bookingId: booking, kind: kind as ServiceRequestKind, description }),
      () => {
        toast.success("Request recorded; the team can see it on Service requests");
        setOpen(false);
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-lg" hideClose={pending}>
        <DialogHeader>
          <DialogTitle>New service request</DialogTitle>
          <DialogDescription>
            {fixed ? `For ${fixed.label}.` : "For a guest who is staying or about to arrive."}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="New service request">
          <FormAlert message={alert?.message ?? null} refusal={alert?.refusal} />
          {fixed ? null : (
            <FormField id={`${id}-booking`} label="Stay" error={errors.bookingId} required>
              <NativeSelect
                value={booking}
                onChange={(e) => setBooking(e.target.value)}
                placeholder={bookings.length === 0 ? "No guests in the house" : "Choose a room and guest"}
                options={bookings.map((b) => ({ value: b.id, label: b.label }))}
              />
            </FormField>
          )}
          <FormField id={`${id}-kind`} label="Kind" error={errors.kind} required>
            <NativeSelect
              value={kind}
              onChange={(e) => setKind(e.target.value as ServiceRequestKind | "")}
              placeholder="Choose the kind of request"
              options={optionsOf(serviceRequestKindLabels)}
            />
          </FormField>
          <FormField id={`${id}-description`} label="What is needed" error={errors.description} required>
            <Textarea
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={1000}
              placeholder="Two extra towels, the shower drains slowly…"
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Record request
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
