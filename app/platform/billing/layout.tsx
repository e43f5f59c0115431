// Console > Billing: overview, invoices and settings under one sub-navigation. Each page runs its
// own guard too; this one keeps the section to admins who may read billing.
import { requirePlatformRole } from "@/lib/auth/guards";
import { BillingNav } from "./billing-nav";

export default async function BillingLayout({ children }: { children: React.ReactNode }) {
  await requirePlatformRole("billing.read");
  return (
    <div className="space-y-6">
      <BillingNav />
      {children}
    </div>
  );
}
