// Which providers serve a send, in the order to try them: the tenant's enabled assignments by
// priority, else the platform default of the channel. Disabled providers are never tried.
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformEmailProviders, platformSmsProviders, tenantProviderAssignments } from "@/db/schema";
import type { EmailProviderRow, SmsProviderRow } from "@/lib/messaging/providers/factory";

/** A provider to try, with the tenant's sender override (sender id / From address) if any. */
export type ProviderCandidate<Row> = { row: Row; sender: string | null };

export async function smsProvidersFor(
  db: Queryable,
  tenantId: string | null,
): Promise<ProviderCandidate<SmsProviderRow>[]> {
  const a = tenantProviderAssignments;
  const p = platformSmsProviders;
  if (tenantId) {
    const assigned = await db
      .select({ row: p, sender: a.sender })
      .from(a)
      .innerJoin(p, eq(a.smsProviderId, p.id))
      .where(and(eq(a.tenantId, tenantId), eq(a.channel, "sms"), eq(p.enabled, true)))
      .orderBy(asc(a.priority));
    if (assigned.length > 0) return assigned;
  }
  const defaults = await db
    .select()
    .from(p)
    .where(and(eq(p.isDefault, true), eq(p.enabled, true)));
  return defaults.map((row) => ({ row, sender: null }));
}

export async function emailProvidersFor(
  db: Queryable,
  tenantId: string | null,
): Promise<ProviderCandidate<EmailProviderRow>[]> {
  const a = tenantProviderAssignments;
  const p = platformEmailProviders;
  if (tenantId) {
    const assigned = await db
      .select({ row: p, sender: a.sender })
      .from(a)
      .innerJoin(p, eq(a.emailProviderId, p.id))
      .where(and(eq(a.tenantId, tenantId), eq(a.channel, "email"), eq(p.enabled, true)))
      .orderBy(asc(a.priority));
    if (assigned.length > 0) return assigned;
  }
  const defaults = await db
    .select()
    .from(p)
    .where(and(eq(p.isDefault, true), eq(p.enabled, true)));
  return defaults.map((row) => ({ row, sender: null }));
}
