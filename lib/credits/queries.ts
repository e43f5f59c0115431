import { count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { queryRows } from "@/db/rows";
import { platformSmsCreditLedger, platformSmsCreditPool, platformTenants, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
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

/**
 * The tenant's low-balance warning level (null turns the warning off). With an `actor` (a person
 * changing it from the portal) the change is audited in the same transaction.
 */
export async function setLowBalanceThreshold(
  db: Queryable,
  input: z.input<typeof thresholdInput> & { actor?: Actor },
): Promise<CreditBalance> {
  const { tenantId, threshold } = thresholdInput.parse(input);
  await withTenant(db, tenantId, async (tx) => {
    const [before] = await tx
      .select({ threshold: platformSmsCreditPool.lowBalanceThreshold })
      .from(platformSmsCreditPool)
      .where(eq(platformSmsCreditPool.tenantId, tenantId));
    await tx
      .insert(platformSmsCreditPool)
      .values({ tenantId, lowBalanceThreshold: threshold })
      .onConflictDoUpdate({
        target: platformSmsCreditPool.tenantId,
        set: { lowBalanceThreshold: threshold, updatedAt: new Date() },
      });
    if (input.actor) {
      await recordAudit(tx, {
        actor: input.actor,
        tenantId,
        action: "credits.threshold.update",
        targetType: "sms_credit_pool",
        targetId: tenantId,
        before: { lowBalanceThreshold: before?.threshold ?? null },
        after: { lowBalanceThreshold: threshold },
      });
    }
  });
  return getCreditBalance(db, { tenantId });
}

export type LedgerRow = LedgerEntry & { actorLabel: string | null };

/** Newest first, with the name (or email) of whoever made each manual change. */
export async function listLedgerWithActors(
  db: Queryable,
  input: z.input<typeof listInput>,
): Promise<{ rows: LedgerRow[]; total: number }> {
  const { tenantId, limit, offset } = listInput.parse(input);
  return withTenant(db, tenantId, async (tx) => {
    const where = eq(platformSmsCreditLedger.tenantId, tenantId);
    const found = await tx
      .select({ entry: platformSmsCreditLedger, actorName: users.name, actorEmail: users.email })
      .from(platformSmsCreditLedger)
      .leftJoin(users, eq(users.id, platformSmsCreditLedger.actorUserId))
      .where(where)
      .orderBy(desc(platformSmsCreditLedger.createdAt), desc(platformSmsCreditLedger.id))
      .limit(limit)
      .offset(offset);
    const [totals] = await tx.select({ total: count() }).from(platformSmsCreditLedger).where(where);
    return {
      rows: found.map((r) => ({ ...r.entry, actorLabel: r.actorName || r.actorEmail || null })),
      total: totals?.total ?? 0,
    };
  });
}

export const creditBalanceSortable = ["name", "balance"] as const;

const balancesInput = z.object({
  /** Matches the tenant's name or subdomain. */
  q: z.string().trim().max(200).optional(),
  /** `low`: at or under the threshold; `mismatch`: the pool disagrees with its ledger. */
  only: z.enum(["low", "mismatch"]).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  sort: z
    .object({ id: z.enum(creditBalanceSortable), desc: z.boolean() })
    .default({ id: "name", desc: false }),
});

export type CreditBalanceRow = {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  balance: number;
  lowBalanceThreshold: number | null;
  isLow: boolean;
  ledgerSum: number;
  /** The pool's balance equals the sum of its ledger (reconcileCredits' check, per row). */
  reconciled: boolean;
};

/**
 * Every (not deleted) tenant's SMS balance, threshold and reconciliation, one page at a time.
 * Platform connection: the console's cross-tenant view. A tenant without a pool shows zero.
 */
export async function listCreditBalances(
  db: Queryable,
  input: z.input<typeof balancesInput> = {},
): Promise<{ rows: CreditBalanceRow[]; total: number }> {
  const opts = balancesInput.parse(input);
  const like = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const only = opts.only ?? null;
  // One derived table for both the page and its count, so they can never disagree.
  const balances = sql`(
      select t.id as tenant_id, t.name as tenant_name, t.slug as tenant_slug,
        coalesce(p.balance, 0)::int as balance,
        p.low_balance_threshold as threshold,
        coalesce(l.total, 0)::int as ledger_sum
      from ${platformTenants} t
      left join ${platformSmsCreditPool} p on p.tenant_id = t.id
      left join (
        select tenant_id, sum(delta) as total from ${platformSmsCreditLedger} group by tenant_id
      ) l on l.tenant_id = t.id
      where t.status <> 'deleted'
        and (${like}::text is null or t.name ilike ${like}::text or t.slug ilike ${like}::text)
    ) b
    where ${only}::text is null
      or (${only}::text = 'low' and b.threshold is not null and b.balance <= b.threshold)
      or (${only}::text = 'mismatch' and b.balance <> b.ledger_sum)`;
  const order = sql.raw(
    `${opts.sort.id === "balance" ? "balance" : "lower(tenant_name)"} ${opts.sort.desc ? "desc" : "asc"}, tenant_id`,
  );
  const [rows, [totals]] = await Promise.all([
    queryRows<{
      tenant_id: string;
      tenant_name: string;
      tenant_slug: string;
      balance: number;
      threshold: number | null;
      ledger_sum: number;
    }>(
      db,
      sql`select b.* from ${balances} order by ${order}
          limit ${opts.pageSize} offset ${(opts.page - 1) * opts.pageSize}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${balances}`),
  ]);
  return {
    rows: rows.map((r) => {
      const balance = Number(r.balance);
      const threshold = r.threshold === null ? null : Number(r.threshold);
      const ledgerSum = Number(r.ledger_sum);
      return {
        tenantId: r.tenant_id,
        tenantName: r.tenant_name,
        tenantSlug: r.tenant_slug,
        balance,
        lowBalanceThreshold: threshold,
        isLow: threshold !== null && balance <= threshold,
        ledgerSum,
        reconciled: balance === ledgerSum,
      };
    }),
    total: Number(totals?.total ?? 0),
  };
}
