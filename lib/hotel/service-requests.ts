// Service requests: what a staying guest asks for (housekeeping, maintenance, room service…),
// worked open → in progress → done by a member of the team.
import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { bookings, guests, rooms, serviceRequests, tenantMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { dispatchAfterCommit } from "@/lib/events/dispatch";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { enqueueServiceRequested } from "./booking-events";
import { getGuestOrThrow } from "./guests";
import { getRoomOrThrow } from "./rooms";
import {
  isUuid,
  type ServiceRequestInput,
  type ServiceRequestStatus,
  serviceRequestInputSchema,
  serviceRequestStatusSchema,
} from "./schemas";
import { getHotelOrThrow, notFound } from "./shared";

export {
  type ServiceRequestInput,
  type ServiceRequestKind,
  type ServiceRequestStatus,
  serviceRequestInputSchema,
  serviceRequestKinds,
  serviceRequestStatuses,
} from "./schemas";

export type ServiceRequest = typeof serviceRequests.$inferSelect;

export type ServiceRequestListRow = ServiceRequest & {
  bookingReference: string;
  roomNumber: string;
  guestName: string;
  assigneeName: string | null;
};

/** Where each status may go: forward only, and straight to done for a quick job. */
export const serviceRequestTransitions = {
  open: ["in_progress", "done"],
  in_progress: ["done"],
  done: [],
} as const satisfies Record<ServiceRequestStatus, readonly ServiceRequestStatus[]>;

/** Bookings a request can be made for: the guest is coming or is here. */
const requestableStatuses = ["confirmed", "checked_in"] as const;

const statusWords = (s: ServiceRequestStatus) => s.replace("_", " ");

/** One page of the hotel's service requests, newest first. */
export async function listServiceRequests(
  db: Queryable,
  opts: {
    tenantId: string;
    status?: ServiceRequestStatus | readonly ServiceRequestStatus[];
    bookingId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ServiceRequestListRow[]; total: number }> {
  if (opts.bookingId !== undefined && !isUuid(opts.bookingId)) return { rows: [], total: 0 };
  const sr = serviceRequests;
  const conditions: SQL[] = [eq(sr.tenantId, opts.tenantId)];
  if (typeof opts.status === "string") conditions.push(eq(sr.status, opts.status));
  else if (opts.status) conditions.push(inArray(sr.status, [...opts.status]));
  if (opts.bookingId) conditions.push(eq(sr.bookingId, opts.bookingId));
  const where = and(...conditions);
  return withTenant(db, opts.tenantId, async (tx) => {
    const rows = await tx
      .select({
        id: sr.id,
        tenantId: sr.tenantId,
        bookingId: sr.bookingId,
        kind: sr.kind,
        description: sr.description,
        status: sr.status,
        assigneeUserId: sr.assigneeUserId,
        createdBy: sr.createdBy,
        completedAt: sr.completedAt,
        createdAt: sr.createdAt,
        updatedAt: sr.updatedAt,
        bookingReference: bookings.reference,
        roomNumber: rooms.number,
        guestName: guests.name,
        assigneeName: users.name,
      })
      .from(sr)
      .innerJoin(bookings, and(eq(bookings.id, sr.bookingId), eq(bookings.tenantId, opts.tenantId)))
      .innerJoin(rooms, and(eq(rooms.id, bookings.roomId), eq(rooms.tenantId, opts.tenantId)))
      .innerJoin(guests, and(eq(guests.id, bookings.guestId), eq(guests.tenantId, opts.tenantId)))
      .leftJoin(users, eq(users.id, sr.assigneeUserId))
      .where(where)
      .orderBy(desc(sr.createdAt), desc(sr.id))
      .limit(opts.limit)
      .offset(opts.offset);
    const [total] = await tx.select({ n: count() }).from(sr).where(where);
    return { rows, total: total?.n ?? 0 };
  });
}

async function lockRequest(tx: Tx, tenantId: string, requestId: string): Promise<ServiceRequest> {
  const [row] = isUuid(requestId)
    ? await tx
        .select()
        .from(serviceRequests)
        .where(and(eq(serviceRequests.tenantId, tenantId), eq(serviceRequests.id, requestId)))
        .limit(1)
        .for("update")
    : [];
  if (!row) throw notFound("service request", "requestId");
  return row;
}

/** Records a guest's request on their booking (confirmed or checked in); emits `hotel/service.requested`. */
export async function createServiceRequest(
  db: Queryable,
  opts: { tenantId: string; input: ServiceRequestInput; actor: Actor },
): Promise<ServiceRequest> {
  const data = serviceRequestInputSchema.parse(opts.input);
  const { request, key } = await withTenant(db, opts.tenantId, async (tx) => {
    const tenant = await getHotelOrThrow(tx, opts.tenantId);
    const [booking] = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.tenantId, tenant.id), eq(bookings.id, data.bookingId)))
      .limit(1)
      // Shared lock: the booking cannot be checked out or cancelled under the new request.
      .for("share");
    if (!booking) throw notFound("booking", "bookingId");
    if (!(requestableStatuses as readonly string[]).includes(booking.status)) {
      throw new AppError(
        "CONFLICT",
        `Booking ${booking.reference} is ${booking.status.replace("_", " ")}; requests can be made for confirmed or checked-in stays only.`,
        { field: "bookingId" },
      );
    }
    const [request] = await tx
      .insert(serviceRequests)
      .values({
        tenantId: tenant.id,
        bookingId: booking.id,
        kind: data.kind,
        description: data.description,
        createdBy: opts.actor.userId,
      })
      .returning();
    if (!request) throw new Error("insert returned no row");
    const guest = await getGuestOrThrow(tx, tenant.id, booking.guestId);
    const room = await getRoomOrThrow(tx, tenant.id, booking.roomId);
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: tenant.id,
      action: "service_request.create",
      targetType: "service_request",
      targetId: request.id,
      after: { kind: request.kind, description: request.description, status: request.status },
      details: { booking: booking.reference, room: room.number },
    });
    const key = await enqueueServiceRequested(tx, { tenant, booking, guest, room, request });
    return { request, key };
  });
  dispatchAfterCommit(db, [key]);
  return request;
}

