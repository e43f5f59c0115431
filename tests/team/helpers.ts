// A hotel with an owner, a manager and a staff member, and the callers the team services expect.
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, like } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  devSinkMessages,
  messages,
  platformAuditStream,
  platformPlans,
  platformTenants,
  tenantMembers,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import { seedDefaultTemplates } from "@/lib/messaging/templates/seed";
import type { TeamCaller } from "@/lib/team/guard";
import type { Tenant, TenantRole } from "@/lib/tenants/queries";
import { addMember, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

const suffix = () => randomBytes(4).toString("hex");

export type Hotel = { tenant: Tenant; owner: TestUser; manager: TestUser; staff: TestUser };

export async function insertPlanWithSeats(db: Queryable, seats: number | null) {
  const code = `team-${suffix()}`;
  const [row] = await db
    .insert(platformPlans)
    .values({ code, name: `Plan ${code}`, limits: seats === null ? {} : { staff_seats: seats } })
    .returning();
  if (!row) throw new Error("no plan");
  return row;
}

/** A hotel with one member per role; `seats` limits its plan (null: no limit). */
export async function createHotel(
  db: Queryable,
  opts: { seats?: number | null; roles?: TenantRole[] } = {},
): Promise<Hotel> {
  const plan = await insertPlanWithSeats(db, opts.seats ?? null);
  const slug = `hotel-${suffix()}`;
  const owner = await createUser(db, { name: "Olive Owner" });
  const [tenant] = await db
    .insert(platformTenants)
    .values({ slug, name: `Hotel ${slug}`, status: "active", planId: plan.id, ownerUserId: owner.id })
    .returning();
  if (!tenant) throw new Error("no tenant");
  const manager = await createUser(db, { name: "Mia Manager" });
  const staff = await createUser(db, { name: "Sam Staff" });
  const roles = opts.roles ?? ["owner", "manager", "staff"];
  if (roles.includes("owner")) await addMember(db, tenant.id, owner.id, "owner");
  if (roles.includes("manager")) await addMember(db, tenant.id, manager.id, "manager");
  if (roles.includes("staff")) await addMember(db, tenant.id, staff.id, "staff");
  return { tenant, owner, manager, staff };
}

export function caller(user: TestUser, role: TenantRole): TeamCaller {
  return { actor: testActor(user), actorRole: role };
}

export function freshEmail(): string {
  return `invitee-${suffix()}@example.test`;
}

export async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

export async function memberRole(
  db: Queryable,
  tenantId: string,
  userId: string,
): Promise<TenantRole | null> {
  const [row] = await db
    .select({ role: tenantMembers.role })
    .from(tenantMembers)
    .where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId)));
  return row?.role ?? null;
}

export async function auditRows(db: Queryable, tenantId: string, action: string) {
  return db
    .select()
    .from(platformAuditStream)
    .where(and(eq(platformAuditStream.tenantId, tenantId), eq(platformAuditStream.action, action)))
    .orderBy(desc(platformAuditStream.id));
}

/** What a fresh install has for sending: the dev-sink providers and the default templates. */
export async function seedMessaging(db: Queryable): Promise<void> {
  await ensureDefaultProviders(db);
  await seedDefaultTemplates(db);
}

/** The invitation's emails in the message log (one per link), oldest first. */
export async function invitationEmails(db: Queryable, invitationId: string) {
  return db
    .select()
    .from(messages)
    .where(like(messages.idempotencyKey, `member.invite:${invitationId}:%`))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

/** Every message in the log addressed to `email`. */
export async function messagesTo(db: Queryable, email: string) {
  return db.select().from(messages).where(eq(messages.recipient, email));
}

/** What the dev-sink email provider "delivered" for a message. */
export async function devSinkCopy(db: Queryable, messageId: string) {
  return db.select().from(devSinkMessages).where(eq(devSinkMessages.messageId, messageId));
}

/** The token at the end of an accept URL. */
export function tokenOf(acceptUrl: string): string {
  const token = acceptUrl.split("/invite/")[1];
  if (!token) throw new Error(`no token in ${acceptUrl}`);
  return token;
}
