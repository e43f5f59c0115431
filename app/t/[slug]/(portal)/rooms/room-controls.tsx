"use client";

import { Check, ChevronDown, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { RoomStatusBadge } from "@/components/hotel/status-badges";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { RoomStatus } from "@/lib/hotel/schemas";
import { roomStatusLabels } from "@/lib/hotel/table";
import { deleteRoomAction, setRoomStatusAction } from "./actions";
import { RoomDialog, type RoomFormValues } from "./room-dialog";

/** The status badge as a menu: housekeeping flips rooms between available, cleaning and out of service all day. */
export function RoomStatusMenu({
  roomId,
  number,
  status,
}: {
  roomId: string;
  number: string;
  status: RoomStatus;
}) {
  const [pending, startTransition] = React.useTransition();
  const change = (next: RoomStatus) => {
    if (next === status) return;
    startTransition(async () => {
      const outcome = readOutcome(await setRoomStatusAction({ roomId, status: next }));
      if (outcome.ok) toast.success(`Room ${number} is now ${roomStatusLabels[next].toLowerCase()}`);
      else toast.error(outcome.message);
    });
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <button
          type="button"
          disabled={pending}
          aria-label={`Status of room ${number}: ${roomStatusLabels[status]}. Change`}
          className="-mx-1 inline-flex cursor-pointer items-center gap-1 rounded-md px-1 py-0.5 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none disabled:opacity-60"
        >
          <RoomStatusBadge status={status} />
          <ChevronDown className="size-3.5 text-zinc-400" aria-hidden />
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>Room {number}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {(Object.keys(roomStatusLabels) as RoomStatus[]).map((s) => (
          <DropdownMenuItem key={s} onSelect={() => change(s)}>
            <Check className={s === status ? "opacity-100" : "opacity-0"} aria-hidden />
            {roomStatusLabels[s]}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Edit and delete one room; deleting asks first and says what it cannot do. */
export function RoomRowActions({ room, currency }: { room: RoomFormValues; currency: string }) {
  const [confirming, setConfirming] = React.useState(false);
  return (
    <div className="flex justify-end gap-1">
      <RoomDialog
        room={room}
        currency={currency}
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Edit room ${room.number}`}>
            <Pencil aria-hidden />
          </Button>
        }
      />
      {/* Not modal: the confirmation opens as the menu closes, and two modal layers fight over focus. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`More actions for room ${room.number}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setConfirming(true)} className="text-red-600 focus:text-red-700">
            <Trash2 aria-hidden /> Delete room
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete room ${room.number}?`}
        consequences={[
          "The room leaves your inventory, the availability grid and the booking form.",
          "A room that has ever been booked keeps its history and cannot be deleted: set it out of service instead.",
        ]}
        confirmLabel="Delete room"
        variant="destructive"
        onConfirm={async () => {
          const outcome = readOutcome(await deleteRoomAction({ roomId: room.id }));
          if (!outcome.ok) throw new Error(outcome.message);
          toast.success(`Deleted room ${room.number}`);
        }}
      />
    </div>
  );
}
