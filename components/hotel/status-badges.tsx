import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { BookingStatus, RoomStatus, ServiceRequestStatus } from "@/lib/hotel/schemas";
import { bookingStatusLabels, roomStatusLabels, serviceRequestStatusLabels } from "@/lib/hotel/table";

// One colour per status, everywhere in the portal (the words come from lib/hotel/table.ts).

export const roomStatusVariants: Record<RoomStatus, BadgeVariant> = {
  available: "success",
  occupied: "info",
  cleaning: "warning",
  out_of_service: "danger",
};

const bookingStatusVariants: Record<BookingStatus, BadgeVariant> = {
  pending: "warning",
  confirmed: "default",
  checked_in: "success",
  checked_out: "neutral",
  cancelled: "danger",
};

const requestStatusVariants: Record<ServiceRequestStatus, BadgeVariant> = {
  open: "warning",
  in_progress: "info",
  done: "success",
};

export function RoomStatusBadge({ status }: { status: RoomStatus }) {
  return (
    <Badge variant={roomStatusVariants[status]} dot>
      {roomStatusLabels[status]}
    </Badge>
  );
}

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return (
    <Badge variant={bookingStatusVariants[status]} dot>
      {bookingStatusLabels[status]}
    </Badge>
  );
}

export function RequestStatusBadge({ status }: { status: ServiceRequestStatus }) {
  return (
    <Badge variant={requestStatusVariants[status]} dot>
      {serviceRequestStatusLabels[status]}
    </Badge>
  );
}
