import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Tx } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import {
  type CreditChange,
  type CreditReason,
  currentBalance,
  ensurePool,
  findEntry,
  insertEntry,
  moveBalance,
} from "./ledger";

export type { CreditChange, LedgerEntry } from "./ledger";

const uuid = z.uuid();
const reference = z.string().trim().min(1).max(200);

/**
 * Runs one change; when a concurrent twin won the unique (tenant, reason, reference) race, the
 * losing transaction rolls back whole and the caller gets the winner's entry instead.
 */
async function idempotent(
  db: Queryable,
  tenantId: string,
  reason: CreditReason,
  ref: string,
  work: (tx: Tx) => Promise<CreditChange>,
): Promise<CreditChange> {
  try {
    return await withTenant(db, tenantId, work);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const entry = await withTenant(db, tenantId, (tx) => findEntry(tx, tenantId, reason, ref));
    if (!entry) throw error;
    return { entry, replayed: true };
  }
}

const grantInput = z.object({
  tenantId: uuid,
  amount: z.number().int().positive(),
  reason: z.enum(["trial_grant", "plan_allowance", "purchase", "manual_adjustment"]),
  reference,
  note: z.string().trim().max(500).optional(),
});

/** Adds credits. Idempotent by (tenant, reason, reference): a repeat returns the first entry. */
export async function grantCredits(
  db: Queryable,
  input: z.input<typeof grantInput> & { actor: Actor },
): Promise<CreditChange> {
  const { tenantId, amount, reason, reference: ref, note } = grantInput.parse(input);
  return idempotent(db, tenantId, reason, ref, async (tx) => {
    await ensurePool(tx, tenantId);
    const existing = await findEntry(tx, tenantId, reason, ref);
    if (existing) return { entry: existing, replayed: true };
    const balanceAfter = await moveBalance(tx, tenantId, amount);
    if (balanceAfter === null) throw new Error("credit pool row vanished");
    const entry = await insertEntry(tx, {
      tenantId,
      delta: amount,
      balanceAfter,
      reason,
      reference: ref,
      note: note ?? null,
      actorUserId: input.actor.userId,
    });
    return { entry, replayed: false };
  });
}

const debitInput = z.object({ tenantId: uuid, amount: z.number().int().positive(), reference });

/**
 * Takes credits for a send. Idempotent by reference, so a redelivered send debits once.
 * Refuses with LIMIT_REACHED (and writes nothing) when the balance does not cover it.
 */
export async function debitCredits(
  db: Queryable,
  input: z.input<typeof debitInput> & { actor?: Actor },
): Promise<CreditChange> {
  const { tenantId, amount, reference: ref } = debitInput.parse(input);
  return idempotent(db, tenantId, "send", ref, async (tx) => {
    await ensurePool(tx, tenantId);
    const existing = await findEntry(tx, tenantId, "send", ref);
    if (existing) return { entry: existing, replayed: true };
    const balanceAfter = await moveBalance(tx, tenantId, -amount);
    if (balanceAfter === null) {
      const left = await currentBalance(tx, tenantId);
      throw new AppError("LIMIT_REACHED", `Not enough SMS credits: ${amount} needed, ${left} left.`, {
        details: { needed: amount, balance: left },
      });
    }
    const entry = await insertEntry(tx, {
      tenantId,
      delta: -amount,
      balanceAfter,
      reason: "send",
      reference: ref,
      actorUserId: input.actor?.userId ?? null,
    });
    return { entry, replayed: false };
  });
}

const refundInput = z.object({ tenantId: uuid, debitReference: reference });

