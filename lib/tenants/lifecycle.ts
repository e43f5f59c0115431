import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { sendEvent } from "@/lib/jobs/send-event";
import type { Tenant } from "./queries";
import { suspendTenantSchema, tenantTransitionSchema } from "./schemas";

// The tenant state machine. Every status change in the app goes through `transitionTenant` (or
// `applyTenantTransition` inside a caller's transaction): the console, the REST API, trial expiry
// and dunning alike, so the rules and the audit trail live in one place.

export type TenantStatus = Tenant["status"];

/** Where each status may go. `deleted` is final: a soft-deleted hotel is never revived. */
export const tenantTransitions: Readonly<Record<TenantStatus, readonly TenantStatus[]>> = {
  trial: ["active", "past_due", "suspended", "deleted"],
  active: ["past_due", "suspended", "deleted"],
  past_due: ["active", "suspended", "deleted"],
  suspended: ["active", "deleted"],
  deleted: [],
};

export function canTransition(from: TenantStatus, to: TenantStatus): boolean {
  return tenantTransitions[from].includes(to);
}

export const tenantStatusLabel = (status: TenantStatus): string => status.replace("_", " ");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot name a tenant; checking first keeps Postgres from raising a cast error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export type TransitionInput = { tenantId: string; to: TenantStatus; reason?: string | null; actor: Actor };
export type TransitionResult = { tenant: Tenant; from: TenantStatus };

/** The columns that describe a status; they are in the audit entry's before/after. */
function statusFields(t: Tenant) {
  return {
    status: t.status,
    suspendedAt: t.suspendedAt,
    suspensionReason: t.suspensionReason,
    deletedAt: t.deletedAt,
  };
}

/**
 * Applies a transition inside the caller's transaction and audits it; sends nothing. Callers that
 * compose it with other writes must send `tenant/status.changed` themselves after they commit.
 * Invariant kept: `suspendedAt`/`suspensionReason` are set exactly while suspended, `deletedAt` once deleted.
 */
export async function applyTenantTransition(tx: Tx, input: TransitionInput): Promise<TransitionResult> {
  const notFound = new AppError("NOT_FOUND", "No such tenant.");
  if (!isUuid(input.tenantId)) throw notFound;
  // The row lock serializes concurrent transitions of one tenant: the second sees the first's result.
  const [before] = await tx
    .select()
    .from(platformTenants)
    .where(eq(platformTenants.id, input.tenantId))
    .for("update");
  if (!before) throw notFound;
  const { to } = input;
  if (!canTransition(before.status, to)) {
    const message =
      before.status === to
        ? `${before.name} is already ${tenantStatusLabel(to)}.`
        : `Cannot move ${before.name} from ${tenantStatusLabel(before.status)} to ${tenantStatusLabel(to)}.`;
    throw new AppError("CONFLICT", message, { field: "status" });
  }
  const reason = input.reason?.trim() || null;
  const now = new Date();
  const [after] = await tx
    .update(platformTenants)
    .set({
      status: to,
      suspendedAt: to === "suspended" ? now : null,
      suspensionReason: to === "suspended" ? reason : null,
      deletedAt: to === "deleted" ? now : null,
      updatedAt: now,
    })
    .where(eq(platformTenants.id, before.id))
    .returning();
  if (!after) throw notFound;
  await recordAudit(tx, {
    actor: input.actor,
    tenantId: after.id,
    action: "tenant.status.change",
    targetType: "tenant",
    targetId: after.id,
    before: statusFields(before),
    after: statusFields(after),
    details: { from: before.status, to, reason },
  });
  return { tenant: after, from: before.status };
}

/**
 * Sends an event for a change that has committed. A failed send does not undo or fail the
 * change (retrying the request would be refused or be a no-op); it is logged for the operator.
 */
export async function sendAfterCommit(event: Parameters<typeof sendEvent>[0]): Promise<void> {
  try {
    await sendEvent(event);
  } catch (error) {
    console.error("[tenants] event not sent after commit", error);
  }
}

/** THE path for status changes: locks the row, checks the transition, audits, commits, then notifies. */
export async function transitionTenant(db: Db, input: TransitionInput): Promise<Tenant> {
  const { tenant, from } = await db.transaction((tx) => applyTenantTransition(tx, input));
  await sendAfterCommit({
    name: "tenant/status.changed",
    data: { tenantId: tenant.id, from, to: tenant.status, reason: input.reason?.trim() || null },
  });
  return tenant;
}

/** Suspends a hotel: its members see the suspended page. A reason is required (it is shown and audited). */
export async function suspendTenant(
  db: Db,
  opts: { tenantId: string; reason: string; actor: Actor },
): Promise<Tenant> {
  const { reason } = suspendTenantSchema.parse({ reason: opts.reason });
  return transitionTenant(db, { tenantId: opts.tenantId, to: "suspended", reason, actor: opts.actor });
}

export async function activateTenant(
  db: Db,
  opts: { tenantId: string; reason?: string | null; actor: Actor },
): Promise<Tenant> {
  const { reason } = tenantTransitionSchema.parse({ reason: opts.reason?.trim() || undefined });
  return transitionTenant(db, { tenantId: opts.tenantId, to: "active", reason, actor: opts.actor });
}

/** Soft delete: the row stays (and keeps its slug); the hotel's portal answers 404 from now on. */
export async function softDeleteTenant(
  db: Db,
  opts: { tenantId: string; reason?: string | null; actor: Actor },
): Promise<Tenant> {
  const { reason } = tenantTransitionSchema.parse({ reason: opts.reason?.trim() || undefined });
  return transitionTenant(db, { tenantId: opts.tenantId, to: "deleted", reason, actor: opts.actor });
}
