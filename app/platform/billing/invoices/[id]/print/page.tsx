// Console > Billing > Invoice > Print: the invoice as the hotel receives it, ready for paper or PDF.

import { notFound } from "next/navigation";
import { invoiceOr404 } from "@/components/billing/invoice-or-404";
import { platformIssuer, portalBillingUrl } from "@/components/billing/platform-details";
import { PrintableInvoice } from "@/components/billing/printable-invoice";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { getTenantById } from "@/lib/tenants/queries";

export const metadata = { title: "Print invoice" };

export default async function PrintInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePlatformRole("billing.read");
  const { id } = await params;
  const db = await getDb();
  const detail = await invoiceOr404(db, { id });
  const hotel = await getTenantById(db, detail.invoice.tenantId);
  if (!hotel) notFound();
  return (
    <PrintableInvoice
      detail={detail}
      hotel={hotel}
      issuer={platformIssuer()}
      payUrl={portalBillingUrl(hotel.slug)}
      backHref={`/platform/billing/invoices/${id}`}
      now={new Date()}
    />
  );
}
