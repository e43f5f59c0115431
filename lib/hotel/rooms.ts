// Rooms: the hotel's inventory. Reads and writes run in `withTenant` and filter by the hotel's id;
// a room of another hotel is "no such room". Adding a room counts against the plan's limit.
import { and, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/connect";
import { bookings, rooms } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertWithinLimit } from "@/lib/plans/limits";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { isUuid, type RoomInput, type RoomStatus, roomInputSchema, roomStatusSchema } from "./schemas";
import { getHotelOrThrow, likePattern, notFound, orderFor, roomNumberOrder, type Sort } from "./shared";

export { type RoomInput, type RoomStatus, roomInputSchema, roomStatuses } from "./schemas";

export type Room = typeof rooms.$inferSelect;

export const roomSortable = ["number", "type", "floor", "nightlyRateMinor", "capacity", "status"] as const;

/** One page of the hotel's rooms, searched by number or type. */
export async function listRooms(
  db: Queryable,
  opts: { tenantId: string; status?: RoomStatus; q?: string; limit: number; offset: number; sort: Sort },
): Promise<{ rows: Room[]; total: number }> {
  const conditions: SQL[] = [eq(rooms.tenantId, opts.tenantId)];
  if (opts.status) conditions.push(eq(rooms.status, opts.status));
  const q = opts.q?.trim();
  if (q) {
    const match = or(ilike(rooms.number, likePattern(q)), ilike(rooms.type, likePattern(q)));
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const order = orderFor(
    {
      number: roomNumberOrder(rooms.number),
      type: rooms.type,
      floor: rooms.floor,
      nightlyRateMinor: rooms.nightlyRateMinor,
      capacity: rooms.capacity,
      status: rooms.status,
    },
    opts.sort,
    "number",
    rooms.id,
  );
  return withTenant(db, opts.tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(rooms)
      .where(where)
      .orderBy(...order)
      .limit(opts.limit)
      .offset(opts.offset);
    const [total] = await tx.select({ n: count() }).from(rooms).where(where);
    return { rows, total: total?.n ?? 0 };
  });
}

/** Every room of the hotel in number order (pickers, the availability grid). */
export async function listAllRooms(db: Queryable, opts: { tenantId: string }): Promise<Room[]> {
  return withTenant(db, opts.tenantId, (tx) =>
    tx
      .select()
      .from(rooms)
      .where(eq(rooms.tenantId, opts.tenantId))
      .orderBy(...roomNumberOrder(rooms.number), rooms.id),
  );
}

/** The room, or null when the hotel has no such room. */
export async function getRoom(
  db: Queryable,
  opts: { tenantId: string; roomId: string },
): Promise<Room | null> {
  if (!isUuid(opts.roomId)) return null;
  return withTenant(db, opts.tenantId, (tx) => findRoom(tx, opts.tenantId, opts.roomId));
}

async function findRoom(tx: Tx, tenantId: string, roomId: string, lock = false): Promise<Room | null> {
  const query = tx
    .select()
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** The room inside a tenant transaction (locked for a change with `lock`), or NOT_FOUND on `roomId`. */
export async function getRoomOrThrow(
  tx: Tx,
  tenantId: string,
  roomId: string,
  opts: { lock?: boolean } = {},
): Promise<Room> {
  const room = isUuid(roomId) ? await findRoom(tx, tenantId, roomId, opts.lock ?? false) : null;
  if (!room) throw notFound("room", "roomId");
  return room;
}

function numberTaken(number: string): AppError {
  return new AppError("CONFLICT", `There is already a room ${number}.`, { field: "number" });
}

async function assertNumberFree(tx: Tx, tenantId: string, number: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), sql`lower(${rooms.number}) = lower(${number})`))
    .limit(1);
  if (clash && clash.id !== exceptId) throw numberTaken(number);
}

const auditFields = (r: Room) => ({
  number: r.number,
  type: r.type,
  floor: r.floor,
  nightlyRateMinor: r.nightlyRateMinor,
  capacity: r.capacity,
  status: r.status,
});

/** A unique violation here can only be the (tenant, number) index: two adds of one number at once. */
async function mapDuplicate<T>(number: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(number);
    throw error;
  }
}

