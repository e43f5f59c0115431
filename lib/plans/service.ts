// Writes to the plan catalogue (console; callers authorize with platformCan(role, "plans.write")).
// Each change is one transaction with its audit row. Plans in use can be archived (hidden from new
// choices, kept for the tenants on them) but never deleted: tenants and their history refer to them.
import { count, eq, or } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { platformPlanChanges, platformPlans, platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Plan } from "./queries";
import { type PlanInput, type PlanUpdate, planInputSchema, planRefSchema, planUpdateSchema } from "./schemas";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

async function lockPlan(tx: Tx, id: string): Promise<Plan> {
  const [row] = await tx.select().from(platformPlans).where(eq(platformPlans.id, id)).for("update").limit(1);
  if (!row) throw new AppError("NOT_FOUND", "That plan does not exist.", { field: "id" });
  return row;
}

/** Tenants referencing the plan, soft-deleted ones included (they still point at it). */
async function tenantsOnPlan(tx: Tx, planId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(platformTenants)
    .where(eq(platformTenants.planId, planId));
  return row?.n ?? 0;
}

function codeTaken(code: string): AppError {
  return new AppError("CONFLICT", `A plan with the code "${code}" already exists.`, { field: "code" });
}

function defaultPlanGuard(plan: Plan, change: "archive" | "hide" | "delete"): void {
  if (!plan.isDefault) return;
  const verb = { archive: "archived", hide: "made private", delete: "deleted" }[change];
  throw new AppError(
    "CONFLICT",
    `${plan.name} is the default plan for new sign-ups, so it cannot be ${verb}. Make another plan the default first.`,
    { field: change === "hide" ? "isPublic" : change === "archive" ? "isActive" : "id" },
  );
}

