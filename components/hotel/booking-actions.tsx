"use client";

import { Ban, CheckCircle2, LogIn, LogOut } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import {
  cancelBookingAction,
  checkInBookingAction,
  checkOutBookingAction,
  confirmBookingAction,
} from "@/app/t/[slug]/(portal)/bookings/actions";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { BookingStatus } from "@/lib/hotel/schemas";
import { readOutcome } from "./refusal";

export type BookingMove = "confirm" | "check_in" | "check_out";

/** The moves the state machine allows from a status (the server checks again). */
export const moveTarget: Record<BookingMove, BookingStatus> = {
  confirm: "confirmed",
  check_in: "checked_in",
  check_out: "checked_out",
};

const moves = {
  confirm: {
    label: "Confirm",
    name: (guest: string) => `Confirm booking for ${guest}`,
    done: (guest: string, room: string) => `Booking for ${guest} in room ${room} is confirmed`,
    icon: CheckCircle2,
    action: confirmBookingAction,
  },
  check_in: {
    label: "Check in",
    name: (guest: string) => `Check in ${guest}`,
    done: (guest: string, room: string) => `${guest} is checked in to room ${room}`,
    icon: LogIn,
    action: checkInBookingAction,
  },
  check_out: {
    label: "Check out",
    name: (guest: string) => `Check out ${guest}`,
    done: (guest: string, room: string) => `${guest} has checked out; room ${room} is ready for cleaning`,
    icon: LogOut,
    action: checkOutBookingAction,
  },
} as const;

/**
 * One step of a booking's life as a button named after the guest ("Check in Ada Obi"), so a list
 * of arrivals reads right to a screen reader and to the e2e tests alike.
 */
export function BookingMoveButton({
  move,
  bookingId,
  guestName,
  roomNumber,
  variant,
  size = "sm",
}: {
  move: BookingMove;
  bookingId: string;
  guestName: string;
  roomNumber: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
}) {
  const [pending, startTransition] = React.useTransition();
  const m = moves[move];
  const Icon = m.icon;
  const go = () =>
    startTransition(async () => {
      const outcome = readOutcome(await m.action({ bookingId }).catch(() => undefined));
      if (outcome.ok) toast.success(m.done(guestName, roomNumber));
      else toast.error(outcome.message);
    });
  return (
    <Button variant={variant} size={size} onClick={go} loading={pending} aria-label={m.name(guestName)}>
      {pending ? null : <Icon aria-hidden />}
      {m.label}
    </Button>
  );
}

/** Cancelling asks for the reason (kept on the booking and in the audit log) and says what happens. */
export function CancelBookingButton({
  bookingId,
  reference,
  guestName,
  size = "sm",
}: {
  bookingId: string;
  reference: string;
  guestName: string;
  size?: ButtonProps["size"];
}) {
  const [reason, setReason] = React.useState("");
  const reasonId = React.useId();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size={size} aria-label={`Cancel booking ${reference}`}>
          <Ban aria-hidden /> Cancel booking
        </Button>
      }
      title={`Cancel booking ${reference}?`}
      description={`${guestName}'s stay is cancelled and its nights are free to book again.`}
      consequences={["This cannot be undone: make a new booking if plans change back."]}
      confirmLabel="Cancel booking"
      cancelLabel="Keep booking"
      variant="destructive"
      onOpenChange={(open) => {
        if (!open) setReason("");
      }}
      onConfirm={async () => {
        if (!reason.trim()) throw new Error("Say why the booking is cancelled.");
        const outcome = readOutcome(await cancelBookingAction({ bookingId, reason }));
        if (!outcome.ok) throw new Error(outcome.fieldErrors.reason ?? outcome.message);
        toast.success(`Booking ${reference} is cancelled`);
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={reasonId}>Reason</Label>
        <Textarea
          id={reasonId}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder="Guest changed plans, no-show…"
        />
      </div>
    </ConfirmDialog>
  );
}

/** Every move the booking's status allows, for the booking's page. */
export function BookingStatusActions({
  bookingId,
  reference,
  guestName,
  roomNumber,
  allowed,
}: {
  bookingId: string;
  reference: string;
  guestName: string;
  roomNumber: string;
  /** Statuses the booking may move to now (from the server's state machine). */
  allowed: readonly BookingStatus[];
}) {
  const shown = (Object.keys(moveTarget) as BookingMove[]).filter((m) => allowed.includes(moveTarget[m]));
  return (
    <>
      {shown.map((move) => (
        <BookingMoveButton
          key={move}
          move={move}
          bookingId={bookingId}
          guestName={guestName}
          roomNumber={roomNumber}
          size="md"
        />
      ))}
      {allowed.includes("cancelled") ? (
        <CancelBookingButton bookingId={bookingId} reference={reference} guestName={guestName} size="md" />
      ) : null}
    </>
  );
}
