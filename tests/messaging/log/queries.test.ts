import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { devSinkMessages, messageDeliveryEvents, messages } from "@/db/schema";
import {
  getMessage,
  listDevSinkMessages,
  listMessageEvents,
  listMessages,
  messageStats,
} from "@/lib/messaging/log/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant } from "@/tests/helpers/fixtures";

type NewMessage = Partial<typeof messages.$inferInsert> & { recipient: string };

// Fixed instants, so nothing depends on the clock.
const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 2, d, hour));

describe.each(testDatabaseKinds)("message log queries on %s", (kind) => {
  let database: TestDatabase;
  let a: { id: string; name: string };
  let b: { id: string; name: string };
  const ids: Record<string, string> = {};

  async function insertMessage(key: string, values: NewMessage) {
    const [row] = await database.db
      .insert(messages)
      .values({
        event: "hotel/booking.confirmed",
        channel: "sms",
        body: `Body of ${key}`,
        idempotencyKey: `${key}:${randomUUID()}`,
        ...values,
      })
      .returning({ id: messages.id });
    if (!row) throw new Error("no message row");
    ids[key] = row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    a = await createTenant(db, { name: "Alpha Hotel" });
    b = await createTenant(db, { name: "Bravo Inn" });
    // Alpha: five messages over four days; Bravo: two; one platform message without a tenant.
    await insertMessage("a1", {
      tenantId: a.id,
      recipient: "+2348000000001",
      status: "delivered",
      segments: 1,
      credits: 1,
      createdAt: day(1),
    });
    await insertMessage("a2", {
      tenantId: a.id,
      recipient: "+2348000000002",
      status: "failed",
      error: "Invalid number",
      segments: 2,
      credits: 2,
      attempts: 3,
      createdAt: day(2),
    });
    await insertMessage("a3", {
      tenantId: a.id,
      channel: "email",
      event: "hotel/guest.checked_in",
      recipient: "guest@alpha.test",
      subject: "Welcome",
      html: "<p>Welcome</p>",
      status: "sent",
      createdAt: day(3),
    });
    await insertMessage("a4", {
      tenantId: a.id,
      recipient: "+2348000000004",
      status: "undelivered",
      segments: 1,
      credits: 1,
      createdAt: day(4, 8),
    });
    await insertMessage("a5", {
      tenantId: a.id,
      recipient: "+2348000000005",
      status: "sent",
      segments: 3,
      credits: 3,
      costMinor: 12,
      costCurrency: "USD",
      providerKind: "twilio",
      createdAt: day(4, 20),
    });
    await insertMessage("b1", {
      tenantId: b.id,
      recipient: "+2348000000101",
      status: "failed",
      credits: 1,
      createdAt: day(2, 13),
    });
    await insertMessage("b2", {
      tenantId: b.id,
      channel: "email",
      event: "hotel/guest.checked_out",
      recipient: "guest@bravo.test",
      status: "delivered",
      createdAt: day(3, 13),
    });
    await insertMessage("p1", {
      tenantId: null,
      channel: "email",
      event: "tenant.welcome",
      recipient: "owner@alpha.test",
      status: "sent",
      createdAt: day(1, 9),
    });
    await db.insert(messageDeliveryEvents).values([
      {
        providerKind: "twilio",
        providerMessageId: "SM2",
        messageId: ids.a2,
        status: "failed",
        outcome: "applied",
        payload: { MessageStatus: "failed", ErrorCode: "21211" },
        receivedAt: day(2, 13),
      },
      {
        providerKind: "twilio",
        providerMessageId: "SM2",
        messageId: ids.a2,
        status: "sent",
        outcome: "ignored",
        reason: "stale",
        receivedAt: day(2, 14),
      },
    ]);
    await db.insert(devSinkMessages).values([
      { tenantId: a.id, channel: "sms", to: "+2348000000001", body: "Alpha SMS", createdAt: day(1) },
      {
        tenantId: a.id,
        channel: "email",
        to: "guest@alpha.test",
        subject: "Welcome",
        body: "Alpha email",
        html: "<p>Alpha email</p>",
        createdAt: day(3),
      },
      { tenantId: b.id, channel: "sms", to: "+2348000000101", body: "Bravo SMS", createdAt: day(2) },
      { tenantId: null, channel: "email", to: "owner@alpha.test", body: "Platform", createdAt: day(1) },
    ]);
  });
  afterAll(() => database.drop());

  const keysOf = (rows: Array<{ id: string }>) =>
    rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]);

  describe("listMessages on the platform path", () => {
    test("sees every tenant's messages and platform mail, newest first, with tenant names", async () => {
      const { rows, total } = await listMessages(database.db, { page: 1, pageSize: 20 });
      expect(total).toBe(8);
      expect(keysOf(rows)).toEqual(["a5", "a4", "b2", "a3", "b1", "a2", "a1", "p1"]);
      const byKey = Object.fromEntries(rows.map((r) => [keysOf([r])[0], r]));
      expect(byKey.a5).toMatchObject({ tenantName: "Alpha Hotel", credits: 3, providerKind: "twilio" });
      expect(byKey.b1).toMatchObject({ tenantName: "Bravo Inn", status: "failed" });
      expect(byKey.p1).toMatchObject({ tenantId: null, tenantName: null });
    });

    test("pages: the total counts every match, the page holds pageSize rows", async () => {
      const first = await listMessages(database.db, { page: 1, pageSize: 3 });
      const third = await listMessages(database.db, { page: 3, pageSize: 3 });
      const past = await listMessages(database.db, { page: 4, pageSize: 3 });
      expect([first.total, third.total, past.total]).toEqual([8, 8, 8]);
      expect(keysOf(first.rows)).toEqual(["a5", "a4", "b2"]);
      expect(third.rows).toHaveLength(2);
      expect(past.rows).toEqual([]);
    });

    test.each<[string, Parameters<typeof listMessages>[1], string[]]>([
      ["status", { status: "failed" }, ["a2", "b1"]],
      ["channel", { channel: "email" }, ["a3", "b2", "p1"]],
      ["event", { event: "hotel/guest.checked_out" }, ["b2"]],
      ["recipient search", { search: "guest@" }, ["a3", "b2"]],
      ["search treats % literally", { search: "%" }, []],
      ["from (inclusive)", { from: day(4, 8) }, ["a4", "a5"]],
      ["to (exclusive)", { to: day(2) }, ["a1", "p1"]],
      ["tenant filter", { filterTenantId: "B" }, ["b1", "b2"]],
      ["several at once", { status: "failed", channel: "sms", from: day(2), to: day(3) }, ["a2", "b1"]],
    ])("filters by %s", async (_name, filter, expected) => {
      const input = { ...filter, page: 1, pageSize: 20 };
      if (input.filterTenantId === "B") input.filterTenantId = b.id;
      const { rows, total } = await listMessages(database.db, input);
      expect(new Set(keysOf(rows))).toEqual(new Set(expected));
      expect(total).toBe(expected.length);
    });

    test("sorts by a column, either way", async () => {
      const asc = await listMessages(database.db, {
        filterTenantId: a.id,
        sort: { id: "recipient", desc: false },
        page: 1,
        pageSize: 20,
      });
      expect(keysOf(asc.rows)).toEqual(["a1", "a2", "a4", "a5", "a3"]);
      const byTenant = await listMessages(database.db, {
        channel: "sms",
        sort: { id: "tenantName", desc: true },
        page: 1,
        pageSize: 1,
      });
      expect(byTenant.rows[0]?.tenantName).toBe("Bravo Inn");
    });

    test("refuses input outside its schema", async () => {
      await expect(listMessages(database.db, { page: 1, pageSize: 1000 })).rejects.toThrow();
      await expect(listMessages(database.db, { tenantId: "not-a-uuid" })).rejects.toThrow();
    });
  });

  describe("tenant path", () => {
    test("a tenant sees only its own messages, whatever filter it passes", async () => {
      const own = await listMessages(database.db, { tenantId: a.id, page: 1, pageSize: 20 });
      expect(new Set(keysOf(own.rows))).toEqual(new Set(["a1", "a2", "a3", "a4", "a5"]));
      expect(own.total).toBe(5);
      // Asking for B's rows from A's path finds A's rows only: the tenant id wins.
      const sneaky = await listMessages(database.db, {
        tenantId: a.id,
        filterTenantId: b.id,
        page: 1,
        pageSize: 20,
      });
      expect(new Set(keysOf(sneaky.rows))).toEqual(new Set(["a1", "a2", "a3", "a4", "a5"]));
      const bFailed = await listMessages(database.db, { tenantId: b.id, status: "failed" });
      expect(keysOf(bFailed.rows)).toEqual(["b1"]);
    });

    test("getMessage: another tenant's id or a platform message is not found", async () => {
      expect(await getMessage(database.db, { id: ids.b1 ?? "", tenantId: a.id })).toBeNull();
      expect(await getMessage(database.db, { id: ids.p1 ?? "", tenantId: a.id })).toBeNull();
      expect(await getMessage(database.db, { id: "nope", tenantId: a.id })).toBeNull();
      expect(await getMessage(database.db, { id: randomUUID() })).toBeNull();
    });

    test("getMessage on the tenant path shows the message but no cost, keys or callbacks", async () => {
      const detail = await getMessage(database.db, { id: ids.a5 ?? "", tenantId: a.id });
      expect(detail?.message).toMatchObject({ id: ids.a5, tenantName: "Alpha Hotel", status: "sent" });
      expect(detail?.platform).toBeNull();
      expect(detail?.message).not.toHaveProperty("costMinor");
      expect(detail?.message).not.toHaveProperty("idempotencyKey");
    });

    test("getMessage on the platform path has the delivery timeline, oldest first", async () => {
      const detail = await getMessage(database.db, { id: ids.a2 ?? "" });
      expect(detail?.message).toMatchObject({ status: "failed", error: "Invalid number", attempts: 3 });
      expect(detail?.platform?.deliveryEvents.map((e) => [e.status, e.outcome])).toEqual([
        ["failed", "applied"],
        ["sent", "ignored"],
      ]);
      const paid = await getMessage(database.db, { id: ids.a5 ?? "" });
      expect(paid?.platform).toMatchObject({ costMinor: 12, costCurrency: "USD", deliveryEvents: [] });
    });
  });

  describe("messageStats", () => {
    test("counts by status and channel since a date; failed sends use no credits", async () => {
      expect(await messageStats(database.db, { since: day(2, 0) })).toEqual({
        total: 6,
        byStatus: { queued: 0, sent: 2, delivered: 1, failed: 2, undelivered: 1 },
        byChannel: { sms: 4, email: 2 },
        // a4 (1) + a5 (3); a2 and b1 failed and were refunded.
        creditsUsed: 4,
      });
      expect(await messageStats(database.db, { tenantId: b.id, since: day(1, 0) })).toEqual({
        total: 2,
        byStatus: { queued: 0, sent: 0, delivered: 1, failed: 1, undelivered: 0 },
        byChannel: { sms: 1, email: 1 },
        creditsUsed: 0,
      });
      expect((await messageStats(database.db, { tenantId: a.id, since: day(1, 0) })).total).toBe(5);
    });
  });

  test("listMessageEvents lists the events of a log", async () => {
    expect(await listMessageEvents(database.db, { tenantId: b.id })).toEqual([
      "hotel/booking.confirmed",
      "hotel/guest.checked_out",
    ]);
    expect(await listMessageEvents(database.db)).toEqual([
      "hotel/booking.confirmed",
      "hotel/guest.checked_in",
      "hotel/guest.checked_out",
      "tenant.welcome",
    ]);
  });

  describe("listDevSinkMessages", () => {
    test("the platform sees every outbox row with tenant names, newest first", async () => {
      const { rows, total } = await listDevSinkMessages(database.db, { page: 1, pageSize: 20 });
      expect(total).toBe(4);
      expect(rows.map((r) => r.body).slice(0, 2)).toEqual(["Alpha email", "Bravo SMS"]);
      expect(rows.find((r) => r.body === "Bravo SMS")?.tenantName).toBe("Bravo Inn");
      const page2 = await listDevSinkMessages(database.db, { page: 2, pageSize: 3 });
      expect(page2).toMatchObject({ total: 4 });
      expect(page2.rows).toHaveLength(1);
    });

    test("a tenant sees only its own outbox; filters narrow it", async () => {
      const own = await listDevSinkMessages(database.db, { tenantId: a.id, filterTenantId: b.id });
      expect(own.rows.map((r) => r.body)).toEqual(["Alpha email", "Alpha SMS"]);
      expect(own.total).toBe(2);
      const sms = await listDevSinkMessages(database.db, { tenantId: a.id, channel: "sms" });
      expect(sms.rows.map((r) => r.body)).toEqual(["Alpha SMS"]);
      const bOnly = await listDevSinkMessages(database.db, { filterTenantId: b.id });
      expect(bOnly.rows.map((r) => r.body)).toEqual(["Bravo SMS"]);
      const search = await listDevSinkMessages(database.db, { search: "owner@" });
      expect(search.rows.map((r) => r.body)).toEqual(["Platform"]);
    });
  });
});
