import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { platformTenants, tenantRole } from "./tenants";
import { users } from "./users";

// The hotel's own daily work (SPEC §11). Every table is tenant-scoped under row-level security.

export const roomStatus = pgEnum("room_status", ["available", "occupied", "cleaning", "out_of_service"]);

export const rooms = pgTable(
  "rooms",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    number: text().notNull(),
    type: text().notNull(),
    floor: integer(),
    nightlyRateMinor: integer().notNull(),
    capacity: integer().notNull().default(2),
    status: roomStatus().notNull().default("available"),
    notes: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rooms_tenant_number_key").on(t.tenantId, t.number)],
);

export const guests = pgTable(
  "guests",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** E.164, e.g. +2348031234567. */
    phone: text(),
    email: text(),
    preferredLanguage: text().notNull().default("en"),
    notes: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("guests_tenant_name_idx").on(t.tenantId, t.name)],
);

export const bookingStatus = pgEnum("booking_status", [
  "pending",
  "confirmed",
  "checked_in",
  "checked_out",
  "cancelled",
]);

/**
 * A stay: nights from check-in (inclusive) to check-out (exclusive), as calendar dates in the
 * tenant's timezone. An exclusion constraint (custom migration) makes overlapping live bookings
 * of one room impossible, whatever the code does.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    reference: text().notNull(),
    guestId: uuid()
      .notNull()
      .references(() => guests.id),
    roomId: uuid()
      .notNull()
      .references(() => rooms.id),
    checkIn: date({ mode: "string" }).notNull(),
    checkOut: date({ mode: "string" }).notNull(),
    status: bookingStatus().notNull().default("pending"),
    adults: integer().notNull().default(1),
    totalMinor: integer().notNull(),
    currency: text().notNull(),
    notes: text().notNull().default(""),
    confirmedAt: timestamp({ withTimezone: true }),
    checkedInAt: timestamp({ withTimezone: true }),
    checkedOutAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancellationReason: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("bookings_tenant_reference_key").on(t.tenantId, t.reference),
    index("bookings_tenant_check_in_idx").on(t.tenantId, t.checkIn),
    index("bookings_tenant_check_out_idx").on(t.tenantId, t.checkOut),
    index("bookings_room_idx").on(t.roomId),
    check("bookings_stay_has_nights", sql`${t.checkOut} > ${t.checkIn}`),
  ],
);

export const serviceRequestKind = pgEnum("service_request_kind", [
  "housekeeping",
  "maintenance",
  "room_service",
  "other",
]);
export const serviceRequestStatus = pgEnum("service_request_status", ["open", "in_progress", "done"]);

export const serviceRequests = pgTable(
  "service_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id),
    kind: serviceRequestKind().notNull(),
    description: text().notNull(),
    status: serviceRequestStatus().notNull().default("open"),
    assigneeUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("service_requests_tenant_status_idx").on(t.tenantId, t.status, t.createdAt)],
);

/** An invitation to join a tenant's team: a link with an expiry, accepted by setting a password. Only a hash is stored. */
export const tenantInvitations = pgTable(
  "tenant_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: tenantRole().notNull(),
    tokenHash: text().notNull().unique(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tenant_invitations_tenant_idx").on(t.tenantId, t.createdAt)],
);

/**
 * Transactional outbox for domain events: written in the same transaction as the change, so a
 * rolled-back change has no event and a committed one always has one; a dispatcher hands rows to
 * `sendEvent` after commit and a sweeper retries what was not handed over.
 */
export const domainEventOutbox = pgTable(
  "domain_event_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => platformTenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    dispatchedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("domain_event_outbox_idempotency_key").on(t.idempotencyKey),
    index("domain_event_outbox_pending_idx").on(t.createdAt).where(sql`${t.dispatchedAt} is null`),
  ],
);
