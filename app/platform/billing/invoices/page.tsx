// Console > Billing > Invoices: every invoice, filtered by status, hotel and period in the URL and
// paginated on the server; "Export CSV" downloads the same filter, "New manual invoice" bills by hand.
import { Download } from "lucide-react";
import { isOverdue } from "@/components/billing/format";
import { invoiceColumns } from "@/components/billing/invoices-table/columns";
import {
  exportQuery,
  invoiceFiltersFromParams,
  invoiceStatusOptions,
  invoicesTableConfig,
  periodOptions,
} from "@/components/billing/invoices-table/config";
import { DataTable } from "@/components/data-table/data-table";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { listInvoices } from "@/lib/billing/invoices/queries";
import { listTenants } from "@/lib/tenants/queries";
import { NewInvoiceDialog } from "./new-invoice-dialog";

export const metadata = { title: "Invoices" };

/** The hotel filter and the manual invoice's picker list this many hotels, by name. */
const HOTEL_CHOICES = 500;

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requirePlatformRole("billing.read");
  const db = await getDb();
  const now = new Date();
  const params = parseTableParams(await searchParams, invoicesTableConfig);
  const [page, hotels] = await Promise.all([
    listInvoices(db, { ...invoiceFiltersFromParams(params), page: params.page, pageSize: params.perPage }),
    listTenants(db, { sort: { id: "name", desc: false }, limit: HOTEL_CHOICES, offset: 0 }),
  ]);
  const hotelOptions = hotels.rows.map((t) => ({ value: t.id, label: t.name }));
  const rows = page.rows.map((r) => ({ ...r, overdue: isOverdue(r, now) }));
  const canWrite = platformCan(ctx.platformRole, "billing.write");

  return (
    <div className="space-y-6">
      <PageHeader
        title="Invoices"
        description="Cycle and manual invoices of every hotel. Periods and dates are in UTC."
        actions={canWrite ? <NewInvoiceDialog hotels={hotelOptions} /> : null}
      />
      <DataTable
        columns={invoiceColumns}
        rows={rows}
        total={page.total}
        config={invoicesTableConfig}
        label="Invoices"
        searchPlaceholder="Search by number or hotel…"
        filters={[
          { key: "status", label: "Status", options: invoiceStatusOptions },
          { key: "tenant", label: "Hotel", options: hotelOptions, allLabel: "All hotels" },
          { key: "period", label: "Period", options: periodOptions(now), allLabel: "Any period" },
        ]}
        actions={
          <Button asChild variant="outline" size="sm">
            {/* A plain link: the route answers with a file download. */}
            <a href={`/platform/billing/invoices/export${exportQuery(params)}`} download>
              <Download aria-hidden /> Export CSV
            </a>
          </Button>
        }
        emptyState={{
          title: "No invoices yet",
          description: "Invoices appear here when the billing cycle runs or one is made by hand.",
        }}
      />
    </div>
  );
}
