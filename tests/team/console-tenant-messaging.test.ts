import { randomUUID } from "node:crypto";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { messages } from "@/db/schema";
import type { PlatformContext } from "@/lib/auth/context";
import type { Tenant } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";

// The console's tenant page, Messaging tab, as the server renders it: the hotel's latest messages
// from the log (the retired "Messages" tab's content), newest first, none of another hotel's. The
// provider assignments panel (an async component with its own tests) and the actions are stubbed.
const guard = vi.hoisted(() => ({ platform: null as PlatformContext | null }));
vi.mock("@/lib/auth/guards", () => ({
  requirePlatformRole: vi.fn(async () => {
    if (!guard.platform) throw new Error("no session");
    return guard.platform;
  }),
}));
vi.mock("@/app/platform/tenants/[id]/assignments-panel", () => ({ AssignmentsPanel: () => null }));
vi.mock("@/app/platform/tenants/[id]/actions", () => ({
  activateTenantAction: vi.fn(),
  deleteTenantAction: vi.fn(),
  suspendTenantAction: vi.fn(),
  updateTenantAction: vi.fn(),
}));
vi.mock("@/lib/auth/actions", () => ({ openTenantPortalAction: vi.fn() }));

describe.each(testDatabaseKinds)("console tenant page, messaging tab, on %s", (kind) => {
  let database: TestDatabase;
  let hotel: Tenant;
  let other: Tenant;
  const ids: string[] = [];

  async function logMessage(tenantId: string, values: { subject: string | null; minutesAgo: number }) {
    const [row] = await database.db
      .insert(messages)
      .values({
        tenantId,
        event: values.subject ? "tenant.welcome" : "hotel/booking.confirmed",
        channel: values.subject ? "email" : "sms",
        recipient: values.subject ? "owner@example.test" : "+2348012345678",
        subject: values.subject,
        body: "Hello",
        status: values.subject ? "sent" : "failed",
        idempotencyKey: randomUUID(),
        createdAt: new Date(Date.UTC(2030, 0, 15, 12, 0) - values.minutesAgo * 60_000),
      })
      .returning({ id: messages.id });
    if (!row) throw new Error("no message");
    return row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    const db = database.db;
    hotel = await createTenant(db, { name: "Grandview Hotel" });
    other = await createTenant(db, { name: "Other Inn" });
    const admin = await createUser(db, { name: "Ada Admin" });
    guard.platform = { user: admin, platformRole: "support_agent", actor: testActor(admin) };
    // Twelve messages: the tab shows the latest ten, the welcome email (newest) first.
    for (let i = 11; i >= 1; i--) ids.push(await logMessage(hotel.id, { subject: null, minutesAgo: i }));
    ids.push(await logMessage(hotel.id, { subject: "Welcome to Hearth, Grandview Hotel", minutesAgo: 0 }));
    await logMessage(other.id, { subject: "Welcome to Hearth, Other Inn", minutesAgo: 0 });
  });
  afterAll(() => database.drop());

  const renderTab = async (tab: string) => {
    const { default: TenantDetailPage } = await import("@/app/platform/tenants/[id]/page");
    const page = await TenantDetailPage({
      params: Promise.resolve({ id: hotel.id }),
      searchParams: Promise.resolve({ tab }),
    });
    return renderToStaticMarkup(page as ReactElement);
  };

  test("lists the hotel's latest ten messages with their status, linked to the console's log", async () => {
    const html = await renderTab("messaging");
    expect(html).toContain('data-testid="tenant-recent-messages"');
    expect(html).toContain("The latest 10 of 12");
    const linked = [...html.matchAll(/href="\/platform\/messaging\/messages\/([0-9a-f-]{36})"/g)].map(
      (m) => m[1],
    );
    expect(linked).toEqual(ids.slice(-10).reverse());
    expect(html).toContain("Welcome to Hearth, Grandview Hotel");
    expect(html).not.toContain("Other Inn");
    expect(html).toContain('data-status="sent"');
    expect(html).toContain('data-status="failed"');
  });

  test("the old Messages tab is gone: the nav has no link to it and ?tab=messages is the overview", async () => {
    const html = await renderTab("messages");
    expect(html).not.toContain("?tab=messages");
    expect(html).toContain(`?tab=messaging`);
    expect(html).not.toContain('data-testid="tenant-recent-messages"');
    // The overview counts the hotel's emails from the message log.
    expect(html).toContain("1 email ·");
  });
});
