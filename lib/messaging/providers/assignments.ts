import "server-only";
// Which providers serve one tenant on a channel, in failover order. The console replaces a
// channel's whole list at once; the send path reads the rows itself. Callers authorize:
// platformCan(role, "messaging.write").
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import {
  platformEmailProviders,
  platformSmsProviders,
  platformTenants,
  tenantProviderAssignments,
} from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { type AssignmentView, listAssignments } from "./queries";
import { type ProviderChannel, type SetTenantAssignmentsInput, setTenantAssignmentsSchema } from "./schemas";

export { listAssignments };

type ProviderState = { id: string; name: string; enabled: boolean };

/** The providers named, share-locked so none is deleted or disabled before this commits. */
async function lockProviders(
  tx: Tx,
  channel: ProviderChannel,
  ids: string[],
): Promise<Map<string, ProviderState>> {
  if (ids.length === 0) return new Map();
  const t = channel === "sms" ? platformSmsProviders : platformEmailProviders;
  const rows = await tx
    .select({ id: t.id, name: t.name, enabled: t.enabled })
    .from(t)
    .where(inArray(t.id, ids))
    .for("share");
  return new Map(rows.map((r) => [r.id, r]));
}

const brief = (list: AssignmentView[]) =>
  list.map((a) => ({
    priority: a.priority,
    providerId: a.providerId,
    provider: a.providerName,
    sender: a.sender,
  }));

/**
 * Replaces the tenant's list for the channel with `entries`, priorities 1..n in the given order.
 * An empty list hands the tenant back to the platform default. Refuses (INVALID, with the entry's
 * field) unknown or disabled providers and the same provider twice.
 */
export async function setTenantAssignments(
  db: Queryable,
  input: SetTenantAssignmentsInput & { actor: Actor },
): Promise<AssignmentView[]> {
  const { tenantId, channel, entries } = setTenantAssignmentsSchema.parse(input);
  return db.transaction(async (tx) => {
    // Locking the tenant row serializes two admins saving the same hotel's list.
    const [tenant] = await tx
      .select({ id: platformTenants.id, status: platformTenants.status })
      .from(platformTenants)
      .where(eq(platformTenants.id, tenantId))
      .for("update");
    if (!tenant || tenant.status === "deleted") throw new AppError("NOT_FOUND", "That hotel does not exist.");

    const providers = await lockProviders(
      tx,
      channel,
      entries.map((e) => e.providerId),
    );
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const field = `entries.${index}.providerId`;
      const provider = providers.get(entry.providerId);
      if (!provider) throw new AppError("INVALID", "That provider does not exist (any more).", { field });
      if (!provider.enabled) {
        throw new AppError("INVALID", `"${provider.name}" is disabled; enable it or choose another.`, {
          field,
        });
      }
      if (seen.has(entry.providerId)) {
        throw new AppError("INVALID", `"${provider.name}" is in the list twice.`, { field });
      }
      seen.add(entry.providerId);
    });

    const before = (await listAssignments(tx, { tenantId })).filter((a) => a.channel === channel);
    await tx
      .delete(tenantProviderAssignments)
      .where(
        and(eq(tenantProviderAssignments.tenantId, tenantId), eq(tenantProviderAssignments.channel, channel)),
      );
    if (entries.length > 0) {
      await tx.insert(tenantProviderAssignments).values(
        entries.map((entry, index) => ({
          tenantId,
          channel,
          priority: index + 1,
          sender: entry.sender ?? null,
          smsProviderId: channel === "sms" ? entry.providerId : null,
          emailProviderId: channel === "email" ? entry.providerId : null,
        })),
      );
    }
    const after = (await listAssignments(tx, { tenantId })).filter((a) => a.channel === channel);
    await recordAudit(tx, {
      actor: input.actor,
      tenantId,
      action: "messaging.assignments.set",
      targetType: "tenant",
      targetId: tenantId,
      before: brief(before),
      after: brief(after),
      details: { channel },
    });
    return after;
  });
}
