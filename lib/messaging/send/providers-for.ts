// Which providers serve a send, in the order to try them: the tenant's enabled assignments by
// priority, else the platform default of the channel. Disabled providers are never tried.
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformEmailProviders, platformSmsProviders, tenantProviderAssignments } from "@/db/schema";
import type { EmailProviderRow, SmsProviderRow } from "@/lib/messaging/providers/factory";

/** A provider to try, with the tenant's sender override (sender id / From address) if any. */
export type ProviderCandidate<Row> = { row: Row; sender: string | null };

/** Each channel's provider table and the assignment column that points into it. */
const channels = {
  sms: { providers: platformSmsProviders, assignedId: tenantProviderAssignments.smsProviderId },
  email: { providers: platformEmailProviders, assignedId: tenantProviderAssignments.emailProviderId },
};

type ProviderRows = { sms: SmsProviderRow; email: EmailProviderRow };

// This signature ties the row type to the channel, which the shared query body cannot express.
function providersFor<C extends keyof ProviderRows>(
  db: Queryable,
  channel: C,
  tenantId: string | null,
): Promise<ProviderCandidate<ProviderRows[C]>[]>;
async function providersFor(
  db: Queryable,
  channel: keyof ProviderRows,
  tenantId: string | null,
): Promise<ProviderCandidate<SmsProviderRow | EmailProviderRow>[]> {
  const a = tenantProviderAssignments;
  const { providers: p, assignedId } = channels[channel];
  if (tenantId) {
    const assigned = await db
      .select({ row: p, sender: a.sender })
      .from(a)
      .innerJoin(p, eq(assignedId, p.id))
      .where(and(eq(a.tenantId, tenantId), eq(a.channel, channel), eq(p.enabled, true)))
      .orderBy(asc(a.priority));
    if (assigned.length > 0) return assigned;
  }
  const defaults = await db
    .select()
    .from(p)
    .where(and(eq(p.isDefault, true), eq(p.enabled, true)));
  return defaults.map((row) => ({ row, sender: null }));
}

export const smsProvidersFor = (db: Queryable, tenantId: string | null) => providersFor(db, "sms", tenantId);
export const emailProvidersFor = (db: Queryable, tenantId: string | null) =>
  providersFor(db, "email", tenantId);
