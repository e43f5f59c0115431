import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { type MessageStatus, messageStatusLabels } from "@/lib/messaging/log/table";

const variants: Record<MessageStatus, BadgeVariant> = {
  queued: "neutral",
  sent: "info",
  delivered: "success",
  failed: "danger",
  undelivered: "warning",
};

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return (
    <Badge variant={variants[status]} dot data-status={status}>
      {messageStatusLabels[status]}
    </Badge>
  );
}
