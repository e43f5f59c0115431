import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/db/connect";
import { messages, platformAuditStream, platformUsage, platformUsageEvents, rooms } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { collectUsage } from "@/lib/billing/usage/collect";
import { summarizeUsage } from "@/lib/billing/usage/queries";
import { recordUsage, recordUsageAdjustment } from "@/lib/billing/usage/record";
import { syncUsage, usageSyncWatermark } from "@/lib/billing/usage/sync";
import { utc } from "@/tests/billing/helpers";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createTenant, createUser } from "@/tests/helpers/fixtures";

const actor = systemActor("vitest");

describe.each(testDatabaseKinds)("usage metering on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.drop());

  const rollup = async (tenantId: string) =>
    (await db.select().from(platformUsage).where(eq(platformUsage.tenantId, tenantId)))
      .map((r) => ({ day: r.day, metric: r.metric, quantity: r.quantity }))
      .sort((a, b) => `${a.day}${a.metric}`.localeCompare(`${b.day}${b.metric}`));

  test("recording is idempotent by key; an adjustment is a new audited row, applied once per reference", async () => {
    const t = await createTenant(db);
    const event = {
      tenantId: t.id,
      metric: "emails" as const,
      quantity: 1,
      occurredAt: utc("2031-01-01T10:00:00Z"),
      idempotencyKey: `k-${randomUUID()}`,
    };
    expect(await recordUsage(db, event)).toEqual({ recorded: true });
    expect(await recordUsage(db, { ...event, quantity: 5 })).toEqual({ recorded: false });
    await expect(recordUsage(db, { ...event, idempotencyKey: "x", quantity: -1 })).rejects.toThrow();

    const adj = {
      tenantId: t.id,
      metric: "sms_segments" as const,
      quantity: -3,
      occurredAt: utc("2031-01-01T11:00:00Z"),
      note: "carrier refund",
      reference: `r-${randomUUID()}`,
      actor,
    };
    const first = await recordUsageAdjustment(db, adj);
    const again = await recordUsageAdjustment(db, adj);
    expect(first).toMatchObject({
      replayed: false,
      event: { isAdjustment: true, quantity: -3, note: "carrier refund" },
    });
    expect(again).toMatchObject({ replayed: true, event: { id: first.event.id } });
    await expect(recordUsageAdjustment(db, { ...adj, quantity: 0, reference: undefined })).rejects.toThrow();

    const events = await db.select().from(platformUsageEvents).where(eq(platformUsageEvents.tenantId, t.id));
    expect(events.map((e) => e.quantity).sort()).toEqual([-3, 1]);
    const audits = await db
      .select()
      .from(platformAuditStream)
      .where(
        and(eq(platformAuditStream.action, "billing.usage.adjust"), eq(platformAuditStream.tenantId, t.id)),
      );
    expect(audits).toHaveLength(1);
  });

  test("sync: counters sum, gauges take the day's highest, adjustments count; reruns set the same values", async () => {
    const t = await createTenant(db);
    const add = (
      metric: "sms_segments" | "emails" | "rooms",
      quantity: number,
      at: string,
      isAdjustment = false,
    ) =>
      db.insert(platformUsageEvents).values({
        tenantId: t.id,
        metric,
        quantity,
        occurredAt: utc(at),
        idempotencyKey: randomUUID(),
        isAdjustment,
      });
    await add("sms_segments", 3, "2031-01-01T00:00:00Z");
    await add("sms_segments", 4, "2031-01-01T23:59:59Z");
    await add("sms_segments", 5, "2031-01-02T00:00:00Z");
    await add("sms_segments", -2, "2031-01-02T12:00:00Z", true);
    await add("emails", 1, "2031-01-01T09:00:00Z");
    await add("rooms", 10, "2031-01-01T01:00:00Z");
    await add("rooms", 12, "2031-01-01T13:00:00Z");
    await add("rooms", 11, "2031-01-01T20:00:00Z");
    await add("rooms", -1, "2031-01-01T21:00:00Z", true);

    await syncUsage(db);
    const expected = [
      { day: "2031-01-01", metric: "emails", quantity: 1 },
      { day: "2031-01-01", metric: "rooms", quantity: 11 },
      { day: "2031-01-01", metric: "sms_segments", quantity: 7 },
      { day: "2031-01-02", metric: "sms_segments", quantity: 3 },
    ];
    expect(await rollup(t.id)).toEqual(expected);
    expect(await syncUsage(db)).toEqual({ upserted: 0 });
    expect(await rollup(t.id)).toEqual(expected);

    // Incremental: only groups with events created since the watermark are recomputed, whole.
    const watermark = await usageSyncWatermark(db);
    expect(watermark).toBeInstanceOf(Date);
    await add("sms_segments", 10, "2031-01-02T18:00:00Z");
    expect(await syncUsage(db, { since: watermark })).toEqual({ upserted: 1 });
    expect(await rollup(t.id)).toContainEqual({ day: "2031-01-02", metric: "sms_segments", quantity: 13 });

    expect(await summarizeUsage(db, { tenantId: t.id, from: "2031-01-01", to: "2031-01-31" })).toEqual({
      sms_segments: 20,
      emails: 1,
      rooms: 11,
      active_staff: 0,
      storage_mb: 0,
    });
  });

  test("collect: sent and delivered messages once each, gauges once a day", async () => {
    const t = await createTenant(db);
    const now = utc("2031-06-10T12:00:00Z");
    const message = (
      channel: "sms" | "email",
      status: "queued" | "sent" | "delivered" | "failed",
      segments: number,
      sentAt: Date | null,
      event = "hotel/booking.confirmed",
    ) => ({
      tenantId: t.id,
      event,
      channel,
      recipient: "x",
      body: "hi",
      status,
      segments,
      sentAt,
      idempotencyKey: randomUUID(),
    });
    await db.insert(messages).values([
      message("sms", "sent", 2, utc("2031-06-10T08:00:00Z")),
      message("sms", "delivered", 3, utc("2031-06-09T23:00:00Z")),
      message("sms", "queued", 4, null),
      message("sms", "failed", 4, null),
      message("email", "delivered", 0, utc("2031-06-10T09:00:00Z")),
      // Long before the look-back window: already collected by earlier runs.
      message("sms", "sent", 9, utc("2031-05-01T00:00:00Z")),
      // The platform's own mail to the hotel (an invoice, a dunning SMS) is not the hotel's usage.
      message("email", "sent", 0, utc("2031-06-10T09:30:00Z"), "invoice.issued"),
      message("sms", "sent", 1, utc("2031-06-10T09:30:00Z"), "invoice.overdue"),
    ]);
    await db.insert(rooms).values([
      { tenantId: t.id, number: "101", type: "double", nightlyRateMinor: 100 },
      { tenantId: t.id, number: "102", type: "double", nightlyRateMinor: 100 },
    ]);
    const owner = await createUser(db);
    await addMember(db, t.id, owner.id, "owner");

    const first = await collectUsage(db, { now });
    expect(first.messages).toBe(3);
    const again = await collectUsage(db, { now: new Date(now.getTime() + 3_600_000) });
    expect(again).toEqual({ messages: 0, gauges: 0 });

    const events = await db.select().from(platformUsageEvents).where(eq(platformUsageEvents.tenantId, t.id));
    const summary = events.map((e) => `${e.metric}:${e.quantity}`).sort();
    expect(summary).toEqual([
      "active_staff:1",
      "emails:1",
      "rooms:2",
      "sms_segments:2",
      "sms_segments:3",
      "storage_mb:0",
    ]);
    expect(events.filter((e) => e.idempotencyKey.startsWith("msg:"))).toHaveLength(3);
    expect(events.find((e) => e.metric === "rooms")?.idempotencyKey).toBe(`rooms:${t.id}:2031-06-10`);

    // The next day brings a new snapshot.
    const nextDay = await collectUsage(db, { now: utc("2031-06-11T00:30:00Z") });
    expect(nextDay.messages).toBe(0);
    expect(nextDay.gauges).toBeGreaterThanOrEqual(3);
    await syncUsage(db);
    expect(await rollup(t.id)).toEqual(
      expect.arrayContaining([
        { day: "2031-06-09", metric: "sms_segments", quantity: 3 },
        { day: "2031-06-10", metric: "sms_segments", quantity: 2 },
        { day: "2031-06-10", metric: "emails", quantity: 1 },
        { day: "2031-06-11", metric: "rooms", quantity: 2 },
      ]),
    );
  });
});