/** Adds a room, within the plan's room limit (LIMIT_REACHED with the upgrade hint past it). */
export async function createRoom(
  db: Queryable,
  opts: { tenantId: string; input: RoomInput; actor: Actor },
): Promise<Room> {
  const data = roomInputSchema.parse(opts.input);
  return mapDuplicate(data.number, () =>
    withTenant(db, opts.tenantId, async (tx) => {
      // The hotel's row lock makes concurrent adds queue, so two cannot both pass at the limit.
      const tenant = await getHotelOrThrow(tx, opts.tenantId, { lock: true });
      await assertWithinLimit(tx, tenant, "rooms", 1);
      await assertNumberFree(tx, tenant.id, data.number);
      const [room] = await tx
        .insert(rooms)
        .values({ ...data, floor: data.floor ?? null, notes: data.notes ?? "", tenantId: tenant.id })
        .returning();
      if (!room) throw new Error("insert returned no row");
      await recordAudit(tx, {
        actor: opts.actor,
        tenantId: tenant.id,
        action: "room.create",
        targetType: "room",
        targetId: room.id,
        after: auditFields(room),
      });
      return room;
    }),
  );
}

/** Edits a room's details (not its status: see `setRoomStatus`). Existing bookings keep their price. */
export async function updateRoom(
  db: Queryable,
  opts: { tenantId: string; roomId: string; input: RoomInput; actor: Actor },
): Promise<Room> {
  const data = roomInputSchema.parse(opts.input);
  return mapDuplicate(data.number, () =>
    withTenant(db, opts.tenantId, async (tx) => {
      const before = await getRoomOrThrow(tx, opts.tenantId, opts.roomId, { lock: true });
      await assertNumberFree(tx, opts.tenantId, data.number, before.id);
      const [after] = await tx
        .update(rooms)
        .set({ ...data, floor: data.floor ?? null, notes: data.notes ?? before.notes, updatedAt: new Date() })
        .where(and(eq(rooms.tenantId, opts.tenantId), eq(rooms.id, before.id)))
        .returning();
      if (!after) throw new Error("update returned no row");
      await recordAudit(tx, {
        actor: opts.actor,
        tenantId: opts.tenantId,
        action: "room.update",
        targetType: "room",
        targetId: after.id,
        before: auditFields(before),
        after: auditFields(after),
      });
      return after;
    }),
  );
}

/** Sets a room's housekeeping status inside a tenant transaction (check-in/out use it too). */
export async function applyRoomStatus(
  tx: Tx,
  opts: { tenantId: string; room: Room; status: RoomStatus; actor: Actor; details?: Record<string, unknown> },
): Promise<Room> {
  if (opts.room.status === opts.status) return opts.room;
  const [after] = await tx
    .update(rooms)
    .set({ status: opts.status, updatedAt: new Date() })
    .where(and(eq(rooms.tenantId, opts.tenantId), eq(rooms.id, opts.room.id)))
    .returning();
  if (!after) throw new Error("update returned no row");
  await recordAudit(tx, {
    actor: opts.actor,
    tenantId: opts.tenantId,
    action: "room.status.change",
    targetType: "room",
    targetId: after.id,
    before: { status: opts.room.status },
    after: { status: after.status },
    details: { number: after.number, ...opts.details },
  });
  return after;
}

/** Marks a room available, occupied, being cleaned or out of service. */
export async function setRoomStatus(
  db: Queryable,
  opts: { tenantId: string; roomId: string; status: RoomStatus; actor: Actor },
): Promise<Room> {
  const status = roomStatusSchema.parse(opts.status);
  return withTenant(db, opts.tenantId, async (tx) => {
    const room = await getRoomOrThrow(tx, opts.tenantId, opts.roomId, { lock: true });
    return applyRoomStatus(tx, { tenantId: opts.tenantId, room, status, actor: opts.actor });
  });
}

/**
 * Deletes a room that was never booked. A room with bookings (past, live or cancelled) keeps its
 * history: set it out of service instead.
 */
export async function deleteRoom(
  db: Queryable,
  opts: { tenantId: string; roomId: string; actor: Actor },
): Promise<void> {
  await withTenant(db, opts.tenantId, async (tx) => {
    const room = await getRoomOrThrow(tx, opts.tenantId, opts.roomId, { lock: true });
    const [booked] = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.tenantId, opts.tenantId), eq(bookings.roomId, room.id)))
      .limit(1);
    if (booked) {
      throw new AppError(
        "CONFLICT",
        `Room ${room.number} has bookings, so it cannot be deleted. Set it out of service instead.`,
        { field: "roomId" },
      );
    }
    await tx.delete(rooms).where(and(eq(rooms.tenantId, opts.tenantId), eq(rooms.id, room.id)));
    await recordAudit(tx, {
      actor: opts.actor,
      tenantId: opts.tenantId,
      action: "room.delete",
      targetType: "room",
      targetId: room.id,
      before: auditFields(room),
    });
  });
}
