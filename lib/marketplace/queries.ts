// Reads of the add-on catalogue (console) and of the marketplace a tenant sees. The catalogue is
// readable by every tenant (RLS grants SELECT); what a tenant holds and bought is read in its scope.
import { and, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformAddonPrices, platformAddons, platformFeatureFlags, platformTenantAddons } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { getTenantById } from "@/lib/tenants/queries";
import type { AddonPrice } from "./schemas";

export type Addon = typeof platformAddons.$inferSelect;
export type AddonWithPrices = Addon & { prices: AddonPrice[] };

async function attachPrices(db: Queryable, addons: Addon[]): Promise<AddonWithPrices[]> {
  if (addons.length === 0) return [];
  const prices = await db
    .select()
    .from(platformAddonPrices)
    .where(
      inArray(
        platformAddonPrices.addonId,
        addons.map((a) => a.id),
      ),
    )
    .orderBy(asc(platformAddonPrices.currency));
  return addons.map((a) => ({
    ...a,
    prices: prices
      .filter((p) => p.addonId === a.id)
      .map((p) => ({ currency: p.currency, amountMinor: p.amountMinor })),
  }));
}

const catalogueOrder = [asc(platformAddons.sortOrder), asc(platformAddons.name), asc(platformAddons.id)];

/** The whole catalogue with each add-on's prices, in display order; inactive ones only when asked. */
export async function listAddons(
  db: Queryable,
  opts: { includeInactive?: boolean } = {},
): Promise<AddonWithPrices[]> {
  const rows = await db
    .select()
    .from(platformAddons)
    .where(opts.includeInactive ? undefined : eq(platformAddons.isActive, true))
    .orderBy(...catalogueOrder);
  return attachPrices(db, rows);
}

export const addonStatusFilters = ["active", "inactive"] as const;
export type AddonStatusFilter = (typeof addonStatusFilters)[number];

/** One page of the console's catalogue table: search by name or code, filter by status and kind. */
export async function listAddonsPage(
  db: Queryable,
  opts: {
    q?: string;
    status?: AddonStatusFilter;
    kind?: Addon["kind"];
    limit: number;
    offset: number;
  },
): Promise<{ rows: AddonWithPrices[]; total: number }> {
  const where: SQL[] = [];
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(platformAddons.name, like), ilike(platformAddons.code, like));
    if (match) where.push(match);
  }
  if (opts.status) where.push(eq(platformAddons.isActive, opts.status === "active"));
  if (opts.kind) where.push(eq(platformAddons.kind, opts.kind));
  const filter = where.length ? and(...where) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(platformAddons)
      .where(filter)
      .orderBy(...catalogueOrder)
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(platformAddons).where(filter),
  ]);
  return { rows: await attachPrices(db, rows), total: totals?.n ?? 0 };
}

export async function getAddon(db: Queryable, id: string): Promise<AddonWithPrices | null> {
  const [row] = await db.select().from(platformAddons).where(eq(platformAddons.id, id)).limit(1);
  if (!row) return null;
  const [withPrices] = await attachPrices(db, [row]);
  return withPrices ?? null;
}

export type MarketplaceItem = {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: Addon["kind"];
  smsCredits: number | null;
  featureFlagKey: string | null;
  billing: Addon["billing"];
  /** The price of one unit in the tenant's currency. */
  amountMinor: number;
  currency: string;
  /** Feature add-ons only: the tenant already has it switched on (buying it again is refused). */
  held: boolean;
};

/**
 * What a tenant can buy: active add-ons priced in the tenant's currency (an add-on without a price
 * in that currency is not offered), each saying whether the tenant already holds it.
 */
export async function listMarketplace(db: Queryable, opts: { tenantId: string }): Promise<MarketplaceItem[]> {
  const tenant = await getTenantById(db, opts.tenantId);
  if (!tenant) return [];
  const currency = tenant.currency.toUpperCase();
  return withTenant(db, tenant.id, async (tx) => {
    const rows = await tx
      .select({ addon: platformAddons, amountMinor: platformAddonPrices.amountMinor })
      .from(platformAddons)
      .innerJoin(
        platformAddonPrices,
        and(eq(platformAddonPrices.addonId, platformAddons.id), eq(platformAddonPrices.currency, currency)),
      )
      .where(eq(platformAddons.isActive, true))
      .orderBy(...catalogueOrder);
    const held = await tx
      .select({ addonId: platformTenantAddons.addonId })
      .from(platformTenantAddons)
      .where(and(eq(platformTenantAddons.tenantId, tenant.id), eq(platformTenantAddons.active, true)));
    const heldIds = new Set(held.map((h) => h.addonId));
    return rows.map(({ addon, amountMinor }) => ({
      id: addon.id,
      code: addon.code,
      name: addon.name,
      description: addon.description,
      kind: addon.kind,
      smsCredits: addon.smsCredits,
      featureFlagKey: addon.featureFlagKey,
      billing: addon.billing,
      amountMinor,
      currency,
      held: addon.kind === "feature" && heldIds.has(addon.id),
    }));
  });
}

/** Flag keys a feature add-on can turn on (the console's picker). */
export async function listAddonFlagKeys(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ key: platformFeatureFlags.key })
    .from(platformFeatureFlags)
    .orderBy(asc(platformFeatureFlags.key));
  return rows.map((r) => r.key);
}
