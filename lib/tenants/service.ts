import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { isUuid } from "./lifecycle";
import { type ProvisionResult, provisionTenant } from "./provision";
import type { Tenant } from "./queries";
import { type CreateTenantInput, type UpdateTenantInput, updateTenantSchema } from "./schemas";

// Writes on hotels for the console and the REST API. Status changes live in lifecycle.ts and
// creation in provision.ts; both are re-exported here so callers import one module.

export {
  activateTenant,
  applyTenantTransition,
  canTransition,
  softDeleteTenant,
  suspendTenant,
  tenantTransitions,
  transitionTenant,
} from "./lifecycle";
export { provisionTenant, tenantDefaultSeeders } from "./provision";

/**
 * A hotel created by a platform admin or an API client; same path as a signup. `source` defaults
 * to "api" for API keys and "console" otherwise; the REST route always says "api".
 */
export async function createTenant(
  db: Db,
  opts: { input: CreateTenantInput; actor: Actor; idempotencyKey?: string; source?: "console" | "api" },
): Promise<ProvisionResult> {
  return provisionTenant(db, {
    input: opts.input,
    actor: opts.actor,
    source: opts.source ?? (opts.actor.kind === "api_key" ? "api" : "console"),
    idempotencyKey: opts.idempotencyKey,
  });
}

type Editable = Pick<
  Tenant,
  "name" | "contactEmail" | "contactPhone" | "country" | "currency" | "timezone" | "locale" | "settings"
>;

/** `settings` is merged key by key; a null value removes the key. */
function mergeSettings(current: Record<string, unknown>, patch: Record<string, unknown>) {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes a hotel's details and settings; audits the fields that changed (before and after).
 * A deleted hotel answers NOT_FOUND, like one that never existed. Returns the tenant as saved.
 */
export async function updateTenant(
  db: Db,
  opts: { tenantId: string; input: UpdateTenantInput; actor: Actor },
): Promise<Tenant> {
  const input = updateTenantSchema.parse(opts.input);
  const notFound = new AppError("NOT_FOUND", "No such tenant.");
  if (!isUuid(opts.tenantId)) throw notFound;
  return db.transaction(async (tx) => {
    // Locked so that two editors merging settings cannot lose each other's keys.
    const [before] = await tx
      .select()
      .from(platformTenants)
      .where(eq(platformTenants.id, opts.tenantId))
      .for("update");
    if (!before || before.status === "deleted") throw notFound;

    const { settings, ...fields } = input;
    const wanted: Partial<Editable> = { ...fields };
    if (settings) wanted.settings = mergeSettings(before.settings, settings);
    const changed = (Object.keys(wanted) as Array<keyof Editable>).filter(
      (k) => wanted[k] !== undefined && !same(wanted[k], before[k]),
    );
    if (changed.length === 0) return before;

    const patch = Object.fromEntries(changed.map((k) => [k, wanted[k]])) as Partial<Editable>;
    const [after] = await tx
      .update(platformTenants)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(platformTenants.id, before.id))
      .returning();
    if (!after) throw notFound;
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: after.id,
      action: "tenant.update",
      targetType: "tenant",
      targetId: after.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return after;
  });
}
