// GET /platform/billing/invoices/export: the invoices matching the table's filters (?status, ?tenant,
// ?period, ?q) as a CSV download. Console users who may read billing, or a platform API key.
import { invoiceFiltersFromParams, invoicesTableConfig } from "@/components/billing/invoices-table/config";
import { parseTableParams } from "@/components/data-table/params";
import { getDb } from "@/db/client";
import { errorResponse, jsonError } from "@/lib/api/respond";
import { recordAudit } from "@/lib/audit/record";
import { authenticateApiRequest } from "@/lib/auth/api";
import { platformCan } from "@/lib/auth/permissions";
import { invoicesCsv } from "@/lib/billing/invoices/csv";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const principal = await authenticateApiRequest(req);
    if (!platformCan(principal.platformRole, "billing.read")) {
      return jsonError(403, "FORBIDDEN", "Only console users who may read billing can export invoices.");
    }
    const params = parseTableParams(Object.fromEntries(new URL(req.url).searchParams), invoicesTableConfig);
    const filters = invoiceFiltersFromParams(params);
    const db = await getDb();
    const csv = await invoicesCsv(db, filters);
    // Exports leave the building: who took one, and with which filter, is audited.
    await recordAudit(db, {
      actor: principal.actor,
      action: "billing.invoice.export",
      targetType: "invoice",
      details: { filters },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="hearth-invoices-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
