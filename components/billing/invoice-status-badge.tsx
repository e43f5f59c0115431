import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { InvoiceStatus } from "@/lib/billing/invoices/schemas";

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  draft: "Draft",
  open: "Open",
  paid: "Paid",
  void: "Void",
  uncollectible: "Uncollectible",
};

const variants: Record<InvoiceStatus, BadgeVariant> = {
  draft: "neutral",
  open: "info",
  paid: "success",
  void: "outline",
  uncollectible: "danger",
};

/** An invoice's status; an open invoice past its due date says "Overdue". */
export function InvoiceStatusBadge({
  status,
  overdue = false,
}: {
  status: InvoiceStatus;
  overdue?: boolean;
}) {
  if (status === "open" && overdue) {
    return (
      <Badge variant="warning" dot>
        Overdue
      </Badge>
    );
  }
  return (
    <Badge variant={variants[status]} dot>
      {invoiceStatusLabels[status]}
    </Badge>
  );
}

const paymentLabels = {
  pending: ["Pending", "neutral"],
  succeeded: ["Succeeded", "success"],
  failed: ["Failed", "danger"],
  refunded: ["Refunded", "outline"],
  partially_refunded: ["Partly refunded", "warning"],
} as const satisfies Record<string, readonly [string, BadgeVariant]>;

export type PaymentStatus = keyof typeof paymentLabels;

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const [label, variant] = paymentLabels[status];
  return <Badge variant={variant}>{label}</Badge>;
}
