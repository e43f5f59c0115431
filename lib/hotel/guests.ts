// Guests: who stays. Phones are stored in E.164, read with the hotel's country as the default
// region, so "0803 123 4567" at a Lagos hotel becomes +2348031234567.
import { and, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { guests } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { Tenant } from "@/lib/tenants/queries";
import { normalizePhone } from "./phone";
import { type GuestInput, guestInputSchema, isUuid } from "./schemas";
import { getHotelOrThrow, likePattern, notFound, orderFor, type Sort } from "./shared";

export { type GuestInput, guestInputSchema } from "./schemas";

export type Guest = typeof guests.$inferSelect;

export const guestSortable = ["name", "createdAt", "updatedAt"] as const;

type GuestValues = Pick<Guest, "name" | "phone" | "email" | "preferredLanguage" | "notes">;

/** The language part of the hotel's locale ("en-GB" → "en"): a new guest's default. */
function hotelLanguage(tenant: Pick<Tenant, "locale">): string {
  return tenant.locale.split(/[-_]/)[0]?.toLowerCase() || "en";
}

/**
 * Validates a guest form for this hotel: zod, then the phone in the hotel's region (INVALID on
 * field `phone` with a message a receptionist can act on).
 */
export function parseGuestInput(
  input: GuestInput,
  tenant: Pick<Tenant, "country" | "locale">,
  previous?: Pick<Guest, "preferredLanguage" | "notes">,
): GuestValues {
  const data = guestInputSchema.parse(input);
  let phone: string | null = null;
  if (data.phone) {
    const result = normalizePhone(data.phone, tenant.country);
    if (!result.ok) throw new AppError("INVALID", result.message, { field: "phone" });
    phone = result.e164;
  }
  return {
    name: data.name,
    phone,
    email: data.email ? data.email.toLowerCase() : null,
    preferredLanguage: data.preferredLanguage || previous?.preferredLanguage || hotelLanguage(tenant),
    notes: data.notes ?? previous?.notes ?? "",
  };
}

/**
 * One page of guests. `q` matches name and email, and phone digits (so "0803 123" and "234803"
 * both find +2348031234567 — the national form is matched without its leading 0).
 */
export async function listGuests(
  db: Queryable,
  opts: { tenantId: string; q?: string; limit: number; offset: number; sort: Sort },
): Promise<{ rows: Guest[]; total: number }> {
  const conditions: SQL[] = [eq(guests.tenantId, opts.tenantId)];
  const q = opts.q?.trim();
  if (q) {
    const terms: SQL[] = [ilike(guests.name, likePattern(q)), ilike(guests.email, likePattern(q))];
    const digits = q.replace(/\D/g, "").replace(/^0+/, "");
    if (digits.length >= 3 && /^[+\d\s().\-/]+$/.test(q))
      terms.push(ilike(guests.phone, likePattern(digits)));
    const match = or(...terms);
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const order = orderFor(
    { name: guests.name, createdAt: guests.createdAt, updatedAt: guests.updatedAt },
    opts.sort,
    "name",
    guests.id,
  );
  return withTenant(db, opts.tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(guests)
      .where(where)
      .orderBy(...order)
      .limit(opts.limit)
      .offset(opts.offset);
    const [total] = await tx.select({ n: count() }).from(guests).where(where);
    return { rows, total: total?.n ?? 0 };
  });
}

async function findGuest(tx: Tx, tenantId: string, guestId: string, lock = false): Promise<Guest | null> {
  if (!isUuid(guestId)) return null;
  const query = tx
    .select()
    .from(guests)
    .where(and(eq(guests.tenantId, tenantId), eq(guests.id, guestId)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** The guest, or null when the hotel has no such guest. */
export async function getGuest(
  db: Queryable,
  opts: { tenantId: string; guestId: string },
): Promise<Guest | null> {
  if (!isUuid(opts.guestId)) return null;
  return withTenant(db, opts.tenantId, (tx) => findGuest(tx, opts.tenantId, opts.guestId));
}

/** The guest inside a tenant transaction, or NOT_FOUND on field `guestId`. */
export async function getGuestOrThrow(
  tx: Tx,
  tenantId: string,
  guestId: string,
  lock = false,
): Promise<Guest> {
  const guest = await findGuest(tx, tenantId, guestId, lock);
  if (!guest) throw notFound("guest", "guestId");
  return guest;
}

/** Contact details are personal data: the audit trail keeps enough to tell a change, not the details. */
const auditFields = (g: GuestValues) => ({
  name: g.name,
  phone: g.phone ? `…${g.phone.slice(-3)}` : null,
  email: g.email ? g.email.replace(/^(.).*@/, "$1…@") : null,
  preferredLanguage: g.preferredLanguage,
});

export async function createGuest(
  db: Queryable,
  opts: { tenantId: string; input: GuestInput; actor: Actor },
): Promise<Guest> {
  return withTenant(db, opts.tenantId, async (tx) => {
    const tenant = await getHotelOrThrow(tx, opts.tenantId);
    const values = parseGuestInput(opts.input, tenant);
    const [guest] = await tx
      .insert(guests)
      .values({ ...values, tenantId: tenant.id })
      .returning();
    if (!guest) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: tenant.id,
      action: "guest.create",
      targetType: "guest",
      targetId: guest.id,
      after: auditFields(guest),
    });
    return guest;
  });
}

export async function updateGuest(
  db: Queryable,
  opts: { tenantId: string; guestId: string; input: GuestInput; actor: Actor },
): Promise<Guest> {
  return withTenant(db, opts.tenantId, async (tx) => {
    const tenant = await getHotelOrThrow(tx, opts.tenantId);
    const before = await getGuestOrThrow(tx, tenant.id, opts.guestId, true);
    const values = parseGuestInput(opts.input, tenant, before);
    const [after] = await tx
      .update(guests)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(guests.tenantId, tenant.id), eq(guests.id, before.id)))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: tenant.id,
      action: "guest.update",
      targetType: "guest",
      targetId: after.id,
      before: auditFields(before),
      after: auditFields(after),
    });
    return after;
  });
}
