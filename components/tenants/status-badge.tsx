import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { Tenant } from "@/lib/tenants/queries";

const variants: Record<Tenant["status"], BadgeVariant> = {
  trial: "neutral",
  active: "success",
  past_due: "warning",
  suspended: "danger",
  deleted: "neutral",
};

export function TenantStatusBadge({ status }: { status: Tenant["status"] }) {
  return <Badge variant={variants[status]}>{status.replace("_", " ")}</Badge>;
}
