// The hotel's payments, for its billing pages. Read in the tenant's scope (row-level security is the
// second wall).
import { count, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformInvoices, platformPayments } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";

export type TenantPaymentRow = {
  id: string;
  provider: (typeof platformPayments.$inferSelect)["provider"];
  status: (typeof platformPayments.$inferSelect)["status"];
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  method: string | null;
  at: Date;
  invoiceId: string | null;
  invoiceNumber: string | null;
};

export async function listTenantPayments(
  db: Queryable,
  opts: { tenantId: string; limit: number; offset: number },
): Promise<{ rows: TenantPaymentRow[]; total: number }> {
  return withTenant(db, opts.tenantId, async (tx) => {
    const where = eq(platformPayments.tenantId, opts.tenantId);
    const rows = await tx
      .select({
        id: platformPayments.id,
        provider: platformPayments.provider,
        status: platformPayments.status,
        amountMinor: platformPayments.amountMinor,
        refundedMinor: platformPayments.refundedMinor,
        currency: platformPayments.currency,
        method: platformPayments.method,
        receivedAt: platformPayments.receivedAt,
        createdAt: platformPayments.createdAt,
        invoiceId: platformPayments.invoiceId,
        invoiceNumber: platformInvoices.number,
      })
      .from(platformPayments)
      .leftJoin(platformInvoices, eq(platformInvoices.id, platformPayments.invoiceId))
      .where(where)
      .orderBy(desc(platformPayments.createdAt), desc(platformPayments.id))
      .limit(opts.limit)
      .offset(opts.offset);
    const [total] = await tx.select({ n: count() }).from(platformPayments).where(where);
    return {
      rows: rows.map(({ receivedAt, createdAt, ...r }) => ({ ...r, at: receivedAt ?? createdAt })),
      total: total?.n ?? 0,
    };
  });
}
