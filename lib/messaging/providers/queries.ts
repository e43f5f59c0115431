// Reads for the console's provider pages and the tenant assignments panel (platform path, plain db).
// Every read goes through `toProviderView`, which copies named columns only: the ciphertext and the
// key id never leave this module, and nothing here decrypts.
import { and, asc, countDistinct, eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformEmailProviders, platformSmsProviders, tenantProviderAssignments } from "@/db/schema";
import type { EmailProviderKind, SmsProviderKind } from "./credentials";
import type { EmailProviderRow, SmsProviderRow } from "./factory";
import type { ProviderChannel } from "./schemas";

type ProviderViewBase = {
  id: string;
  name: string;
  enabled: boolean;
  isDefault: boolean;
  /** "•••• 1a2b", or null for kinds without credentials. */
  credentialsHint: string | null;
  config: Record<string, string>;
  costPerMessageMinor: number;
  costCurrency: string;
  throttlePerSecond: number;
  lastTestedAt: Date | null;
  lastTestOk: boolean | null;
  lastTestMessage: string | null;
  assignedTenantCount: number;
};

/** Everything the console shows about a provider, and never a secret. */
export type ProviderView =
  | (ProviderViewBase & { channel: "sms"; kind: SmsProviderKind; senderId: string | null })
  | (ProviderViewBase & { channel: "email"; kind: EmailProviderKind; fromAddress: string });

export const providerTables = { sms: platformSmsProviders, email: platformEmailProviders } as const;

/** The assignment column that points at a provider of this channel. */
export function assignmentProviderColumn(channel: ProviderChannel) {
  return channel === "sms"
    ? tenantProviderAssignments.smsProviderId
    : tenantProviderAssignments.emailProviderId;
}

function baseView(row: SmsProviderRow | EmailProviderRow, assignedTenantCount: number): ProviderViewBase {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    isDefault: row.isDefault,
    credentialsHint: row.credentialsHint,
    config: { ...row.config },
    costPerMessageMinor: row.costPerMessageMinor,
    costCurrency: row.costCurrency,
    throttlePerSecond: row.throttlePerSecond,
    lastTestedAt: row.lastTestedAt,
    lastTestOk: row.lastTestOk,
    lastTestMessage: row.lastTestMessage,
    assignedTenantCount,
  };
}

export function toSmsProviderView(row: SmsProviderRow, assignedTenantCount = 0): ProviderView {
  return { ...baseView(row, assignedTenantCount), channel: "sms", kind: row.kind, senderId: row.senderId };
}

export function toEmailProviderView(row: EmailProviderRow, assignedTenantCount = 0): ProviderView {
  return {
    ...baseView(row, assignedTenantCount),
    channel: "email",
    kind: row.kind,
    fromAddress: row.fromAddress,
  };
}

/** How many distinct tenants each provider of the channel serves. */
async function assignedCounts(db: Queryable, channel: ProviderChannel): Promise<Map<string, number>> {
  const column = assignmentProviderColumn(channel);
  const rows = await db
    .select({ providerId: column, tenants: countDistinct(tenantProviderAssignments.tenantId) })
    .from(tenantProviderAssignments)
    .where(eq(tenantProviderAssignments.channel, channel))
    .groupBy(column);
  const counts = new Map<string, number>();
  for (const row of rows) if (row.providerId) counts.set(row.providerId, row.tenants);
  return counts;
}

/** The channel's providers, the default first, then by name. */
export async function listProviders(
  db: Queryable,
  { channel }: { channel: ProviderChannel },
): Promise<ProviderView[]> {
  const counts = await assignedCounts(db, channel);
  if (channel === "sms") {
    const rows = await db
      .select()
      .from(platformSmsProviders)
      .orderBy(asc(platformSmsProviders.name), asc(platformSmsProviders.createdAt));
    return sortDefaultFirst(rows.map((r) => toSmsProviderView(r, counts.get(r.id) ?? 0)));
  }
  const rows = await db
    .select()
    .from(platformEmailProviders)
    .orderBy(asc(platformEmailProviders.name), asc(platformEmailProviders.createdAt));
  return sortDefaultFirst(rows.map((r) => toEmailProviderView(r, counts.get(r.id) ?? 0)));
}