/** Moves a request forward (open → in progress → done, or open → done); done records when. */
export async function setServiceRequestStatus(
  db: Queryable,
  opts: { tenantId: string; requestId: string; status: ServiceRequestStatus; actor: Actor },
): Promise<ServiceRequest> {
  const status = serviceRequestStatusSchema.parse(opts.status);
  return withTenant(db, opts.tenantId, async (tx) => {
    const before = await lockRequest(tx, opts.tenantId, opts.requestId);
    const allowed = serviceRequestTransitions[before.status] as readonly ServiceRequestStatus[];
    if (!allowed.includes(status)) {
      throw new AppError(
        "CONFLICT",
        `This request is ${statusWords(before.status)}, so it cannot be marked ${statusWords(status)}.`,
        { field: "status" },
      );
    }
    const now = new Date();
    const [after] = await tx
      .update(serviceRequests)
      .set({ status, updatedAt: now, completedAt: status === "done" ? now : null })
      .where(and(eq(serviceRequests.tenantId, opts.tenantId), eq(serviceRequests.id, before.id)))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: opts.tenantId,
      action: "service_request.status.change",
      targetType: "service_request",
      targetId: after.id,
      before: { status: before.status },
      after: { status: after.status },
    });
    return after;
  });
}

/** Gives the request to a member of the hotel's team (`null` unassigns). */
export async function assignServiceRequest(
  db: Queryable,
  opts: { tenantId: string; requestId: string; assigneeUserId: string | null; actor: Actor },
): Promise<ServiceRequest> {
  return withTenant(db, opts.tenantId, async (tx) => {
    const before = await lockRequest(tx, opts.tenantId, opts.requestId);
    const assignee = opts.assigneeUserId;
    if (assignee !== null) {
      const [member] = isUuid(assignee)
        ? await tx
            .select({ id: tenantMembers.id })
            .from(tenantMembers)
            .where(and(eq(tenantMembers.tenantId, opts.tenantId), eq(tenantMembers.userId, assignee)))
            .limit(1)
        : [];
      if (!member) {
        throw new AppError("INVALID", "Choose a member of your team.", { field: "assigneeUserId" });
      }
    }
    const [after] = await tx
      .update(serviceRequests)
      .set({ assigneeUserId: assignee, updatedAt: new Date() })
      .where(and(eq(serviceRequests.tenantId, opts.tenantId), eq(serviceRequests.id, before.id)))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: opts.tenantId,
      action: "service_request.assign",
      targetType: "service_request",
      targetId: after.id,
      before: { assigneeUserId: before.assigneeUserId },
      after: { assigneeUserId: after.assigneeUserId },
    });
    return after;
  });
}
