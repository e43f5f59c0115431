// The dev-sink outbox: what the dev-sink providers "sent" in embedded mode. Tenants read their own
// rows (withTenant); the console reads all of them, with the tenant's name.
import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { devSinkMessages, platformTenants } from "@/db/schema";
import { likePattern, onScope, pagingSchema } from "./shared";
import { messageChannels } from "./table";

const listInput = z.object({
  tenantId: z.uuid().optional(),
  /** The console's tenant filter (platform path only). */
  filterTenantId: z.uuid().optional(),
  channel: z.enum(messageChannels).optional(),
  /** Matches the recipient. */
  search: z.string().trim().max(200).optional(),
  ...pagingSchema,
});

export type DevSinkRow = typeof devSinkMessages.$inferSelect & { tenantName: string | null };

/** One page of the outbox, newest first. */
export async function listDevSinkMessages(
  db: Queryable,
  input: z.input<typeof listInput>,
): Promise<{ rows: DevSinkRow[]; total: number }> {
  const opts = listInput.parse(input);
  const d = devSinkMessages;
  const conditions: SQL[] = [];
  const scopeTenant = opts.tenantId ?? opts.filterTenantId;
  if (scopeTenant) conditions.push(eq(d.tenantId, scopeTenant));
  if (opts.channel) conditions.push(eq(d.channel, opts.channel));
  if (opts.search) conditions.push(ilike(d.to, likePattern(opts.search)));
  const where = conditions.length ? and(...conditions) : undefined;
  return onScope(db, opts.tenantId, async (q) => {
    const found = await q
      .select({ message: d, tenantName: platformTenants.name })
      .from(d)
      .leftJoin(platformTenants, eq(platformTenants.id, d.tenantId))
      .where(where)
      .orderBy(desc(d.createdAt), desc(d.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize);
    const [totals] = await q.select({ total: count() }).from(d).where(where);
    return {
      rows: found.map((r) => ({ ...r.message, tenantName: r.tenantName })),
      total: totals?.total ?? 0,
    };
  });
}
