import { and, desc, eq, ilike, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { platformPlans, platformTenants } from "@/db/schema";
import { billingInterval, tenantStatus } from "@/db/schema/tenants";
import { AppError } from "@/lib/errors";
import { isUuid } from "./lifecycle";
import type { Tenant } from "./queries";

// A hotel as the REST API shows it, and the API's list with cursor pagination. The response
// schema feeds the OpenAPI document; `toTenantResource` is the one serializer.

const isoDateTime = z.iso.datetime({ offset: true });

export const tenantResourceSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(tenantStatus.enumValues),
  planId: z.uuid().nullable(),
  planCode: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  country: z.string(),
  currency: z.string(),
  timezone: z.string(),
  locale: z.string(),
  settings: z.record(z.string(), z.unknown()),
  billingInterval: z.enum(billingInterval.enumValues),
  currentPeriodStart: isoDateTime.nullable(),
  currentPeriodEnd: isoDateTime.nullable(),
  hasPaymentMethod: z.boolean(),
  trialEndsAt: isoDateTime.nullable(),
  suspendedAt: isoDateTime.nullable(),
  suspensionReason: z.string().nullable(),
  deletedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type TenantResource = z.infer<typeof tenantResourceSchema>;

export const tenantListSchema = z.object({
  data: z.array(tenantResourceSchema),
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TenantList = z.infer<typeof tenantListSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toTenantResource(t: Tenant, planCode: string | null): TenantResource {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    status: t.status,
    planId: t.planId,
    planCode,
    ownerUserId: t.ownerUserId,
    contactEmail: t.contactEmail,
    contactPhone: t.contactPhone,
    country: t.country,
    currency: t.currency,
    timezone: t.timezone,
    locale: t.locale,
    settings: t.settings,
    billingInterval: t.billingInterval,
    currentPeriodStart: iso(t.currentPeriodStart),
    currentPeriodEnd: iso(t.currentPeriodEnd),
    hasPaymentMethod: t.hasPaymentMethod,
    trialEndsAt: iso(t.trialEndsAt),
    suspendedAt: iso(t.suspendedAt),
    suspensionReason: t.suspensionReason,
    deletedAt: iso(t.deletedAt),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function planCodeOf(db: Queryable, planId: string | null): Promise<string | null> {
  if (!planId) return null;
  const [plan] = await db
    .select({ code: platformPlans.code })
    .from(platformPlans)
    .where(eq(platformPlans.id, planId));
  return plan?.code ?? null;
}

export async function serializeTenant(db: Queryable, tenant: Tenant): Promise<TenantResource> {
  return toTenantResource(tenant, await planCodeOf(db, tenant.planId));
}

/** One tenant for the API, deleted ones included (their status says so); NOT_FOUND otherwise. */
export async function getTenantResource(db: Queryable, id: string): Promise<TenantResource> {
  const notFound = new AppError("NOT_FOUND", "No such tenant.");
  if (!isUuid(id)) throw notFound;
  const [row] = await db
    .select({ tenant: platformTenants, planCode: platformPlans.code })
    .from(platformTenants)
    .leftJoin(platformPlans, eq(platformPlans.id, platformTenants.planId))
    .where(eq(platformTenants.id, id));
  if (!row) throw notFound;
  return toTenantResource(row.tenant, row.planCode);
}

export const tenantListQuerySchema = z.object({
  /** Deleted hotels are listed only when asked for with `status=deleted`. */
  status: z.enum(tenantStatus.enumValues).optional(),
  plan: z.string().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type TenantListQuery = z.infer<typeof tenantListQuerySchema>;

/**
 * The cursor is the (createdAt, id) of the last row, opaque to clients (base64url JSON). The time
 * keeps Postgres's microseconds: a JavaScript Date would round them off and skip rows.
 */
const cursorSchema = z.object({ t: z.iso.datetime(), i: z.uuid() });

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify({ t: createdAt, i: id })).toString("base64url");
}

function decodeCursor(cursor: string): z.infer<typeof cursorSchema> {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("INVALID", "cursor: not a cursor this API returned", { field: "cursor" });
  }
}

/** Newest first, `limit` per page, filtered by status, plan code and a search in name, slug and email. */
export async function listTenantResources(db: Queryable, query: TenantListQuery): Promise<TenantList> {
  const t = platformTenants;
  const conditions: SQL[] = [query.status ? eq(t.status, query.status) : ne(t.status, "deleted")];
  if (query.plan) conditions.push(eq(platformPlans.code, query.plan));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(t.name, like), ilike(t.slug, like), ilike(t.contactEmail, like));
    if (match) conditions.push(match);
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conditions.push(sql`(${t.createdAt}, ${t.id}) < (${after.t}::timestamptz, ${after.i}::uuid)`);
  }
  const rows = await db
    .select({
      tenant: t,
      planCode: platformPlans.code,
      cursorAt: sql<string>`to_char(${t.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(t)
    .leftJoin(platformPlans, eq(platformPlans.id, t.planId))
    .where(and(...conditions))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => toTenantResource(r.tenant, r.planCode)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursorAt, last.tenant.id) : null,
  };
}