/** Gives back exactly what a send debited, once; the refund's reference is the debit's. */
export async function refundCredits(
  db: Queryable,
  input: z.input<typeof refundInput> & { actor?: Actor },
): Promise<CreditChange> {
  const { tenantId, debitReference } = refundInput.parse(input);
  return idempotent(db, tenantId, "refund", debitReference, async (tx) => {
    const debit = await findEntry(tx, tenantId, "send", debitReference);
    if (!debit) throw new AppError("NOT_FOUND", "There is no SMS debit with that reference to refund.");
    const existing = await findEntry(tx, tenantId, "refund", debitReference);
    if (existing) return { entry: existing, replayed: true };
    const balanceAfter = await moveBalance(tx, tenantId, -debit.delta);
    if (balanceAfter === null) throw new Error("credit pool row vanished");
    const entry = await insertEntry(tx, {
      tenantId,
      delta: -debit.delta,
      balanceAfter,
      reason: "refund",
      reference: debitReference,
      actorUserId: input.actor?.userId ?? null,
    });
    return { entry, replayed: false };
  });
}

const adjustInput = z.object({
  tenantId: uuid,
  delta: z
    .number()
    .int()
    .refine((n) => n !== 0, "The adjustment cannot be zero."),
  note: z.string().trim().min(3).max(500),
  /** Lets a retried form submission apply once; a fresh one is made otherwise. */
  reference: reference.optional(),
});

/** A manual credit or debit by staff, audited; a debit below zero is refused with CONFLICT. */
export async function adjustCredits(
  db: Queryable,
  input: z.input<typeof adjustInput> & { actor: Actor },
): Promise<CreditChange> {
  const { tenantId, delta, note, reference: given } = adjustInput.parse(input);
  const ref = given ?? `manual:${randomUUID()}`;
  return idempotent(db, tenantId, "manual_adjustment", ref, async (tx) => {
    await ensurePool(tx, tenantId);
    const existing = await findEntry(tx, tenantId, "manual_adjustment", ref);
    if (existing) return { entry: existing, replayed: true };
    const balanceAfter = await moveBalance(tx, tenantId, delta);
    if (balanceAfter === null) {
      const left = await currentBalance(tx, tenantId);
      throw new AppError(
        "CONFLICT",
        `The balance is ${left}; an adjustment of ${delta} would take it below zero.`,
        {
          field: "delta",
        },
      );
    }
    const entry = await insertEntry(tx, {
      tenantId,
      delta,
      balanceAfter,
      reason: "manual_adjustment",
      reference: ref,
      note,
      actorUserId: input.actor.userId,
    });
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: "credits.adjust",
      targetType: "sms_credit_pool",
      targetId: tenantId,
      before: { balance: balanceAfter - delta },
      after: { balance: balanceAfter },
      details: { delta, note, reference: ref, ledgerEntryId: entry.id },
    });
    return { entry, replayed: false };
  });
}

const PENDING_KEY = "pendingTrialSmsCredits";

/**
 * Moves the trial credits that provisioning parked in `settings.pendingTrialSmsCredits` into
 * the pool (reference `trial:<tenantId>`) and removes the key, in one transaction, so they are
 * granted once. Returns null when nothing was pending.
 */
export async function grantPendingTrialCredits(
  db: Queryable,
  input: { tenantId: string; actor: Actor },
): Promise<CreditChange | null> {
  const tenantId = uuid.parse(input.tenantId);
  return withTenant(db, tenantId, async (tx) => {
    // The row lock keeps two concurrent callers from both reading the key.
    const [tenant] = await tx
      .select({ settings: platformTenants.settings })
      .from(platformTenants)
      .where(eq(platformTenants.id, tenantId))
      .for("update");
    if (!tenant) throw new AppError("NOT_FOUND", "Tenant not found.");
    const pending = z.number().int().safeParse(tenant.settings[PENDING_KEY]);
    if (!(PENDING_KEY in tenant.settings)) return null;
    await tx
      .update(platformTenants)
      .set({ settings: sql`${platformTenants.settings} - ${PENDING_KEY}::text` })
      .where(eq(platformTenants.id, tenantId));
    if (!pending.success || pending.data <= 0) return null;
    return grantCredits(tx, {
      tenantId,
      amount: pending.data,
      reason: "trial_grant",
      reference: `trial:${tenantId}`,
      note: "Trial SMS credits",
      actor: input.actor,
    });
  });
}
