import "server-only";
import { notFound } from "next/navigation";
import type { Queryable } from "@/db/connect";
import { getInvoice, type InvoiceDetail } from "@/lib/billing/invoices/queries";
import { AppError } from "@/lib/errors";

/**
 * The invoice for a page, or the 404 page. With `tenantId` (the portal) another hotel's invoice is
 * not found, exactly like one that does not exist.
 */
export async function invoiceOr404(
  db: Queryable,
  opts: { id: string; tenantId?: string },
): Promise<InvoiceDetail> {
  try {
    return await getInvoice(db, opts);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
