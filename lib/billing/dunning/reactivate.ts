// Paying reactivates: once a hotel that dunning moved to past_due or suspended has no overdue
// invoice left, it is active again. A hotel suspended for another reason (an admin's decision,
// a trial that ended) is left as it is: paying does not lift that.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { applyTenantTransition, sendAfterCommit } from "@/lib/tenants/lifecycle";
import { countOverdueInvoices } from "./overdue";
import { isNonPaymentSuspension } from "./schemas";

export type ReactivateResult =
  | { reactivated: true; from: "past_due" | "suspended" }
  | { reactivated: false; reason: string };

export async function reactivateIfSettled(
  db: Queryable,
  opts: { tenantId: string; actor: Actor; now?: Date },
): Promise<ReactivateResult> {
  const now = opts.now ?? new Date();
  const reason = "All overdue invoices are paid";
  // The tenant row lock makes the check and the change one decision (a concurrent dunning run waits).
  const result = await db.transaction(async (tx): Promise<ReactivateResult> => {
    const [tenant] = await tx
      .select({ status: platformTenants.status, suspensionReason: platformTenants.suspensionReason })
      .from(platformTenants)
      .where(eq(platformTenants.id, opts.tenantId))
      .for("update");
    if (!tenant) return { reactivated: false, reason: "no such tenant" };
    const inDunning =
      tenant.status === "past_due" ||
      (tenant.status === "suspended" && isNonPaymentSuspension(tenant.suspensionReason));
    if (!inDunning) return { reactivated: false, reason: `tenant is ${tenant.status} (not for non-payment)` };
    const overdue = await countOverdueInvoices(tx, { tenantId: opts.tenantId, now });
    if (overdue > 0)
      return {
        reactivated: false,
        reason: `${overdue} invoice${overdue === 1 ? " is" : "s are"} still overdue`,
      };
    const { from } = await applyTenantTransition(tx, {
      tenantId: opts.tenantId,
      to: "active",
      reason,
      actor: opts.actor,
    });
    return { reactivated: true, from: from === "suspended" ? "suspended" : "past_due" };
  });
  if (result.reactivated) {
    await sendAfterCommit({
      name: "tenant/status.changed",
      data: { tenantId: opts.tenantId, from: result.from, to: "active", reason },
    });
  }
  return result;
}
