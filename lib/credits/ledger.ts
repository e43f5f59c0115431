import { and, eq, gte, sql } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { platformSmsCreditLedger, platformSmsCreditPool } from "@/db/schema";

export type LedgerEntry = typeof platformSmsCreditLedger.$inferSelect;
export type CreditReason = LedgerEntry["reason"];
/** A change's outcome: `replayed` when the same (tenant, reason, reference) had already been applied. */
export type CreditChange = { entry: LedgerEntry; replayed: boolean };

// The building blocks of every change; callers run them inside one `withTenant` transaction.

/** The pool row is created on first use, so no tenant needs a backfill. */
export async function ensurePool(tx: Tx, tenantId: string): Promise<void> {
  await tx.insert(platformSmsCreditPool).values({ tenantId }).onConflictDoNothing();
}

export async function findEntry(
  tx: Tx,
  tenantId: string,
  reason: CreditReason,
  reference: string,
): Promise<LedgerEntry | undefined> {
  const [entry] = await tx
    .select()
    .from(platformSmsCreditLedger)
    .where(
      and(
        eq(platformSmsCreditLedger.tenantId, tenantId),
        eq(platformSmsCreditLedger.reason, reason),
        eq(platformSmsCreditLedger.reference, reference),
      ),
    );
  return entry;
}

export async function currentBalance(tx: Tx, tenantId: string): Promise<number> {
  const [pool] = await tx
    .select({ balance: platformSmsCreditPool.balance })
    .from(platformSmsCreditPool)
    .where(eq(platformSmsCreditPool.tenantId, tenantId));
  return pool?.balance ?? 0;
}

/**
 * Moves the balance by `delta` in one conditional UPDATE: a decrease only matches while the
 * balance covers it (`balance >= n`), so concurrent debits can never overdraw (a read-then-write
 * would lose updates). Returns the new balance, or null when the balance was too low.
 */
export async function moveBalance(tx: Tx, tenantId: string, delta: number): Promise<number | null> {
  const [row] = await tx
    .update(platformSmsCreditPool)
    .set({ balance: sql`${platformSmsCreditPool.balance} + ${delta}`, updatedAt: new Date() })
    .where(
      and(
        eq(platformSmsCreditPool.tenantId, tenantId),
        delta < 0 ? gte(platformSmsCreditPool.balance, -delta) : undefined,
      ),
    )
    .returning({ balance: platformSmsCreditPool.balance });
  return row ? row.balance : null;
}

export async function insertEntry(
  tx: Tx,
  values: {
    tenantId: string;
    delta: number;
    balanceAfter: number;
    reason: CreditReason;
    reference: string;
    note?: string | null;
    actorUserId?: string | null;
  },
): Promise<LedgerEntry> {
  const [entry] = await tx.insert(platformSmsCreditLedger).values(values).returning();
  if (!entry) throw new Error("ledger insert returned no row");
  return entry;
}
