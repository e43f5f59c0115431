// The dunning schedule for overdue invoices (platformBillingSettings): reminders on the configured
// days after the due date, then the hotel goes past_due, then suspended, through the tenant state
// machine. Each step is a row in platform_dunning_steps (primary key invoice + step), so it is
// taken once however often the run repeats; every step is audited.
import { eq, inArray } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformDunningSteps, platformInvoices, platformTenants } from "@/db/schema";
import { type Actor, systemActor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { type BillingSettings, getBillingSettings } from "@/lib/billing/invoices/settings";
import type { Invoice } from "@/lib/billing/invoices/settle";
import { applyTenantTransition, sendAfterCommit, type TenantStatus } from "@/lib/tenants/lifecycle";
import type { Tenant } from "@/lib/tenants/queries";
import { daysOverdue, listOverdueInvoiceIds } from "./overdue";
import { type ReminderMessage, sendOverdueReminder } from "./reminders";
import { type DunningStep, NON_PAYMENT_REASON_PREFIX, reminderStep } from "./schemas";

export const dunningActor = (): Actor => systemActor("dunning");

export type DunInvoiceResult = {
  invoiceId: string;
  daysOverdue: number;
  /** The reminder day sent this run (earlier missed days are recorded but not sent again). */
  reminderSent: number | null;
  /** Status changes made this run. */
  transitions: Array<{ from: TenantStatus; to: TenantStatus }>;
  skipped?: string;
};

/** Records steps; returns those that were not there yet (a concurrent run gets none). */
async function takeSteps(tx: Tx, invoice: Invoice, steps: DunningStep[], at: Date): Promise<string[]> {
  if (steps.length === 0) return [];
  const rows = await tx
    .insert(platformDunningSteps)
    .values(steps.map((step) => ({ invoiceId: invoice.id, tenantId: invoice.tenantId, step, takenAt: at })))
    .onConflictDoNothing()
    .returning({ step: platformDunningSteps.step });
  return rows.map((r) => r.step);
}

async function takenSteps(db: Queryable, invoiceId: string): Promise<Set<string>> {
  const rows = await db
    .select({ step: platformDunningSteps.step })
    .from(platformDunningSteps)
    .where(eq(platformDunningSteps.invoiceId, invoiceId));
  return new Set(rows.map((r) => r.step));
}

/**
 * Reminders due by now and not yet taken. When runs were missed, only the latest is sent: the
 * earlier ones are recorded as passed (one message, not three at once).
 */
async function remind(
  db: Queryable,
  ctx: {
    tenant: Tenant;
    invoice: Invoice;
    overdue: number;
    settings: BillingSettings;
    now: Date;
    actor: Actor;
  },
): Promise<number | null> {
  const { tenant, invoice, overdue, settings, now, actor } = ctx;
  const taken = await takenSteps(db, invoice.id);
  const due = [...new Set(settings.reminderDays)]
    .filter((d) => d > 0 && d <= overdue && !taken.has(reminderStep(d)))
    .sort((a, b) => a - b);
  const latest = due.at(-1);
  if (latest === undefined) return null;
  // Sent before the step is recorded: if recording fails the rerun sends again, and the messages'
  // idempotency keys make that second send a no-op.
  const messages: ReminderMessage[] = await sendOverdueReminder(db, {
    tenant,
    invoice,
    day: latest,
    daysOverdue: overdue,
    suspendAfterDays: settings.suspendAfterDays,
  });
  const recorded = await db.transaction(async (tx) => {
    const inserted = await takeSteps(tx, invoice, due.map(reminderStep), now);
    if (!inserted.includes(reminderStep(latest))) return false;
    await recordAudit(tx, {
      actor,
      tenantId: tenant.id,
      action: "billing.dunning.reminder",
      targetType: "invoice",
      targetId: invoice.id,
      details: {
        number: invoice.number,
        day: latest,
        daysOverdue: overdue,
        skippedDays: due.filter((d) => d !== latest),
        messages,
      },
    });
    return true;
  });
  return recorded ? latest : null;
}

const escalations: Array<{
  step: "past_due" | "suspended";
  after: (s: BillingSettings) => number;
  from: readonly TenantStatus[];
}> = [
  { step: "past_due", after: (s) => s.pastDueAfterDays, from: ["trial", "active"] },
  { step: "suspended", after: (s) => s.suspendAfterDays, from: ["trial", "active", "past_due"] },
];

/** past_due, then suspended, each once per invoice; the tenant moves only from a status that allows it. */
async function escalate(
  db: Queryable,
  ctx: { invoice: Invoice; overdue: number; settings: BillingSettings; now: Date; actor: Actor },
): Promise<DunInvoiceResult["transitions"]> {
  const { invoice, overdue, settings, now, actor } = ctx;
  const transitions: DunInvoiceResult["transitions"] = [];
  for (const { step, after, from } of escalations) {
    if (overdue < after(settings)) continue;
    const reason = `${NON_PAYMENT_REASON_PREFIX} invoice ${invoice.number} is ${overdue} day${overdue === 1 ? "" : "s"} overdue`;
    // The step, the status change and their audit rows commit together.
    const moved = await db.transaction(async (tx) => {
      const inserted = await takeSteps(tx, invoice, [step], now);
      if (inserted.length === 0) return null;
      const [tenant] = await tx
        .select({ status: platformTenants.status })
        .from(platformTenants)
        .where(eq(platformTenants.id, invoice.tenantId))
        .for("update");
      const applies = tenant !== undefined && from.includes(tenant.status);
      await recordAudit(tx, {
        actor,
        tenantId: invoice.tenantId,
        action: `billing.dunning.${step}`,
        targetType: "invoice",
        targetId: invoice.id,
        details: {
          number: invoice.number,
          daysOverdue: overdue,
          tenantStatus: tenant?.status ?? null,
          applied: applies,
        },
      });
      if (!applies) return null;
      const result = await applyTenantTransition(tx, { tenantId: invoice.tenantId, to: step, reason, actor });
      return { from: result.from, to: result.tenant.status };
    });
    if (moved) {
      transitions.push(moved);
      await sendAfterCommit({
        name: "tenant/status.changed",
        data: { tenantId: invoice.tenantId, from: moved.from, to: moved.to, reason },
      });
    }
  }
  return transitions;
}

/** Takes the steps due for one invoice at `now`. An invoice that is not (or no longer) overdue is left alone. */
export async function dunInvoice(
  db: Queryable,
  opts: { invoiceId: string; now: Date; settings?: BillingSettings; actor?: Actor },
): Promise<DunInvoiceResult> {
  const actor = opts.actor ?? dunningActor();
  const [row] = await db
    .select({ invoice: platformInvoices, tenant: platformTenants })
    .from(platformInvoices)
    .innerJoin(platformTenants, eq(platformTenants.id, platformInvoices.tenantId))
    .where(eq(platformInvoices.id, opts.invoiceId))
    .limit(1);
  const none = (skipped: string, overdue = 0): DunInvoiceResult => ({
    invoiceId: opts.invoiceId,
    daysOverdue: overdue,
    reminderSent: null,
    transitions: [],
    skipped,
  });
  if (!row) return none("invoice not found");
  const { invoice, tenant } = row;
  if (invoice.status !== "open" || !invoice.dueDate) return none(`invoice is ${invoice.status}`);
  const overdue = daysOverdue(invoice.dueDate, opts.now);
  if (overdue <= 0) return none("not overdue yet", overdue);
  if (tenant.status === "deleted") return none("tenant deleted", overdue);
  const settings = opts.settings ?? (await getBillingSettings(db));
  const ctx = { tenant, invoice, overdue, settings, now: opts.now, actor };
  const reminderSent = await remind(db, ctx);
  const transitions = await escalate(db, ctx);
  return { invoiceId: invoice.id, daysOverdue: overdue, reminderSent, transitions };
}

export type DunningRunResult = {
  invoices: number;
  reminders: number;
  pastDue: number;
  suspended: number;
  failed: number;
  failures: Array<{ invoiceId: string; error: string }>;
};

export function tallyDunning(result: DunningRunResult, r: DunInvoiceResult): void {
  result.invoices++;
  if (r.reminderSent !== null) result.reminders++;
  for (const t of r.transitions) {
    if (t.to === "past_due") result.pastDue++;
    if (t.to === "suspended") result.suspended++;
  }
}

/** Every overdue invoice at `now`, each on its own; one failing invoice does not stop the others. */
export async function runDunning(
  db: Queryable,
  opts: { now: Date; actor?: Actor; invoiceIds?: string[] },
): Promise<DunningRunResult> {
  const settings = await getBillingSettings(db);
  const ids = opts.invoiceIds ?? (await listOverdueInvoiceIds(db, { now: opts.now }));
  const result: DunningRunResult = {
    invoices: 0,
    reminders: 0,
    pastDue: 0,
    suspended: 0,
    failed: 0,
    failures: [],
  };
  for (const invoiceId of ids) {
    try {
      tallyDunning(result, await dunInvoice(db, { invoiceId, now: opts.now, settings, actor: opts.actor }));
    } catch (error) {
      console.error(`[dunning] invoice ${invoiceId} failed`, error);
      result.failed++;
      result.failures.push({ invoiceId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** Steps taken for a set of invoices (console timelines, tests). */
export async function listDunningSteps(db: Queryable, opts: { invoiceIds: string[] }) {
  if (opts.invoiceIds.length === 0) return [];
  return db
    .select()
    .from(platformDunningSteps)
    .where(inArray(platformDunningSteps.invoiceId, opts.invoiceIds));
}
