// Portal > Billing > Invoice: the hotel's own invoice as a printable document. Another hotel's
// invoice (or a made-up id) is a 404: it is read in this tenant's scope only.
import { invoiceOr404 } from "@/components/billing/invoice-or-404";
import { platformIssuer, portalBillingUrl } from "@/components/billing/platform-details";
import { PrintableInvoice } from "@/components/billing/printable-invoice";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";

export const metadata = { title: "Invoice" };

export default async function TenantInvoicePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const tenant = await getCurrentTenant();
  await requireTenantMember(tenant, "billing.read");
  const { id } = await params;
  const detail = await invoiceOr404(await getDb(), { id, tenantId: tenant.id });
  return (
    <PrintableInvoice
      detail={detail}
      hotel={tenant}
      issuer={platformIssuer()}
      payUrl={portalBillingUrl(tenant.slug)}
      backHref="/billing"
      now={new Date()}
    />
  );
}
