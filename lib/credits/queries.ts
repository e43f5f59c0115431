import { count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { queryRows } from "@/db/rows";
import { platformSmsCreditLedger, platformSmsCreditPool } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { LedgerEntry } from "./ledger";

const uuid = z.uuid();

export type CreditBalance = { balance: number; lowBalanceThreshold: number | null; isLow: boolean };

/** A tenant without a pool row yet has a zero balance and no threshold. */
export async function getCreditBalance(db: Queryable, input: { tenantId: string }): Promise<CreditBalance> {
  const tenantId = uuid.parse(input.tenantId);
  const [pool] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        balance: platformSmsCreditPool.balance,
        threshold: platformSmsCreditPool.lowBalanceThreshold,
      })
      .from(platformSmsCreditPool)
      .where(eq(platformSmsCreditPool.tenantId, tenantId)),
  );
  const balance = pool?.balance ?? 0;
  const lowBalanceThreshold = pool?.threshold ?? null;
  return {
    balance,
    lowBalanceThreshold,
    isLow: lowBalanceThreshold !== null && balance <= lowBalanceThreshold,
  };
}

const listInput = z.object({
  tenantId: uuid,
  limit: z.number().int().min(1).max(500),
  offset: z.number().int().min(0),
});

/** Newest first. */
export async function listLedger(
  db: Queryable,
  input: z.input<typeof listInput>,
): Promise<{ rows: LedgerEntry[]; total: number }> {
  const { tenantId, limit, offset } = listInput.parse(input);
  return withTenant(db, tenantId, async (tx) => {
    const where = eq(platformSmsCreditLedger.tenantId, tenantId);
    const rows = await tx
      .select()
      .from(platformSmsCreditLedger)
      .where(where)
      .orderBy(desc(platformSmsCreditLedger.createdAt), desc(platformSmsCreditLedger.id))
      .limit(limit)
      .offset(offset);
    const [totals] = await tx.select({ total: count() }).from(platformSmsCreditLedger).where(where);
    return { rows, total: totals?.total ?? 0 };
  });
}

export type Reconciliation = { tenantId: string; balance: number; ledgerSum: number; ok: boolean };

/**
 * Platform-side check that every pool's balance equals its ledger's sum (a tenant with ledger
 * rows but no pool, or the reverse, shows up too). Runs on the platform connection, not withTenant.
 */
export async function reconcileCredits(
  db: Queryable,
  input: { tenantId?: string } = {},
): Promise<Reconciliation[]> {
  const tenantId = input.tenantId === undefined ? null : uuid.parse(input.tenantId);
  const rows = await queryRows<{ tenant_id: string; balance: number; ledger_sum: number }>(
    db,
    sql`select coalesce(p.tenant_id, l.tenant_id) as tenant_id,
          coalesce(p.balance, 0)::int as balance,
          coalesce(l.total, 0)::int as ledger_sum
        from ${platformSmsCreditPool} p
        full outer join (
          select tenant_id, sum(delta) as total from ${platformSmsCreditLedger} group by tenant_id
        ) l on l.tenant_id = p.tenant_id
        where ${tenantId}::uuid is null or coalesce(p.tenant_id, l.tenant_id) = ${tenantId}::uuid
        order by 1`,
  );
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    balance: Number(r.balance),
    ledgerSum: Number(r.ledger_sum),
    ok: Number(r.balance) === Number(r.ledger_sum),
  }));
}

const thresholdInput = z.object({
  tenantId: uuid,
  threshold: z.number().int().min(0).max(1_000_000).nullable(),
});

/** The tenant's low-balance warning level (null turns the warning off). */
export async function setLowBalanceThreshold(
  db: Queryable,
  input: z.input<typeof thresholdInput>,
): Promise<CreditBalance> {
  const { tenantId, threshold } = thresholdInput.parse(input);
  await withTenant(db, tenantId, (tx) =>
    tx
      .insert(platformSmsCreditPool)
      .values({ tenantId, lowBalanceThreshold: threshold })
      .onConflictDoUpdate({
        target: platformSmsCreditPool.tenantId,
        set: { lowBalanceThreshold: threshold, updatedAt: new Date() },
      }),
  );
  return getCreditBalance(db, { tenantId });
}
