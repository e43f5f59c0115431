import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { PurchaseRow } from "@/lib/marketplace/purchase";

const statusView: Record<PurchaseRow["status"], { label: string; variant: BadgeVariant }> = {
  pending: { label: "Awaiting payment", variant: "warning" },
  fulfilled: { label: "Delivered", variant: "success" },
  failed: { label: "Payment failed", variant: "danger" },
  cancelled: { label: "Cancelled", variant: "neutral" },
  refunded: { label: "Refunded", variant: "info" },
};

export function PurchaseStatusBadge({ status }: { status: PurchaseRow["status"] }) {
  const view = statusView[status];
  return <Badge variant={view.variant}>{view.label}</Badge>;
}

/** "3 × 500 SMS credits", "Channel manager". */
export function purchaseLabel(p: Pick<PurchaseRow, "addonName" | "quantity">): string {
  return p.quantity > 1 ? `${p.quantity} × ${p.addonName}` : p.addonName;
}