export async function createPlan(db: Queryable, opts: { input: PlanInput; actor: Actor }): Promise<Plan> {
  const values = planInputSchema.parse(opts.input);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx.insert(platformPlans).values(values).returning();
      if (!created) throw new Error("insert returned no row");
      await recordAudit(tx, {
        actor: opts.actor,
        action: "plan.create",
        targetType: "plan",
        targetId: created.id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(values.code);
    throw error;
  }
}

/** Changes the given fields. The currency of a plan tenants are on cannot change (their invoices would mix currencies). */
export async function updatePlan(db: Queryable, opts: { input: PlanUpdate; actor: Actor }): Promise<Plan> {
  const { id, ...patch } = planUpdateSchema.parse(opts.input);
  const changes = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  ) as typeof patch;
  try {
    return await db.transaction(async (tx) => {
      const before = await lockPlan(tx, id);
      if (Object.keys(changes).length === 0) return before;
      if (changes.isActive === false) defaultPlanGuard(before, "archive");
      if (changes.isPublic === false) defaultPlanGuard(before, "hide");
      if (changes.currency !== undefined && changes.currency !== before.currency) {
        const n = await tenantsOnPlan(tx, id);
        if (n > 0) {
          throw new AppError(
            "CONFLICT",
            `${before.name} is used by ${plural(n, "tenant")}, so its currency cannot change. Create a plan in ${changes.currency} instead.`,
            { field: "currency" },
          );
        }
      }
      const [after] = await tx
        .update(platformPlans)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(platformPlans.id, id))
        .returning();
      if (!after) throw new Error("update returned no row");
      await recordAudit(tx, {
        actor: opts.actor,
        action: "plan.update",
        targetType: "plan",
        targetId: id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(changes.code ?? "");
    throw error;
  }
}

async function setActive(
  db: Queryable,
  opts: { id: string; actor: Actor },
  isActive: boolean,
): Promise<Plan> {
  const { id } = planRefSchema.parse(opts);
  return db.transaction(async (tx) => {
    const before = await lockPlan(tx, id);
    if (before.isActive === isActive) return before;
    if (!isActive) defaultPlanGuard(before, "archive");
    const [after] = await tx
      .update(platformPlans)
      .set({ isActive, updatedAt: new Date() })
      .where(eq(platformPlans.id, id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      action: isActive ? "plan.unarchive" : "plan.archive",
      targetType: "plan",
      targetId: id,
      before: { isActive: before.isActive },
      after: { isActive },
      details: { code: before.code, tenants: await tenantsOnPlan(tx, id) },
    });
    return after;
  });
}

/** Hides the plan from new choices; tenants already on it keep it (and are billed for it) until they change. */
export async function archivePlan(db: Queryable, opts: { id: string; actor: Actor }): Promise<Plan> {
  return setActive(db, opts, false);
}

export async function unarchivePlan(db: Queryable, opts: { id: string; actor: Actor }): Promise<Plan> {
  return setActive(db, opts, true);
}

/** Deletes a plan nobody ever used. Refused while any tenant (deleted ones too) or plan change refers to it. */
export async function deletePlan(db: Queryable, opts: { id: string; actor: Actor }): Promise<void> {
  const { id } = planRefSchema.parse(opts);
  let code = "";
  try {
    await db.transaction(async (tx) => {
      const before = await lockPlan(tx, id);
      code = before.code;
      defaultPlanGuard(before, "delete");
      const tenants = await tenantsOnPlan(tx, id);
      if (tenants > 0) {
        throw new AppError(
          "CONFLICT",
          `Plan ${before.code} is used by ${plural(tenants, "tenant")}; archive it instead.`,
          { field: "id" },
        );
      }
      const [history] = await tx
        .select({ n: count() })
        .from(platformPlanChanges)
        .where(or(eq(platformPlanChanges.fromPlanId, id), eq(platformPlanChanges.toPlanId, id)));
      if ((history?.n ?? 0) > 0) {
        throw new AppError(
          "CONFLICT",
          `Plan ${before.code} appears in the plan history of past tenants; archive it instead.`,
          { field: "id" },
        );
      }
      await tx.delete(platformPlans).where(eq(platformPlans.id, id));
      await recordAudit(tx, {
        actor: opts.actor,
        action: "plan.delete",
        targetType: "plan",
        targetId: id,
        before,
      });
    });
  } catch (error) {
    // Another module's table (invoices, add-ons…) may refer to the plan too.
    if (isForeignKeyViolation(error)) {
      throw new AppError("CONFLICT", `Plan ${code} is still referenced elsewhere; archive it instead.`, {
        field: "id",
      });
    }
    throw error;
  }
}

/** Makes the plan the one self-service sign-ups get. It must be active and public. */
export async function setDefaultPlan(db: Queryable, opts: { id: string; actor: Actor }): Promise<Plan> {
  const { id } = planRefSchema.parse(opts);
  try {
    // Invariant: at most one default plan (also a partial unique index), switched atomically.
    return await db.transaction(async (tx) => {
      const target = await lockPlan(tx, id);
      if (target.isDefault) return target;
      if (!target.isActive || !target.isPublic) {
        throw new AppError(
          "CONFLICT",
          `${target.name} is ${target.isActive ? "private" : "archived"}; only an active, public plan can be the default.`,
          { field: "id" },
        );
      }
      const previous = await tx
        .update(platformPlans)
        .set({ isDefault: false, updatedAt: new Date() })
        .where(eq(platformPlans.isDefault, true))
        .returning({ id: platformPlans.id, code: platformPlans.code });
      const [after] = await tx
        .update(platformPlans)
        .set({ isDefault: true, updatedAt: new Date() })
        .where(eq(platformPlans.id, id))
        .returning();
      if (!after) throw new Error("update returned no row");
      await recordAudit(tx, {
        actor: opts.actor,
        action: "plan.set_default",
        targetType: "plan",
        targetId: id,
        details: { code: after.code, previous: previous[0]?.code ?? null },
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "Another plan was made the default at the same moment. Try again.", {
        field: "id",
      });
    }
    throw error;
  }
}
