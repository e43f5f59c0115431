import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import {
  platformInvoiceLines,
  platformInvoices,
  platformPayments,
  platformRefunds,
  platformTenants,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import {
  type InvoiceFilters,
  invoiceFiltersSchema,
  type ListInvoicesInput,
  listInvoicesSchema,
} from "./schemas";
import type { Invoice, InvoiceLine } from "./settle";

export type InvoiceListRow = Invoice & { tenantName: string; tenantSlug: string };
export type Payment = typeof platformPayments.$inferSelect;
export type Refund = typeof platformRefunds.$inferSelect;
export type InvoiceDetail = {
  invoice: InvoiceListRow;
  lines: InvoiceLine[];
  payments: Payment[];
  refunds: Refund[];
  /** What is still to pay: total − paid (never below zero). */
  balanceMinor: number;
};

/** Runs `work` in the tenant's RLS scope when the caller is scoped to one tenant, else as the platform. */
function scoped<T>(
  db: Queryable,
  tenantId: string | undefined,
  work: (q: Queryable) => Promise<T>,
): Promise<T> {
  return tenantId ? withTenant(db, tenantId, work) : work(db);
}

function filterConditions(f: z.output<typeof invoiceFiltersSchema>): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.tenantId) conditions.push(eq(platformInvoices.tenantId, f.tenantId));
  if (f.status) conditions.push(eq(platformInvoices.status, f.status));
  if (f.periodFrom) conditions.push(gte(platformInvoices.periodStart, new Date(`${f.periodFrom}T00:00:00Z`)));
  if (f.periodTo) {
    conditions.push(lte(platformInvoices.periodStart, new Date(`${f.periodTo}T23:59:59.999Z`)));
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(platformInvoices.number, like), ilike(platformTenants.name, like));
    if (match) conditions.push(match);
  }
  return conditions.length ? and(...conditions) : undefined;
}

const listColumns = {
  invoice: platformInvoices,
  tenantName: platformTenants.name,
  tenantSlug: platformTenants.slug,
};

async function selectRows(q: Queryable, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = q
    .select(listColumns)
    .from(platformInvoices)
    .innerJoin(platformTenants, eq(platformTenants.id, platformInvoices.tenantId))
    .where(where)
    .orderBy(desc(platformInvoices.createdAt), desc(platformInvoices.number));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map((r) => ({ ...r.invoice, tenantName: r.tenantName, tenantSlug: r.tenantSlug }));
}

/**
 * One page of invoices, newest first, with the hotel's name. With `tenantId` the query runs in that
 * tenant's scope (row-level security applies): the tenant billing page passes its own id.
 */
export async function listInvoices(
  db: Queryable,
  input: ListInvoicesInput,
): Promise<{ rows: InvoiceListRow[]; total: number; page: number; pageSize: number }> {
  const f = listInvoicesSchema.parse(input);
  const where = filterConditions(f);
  return scoped(db, f.tenantId, async (q) => {
    const rows = await selectRows(q, where, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    const [total] = await q
      .select({ n: count() })
      .from(platformInvoices)
      .innerJoin(platformTenants, eq(platformTenants.id, platformInvoices.tenantId))
      .where(where);
    return { rows, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
  });
}

/** Every invoice matching the filters, for exports (capped: a CSV is not a backup). */
export async function listAllInvoices(
  db: Queryable,
  filters: InvoiceFilters,
  cap = 50_000,
): Promise<InvoiceListRow[]> {
  const f = invoiceFiltersSchema.parse(filters);
  return scoped(db, f.tenantId, (q) => selectRows(q, filterConditions(f), { limit: cap, offset: 0 }));
}

const notFound = () => new AppError("NOT_FOUND", "That invoice does not exist.");

/**
 * An invoice with its lines, payments and refunds. With `tenantId` (the tenant's pages) it is read
 * in that tenant's scope and must belong to it: another tenant's invoice is NOT_FOUND, as is an id
 * that does not exist, so a guessed id reveals nothing.
 */
export async function getInvoice(
  db: Queryable,
  opts: { id: string; tenantId?: string },
): Promise<InvoiceDetail> {
  if (!z.uuid().safeParse(opts.id).success) throw notFound();
  return scoped(db, opts.tenantId, async (q) => {
    const where = opts.tenantId
      ? and(eq(platformInvoices.id, opts.id), eq(platformInvoices.tenantId, opts.tenantId))
      : eq(platformInvoices.id, opts.id);
    const [invoice] = await selectRows(q, where, { limit: 1, offset: 0 });
    if (!invoice) throw notFound();
    const lines = await q
      .select()
      .from(platformInvoiceLines)
      .where(eq(platformInvoiceLines.invoiceId, invoice.id))
      .orderBy(
        asc(platformInvoiceLines.createdAt),
        sql`${platformInvoiceLines.kind}`,
        asc(platformInvoiceLines.sourceKey),
      );
    const payments = await q
      .select()
      .from(platformPayments)
      .where(eq(platformPayments.invoiceId, invoice.id))
      .orderBy(asc(platformPayments.createdAt));
    const refunds = payments.length
      ? await q
          .select()
          .from(platformRefunds)
          .where(
            inArray(
              platformRefunds.paymentId,
              payments.map((p) => p.id),
            ),
          )
          .orderBy(asc(platformRefunds.createdAt))
      : [];
    return {
      invoice,
      lines,
      payments,
      refunds,
      balanceMinor: Math.max(0, invoice.totalMinor - invoice.amountPaidMinor),
    };
  });
}