function sortDefaultFirst(views: ProviderView[]): ProviderView[] {
  return [...views.filter((v) => v.isDefault), ...views.filter((v) => !v.isDefault)];
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export async function getSmsProviderRow(db: Queryable, id: string): Promise<SmsProviderRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(platformSmsProviders).where(eq(platformSmsProviders.id, id));
  return row ?? null;
}

export async function getEmailProviderRow(db: Queryable, id: string): Promise<EmailProviderRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(platformEmailProviders).where(eq(platformEmailProviders.id, id));
  return row ?? null;
}

export async function getProvider(
  db: Queryable,
  { channel, id }: { channel: ProviderChannel; id: string },
): Promise<ProviderView | null> {
  const counts = await assignedCounts(db, channel);
  if (channel === "sms") {
    const row = await getSmsProviderRow(db, id);
    return row ? toSmsProviderView(row, counts.get(row.id) ?? 0) : null;
  }
  const row = await getEmailProviderRow(db, id);
  return row ? toEmailProviderView(row, counts.get(row.id) ?? 0) : null;
}

/** The provider that serves tenants without assignments on this channel, if any. */
export async function getDefaultProvider(
  db: Queryable,
  { channel }: { channel: ProviderChannel },
): Promise<ProviderView | null> {
  if (channel === "sms") {
    const [row] = await db
      .select()
      .from(platformSmsProviders)
      .where(eq(platformSmsProviders.isDefault, true));
    return row ? toSmsProviderView(row) : null;
  }
  const [row] = await db
    .select()
    .from(platformEmailProviders)
    .where(eq(platformEmailProviders.isDefault, true));
  return row ? toEmailProviderView(row) : null;
}

export type AssignmentView = {
  id: string;
  channel: ProviderChannel;
  priority: number;
  providerId: string;
  providerName: string;
  providerKind: string;
  providerEnabled: boolean;
  /** The tenant's sender override, or null to use the provider's own. */
  sender: string | null;
  /** The provider's own sender id / From address, for the panel's placeholder. */
  providerSender: string | null;
};

/** A tenant's assignments on both channels, each in failover order. */
export async function listAssignments(
  db: Queryable,
  { tenantId }: { tenantId: string },
): Promise<AssignmentView[]> {
  if (!isUuid(tenantId)) return [];
  const a = tenantProviderAssignments;
  const sms = await db
    .select({
      id: a.id,
      priority: a.priority,
      sender: a.sender,
      providerId: platformSmsProviders.id,
      providerName: platformSmsProviders.name,
      providerKind: platformSmsProviders.kind,
      providerEnabled: platformSmsProviders.enabled,
      providerSender: platformSmsProviders.senderId,
    })
    .from(a)
    .innerJoin(platformSmsProviders, eq(a.smsProviderId, platformSmsProviders.id))
    .where(and(eq(a.tenantId, tenantId), eq(a.channel, "sms")))
    .orderBy(asc(a.priority));
  const email = await db
    .select({
      id: a.id,
      priority: a.priority,
      sender: a.sender,
      providerId: platformEmailProviders.id,
      providerName: platformEmailProviders.name,
      providerKind: platformEmailProviders.kind,
      providerEnabled: platformEmailProviders.enabled,
      providerSender: platformEmailProviders.fromAddress,
    })
    .from(a)
    .innerJoin(platformEmailProviders, eq(a.emailProviderId, platformEmailProviders.id))
    .where(and(eq(a.tenantId, tenantId), eq(a.channel, "email")))
    .orderBy(asc(a.priority));
  return [
    ...sms.map((r) => ({ ...r, channel: "sms" as const })),
    ...email.map((r) => ({ ...r, channel: "email" as const })),
  ];
}
