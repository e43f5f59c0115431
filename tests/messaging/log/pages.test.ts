import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { devSinkMessages, messages, platformSmsCreditPool } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import type { PlatformContext, TenantContext } from "@/lib/auth/context";
import { setLowBalanceThreshold } from "@/lib/credits/queries";
import { grantCredits } from "@/lib/credits/service";
import type { Tenant } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

// The message log, outbox and credit pages as the server renders them for a chosen member or
// admin: what each one sees of its own hotel, and nothing of another's.
const guard = vi.hoisted(() => ({
  tenant: null as TenantContext | null,
  platform: null as PlatformContext | null,
}));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentTenant: vi.fn(async () => {
    if (!guard.tenant) throw new Error("no tenant");
    return guard.tenant.tenant;
  }),
  requireTenantMember: vi.fn(async () => {
    if (!guard.tenant) throw new Error("no session");
    return guard.tenant;
  }),
  requirePlatformRole: vi.fn(async () => {
    if (!guard.platform) throw new Error("no session");
    return guard.platform;
  }),
}));
vi.mock("@/app/t/[slug]/(portal)/messages/actions", () => ({ retryTenantMessageAction: vi.fn() }));
vi.mock("@/app/t/[slug]/(portal)/credits/actions", () => ({ setLowBalanceThresholdAction: vi.fn() }));
vi.mock("@/app/platform/messaging/messages/actions", () => ({ retryMessageAction: vi.fn() }));
vi.mock("@/app/platform/messaging/credits/[tenantId]/actions", () => ({ adjustCreditsAction: vi.fn() }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }),
}));

const render = (page: unknown) =>
  renderToStaticMarkup(createElement(NuqsTestingAdapter, null, page as ReactElement));
const search = (params: Record<string, string> = {}) => ({ searchParams: Promise.resolve(params) });

describe.each(testDatabaseKinds)("message and credit pages on %s", (kind) => {
  let database: TestDatabase;
  let alpha: Tenant;
  let bravo: Tenant;
  let owner: TestUser;
  let manager: TestUser;
  let alphaFailedId: string;
  let bravoMessageId: string;

  async function insertMessage(values: Partial<typeof messages.$inferInsert> & { recipient: string }) {
    const [row] = await database.db
      .insert(messages)
      .values({
        event: "hotel/booking.confirmed",
        channel: "sms",
        body: "Hello",
        idempotencyKey: randomUUID(),
        ...values,
      })
      .returning({ id: messages.id });
    if (!row) throw new Error("no message");
    return row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    const db = database.db;
    alpha = await createTenant(db, { name: "Alpha Hotel" });
    bravo = await createTenant(db, { name: "Bravo Inn" });
    owner = await createUser(db, { name: "Olu Owner" });
    manager = await createUser(db, { name: "Mo Manager" });
    await addMember(db, alpha.id, owner.id, "owner");
    await addMember(db, alpha.id, manager.id, "manager");
    await insertMessage({ tenantId: alpha.id, recipient: "+2348011110001", status: "delivered" });
    alphaFailedId = await insertMessage({
      tenantId: alpha.id,
      recipient: "+2348011110002",
      status: "failed",
      error: "Carrier rejected",
    });
    bravoMessageId = await insertMessage({
      tenantId: bravo.id,
      recipient: "+2348099990001",
      status: "failed",
    });
    await db.insert(devSinkMessages).values([
      { tenantId: alpha.id, channel: "sms", to: "+2348011110001", body: "Your room at Alpha is ready" },
      { tenantId: bravo.id, channel: "sms", to: "+2348099990001", body: "Your room at Bravo is ready" },
    ]);
    const actor = systemActor("vitest");
    await grantCredits(db, { tenantId: alpha.id, amount: 7, reason: "purchase", reference: "a", actor });
    await setLowBalanceThreshold(db, { tenantId: alpha.id, threshold: 10 });
    await grantCredits(db, { tenantId: bravo.id, amount: 40, reason: "purchase", reference: "b", actor });
  });
  afterAll(() => database.drop());

  const as = (role: "owner" | "manager") => {
    const user = role === "owner" ? owner : manager;
    guard.tenant = { user, tenant: alpha, role, viaPlatform: false, actor: testActor(user) };
  };

  test("portal log: the hotel's own messages only, with Retry on the failed one", async () => {
    as("manager");
    const { default: MessagesPage } = await import("@/app/t/[slug]/(portal)/messages/page");
    const html = render(await MessagesPage(search()));
    expect(html).toContain("+2348011110001");
    expect(html).toContain("+2348011110002");
    expect(html).toContain("Carrier rejected");
    expect(html).not.toContain("+2348099990001");
    expect(html.match(/data-action="retry"/g)).toHaveLength(1);
    expect(html).toContain(`href="/messages/${alphaFailedId}"`);

    const failed = render(await MessagesPage(search({ status: "failed" })));
    expect(failed).toContain("+2348011110002");
    expect(failed).not.toContain("+2348011110001");
  });

  test("portal outbox: the hotel's dev-sink messages, readable, under data-testid=dev-outbox", async () => {
    as("owner");
    const { default: MessagesPage } = await import("@/app/t/[slug]/(portal)/messages/page");
    const html = render(await MessagesPage(search({ tab: "outbox" })));
    expect(html).toContain('data-testid="dev-outbox"');
    expect(html).toContain("Your room at Alpha is ready");
    expect(html).not.toContain("Bravo");
  });

  test("portal message page: another hotel's message is not found", async () => {
    as("owner");
    const { default: MessagePage } = await import("@/app/t/[slug]/(portal)/messages/[id]/page");
    // notFound() throws Next's 404 signal.
    await expect(MessagePage({ params: Promise.resolve({ id: bravoMessageId }) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
    const html = render(await MessagePage({ params: Promise.resolve({ id: alphaFailedId }) }));
    expect(html).toContain("Carrier rejected");
    expect(html).toContain('data-action="retry"');
  });

  test("portal credits: the balance plainly, the low-balance warning, the ledger; only the owner sets the level", async () => {
    as("owner");
    const { default: CreditsPage } = await import("@/app/t/[slug]/(portal)/credits/page");
    const html = render(await CreditsPage(search()));
    expect(html).toContain('data-testid="sms-balance">7<');
    expect(html).toContain('data-testid="low-balance-warning"');
    expect(html).toContain("Purchase");
    expect(html).toContain('aria-label="Low-balance warning"');
    as("manager");
    const managerView = render(await CreditsPage(search()));
    expect(managerView).toContain('data-testid="sms-balance">7<');
    expect(managerView).not.toContain('aria-label="Low-balance warning"');
    expect(managerView).toContain("owner sets the warning level");
  });

  test("console credits: a pool that disagrees with its ledger is flagged", async () => {
    const admin = await createUser(database.db);
    guard.platform = { user: admin, platformRole: "billing_admin", actor: testActor(admin) };
    await database.db
      .update(platformSmsCreditPool)
      .set({ balance: 41 })
      .where(eq(platformSmsCreditPool.tenantId, bravo.id));
    const { default: ConsoleCreditsPage } = await import("@/app/platform/messaging/credits/page");
    const html = render(await ConsoleCreditsPage(search()));
    expect(html.match(/data-reconcile="mismatch"/g)).toHaveLength(1);
    expect(html).toContain("ledger 40");
    const { default: TenantCreditsPage } = await import("@/app/platform/messaging/credits/[tenantId]/page");
    const detail = render(
      await TenantCreditsPage({
        params: Promise.resolve({ tenantId: bravo.id }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(detail).toContain("Mismatch");
    expect(detail).toContain("Adjust credits");
    // A support agent reads but may not adjust.
    guard.platform = { user: admin, platformRole: "support_agent", actor: testActor(admin) };
    const readOnly = render(
      await TenantCreditsPage({
        params: Promise.resolve({ tenantId: bravo.id }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(readOnly).not.toContain("Adjust credits");
    await database.db
      .update(platformSmsCreditPool)
      .set({ balance: 40 })
      .where(eq(platformSmsCreditPool.tenantId, bravo.id));
  });

  test("console log: every hotel's messages with tenant names; only super admins get Retry", async () => {
    const admin = await createUser(database.db);
    guard.platform = { user: admin, platformRole: "super_admin", actor: testActor(admin) };
    const { default: ConsoleMessagesPage } = await import("@/app/platform/messaging/messages/page");
    const html = render(await ConsoleMessagesPage(search()));
    expect(html).toContain("+2348011110002");
    expect(html).toContain("+2348099990001");
    expect(html).toContain("Bravo Inn");
    expect(html.match(/data-action="retry"/g)).toHaveLength(2);
    const onlyAlpha = render(await ConsoleMessagesPage(search({ tenantId: alpha.id, status: "failed" })));
    expect(onlyAlpha).toContain("Failed messages");
    expect(onlyAlpha).toContain("+2348011110002");
    expect(onlyAlpha).not.toContain("+2348099990001");
    guard.platform = { user: admin, platformRole: "support_agent", actor: testActor(admin) };
    expect(render(await ConsoleMessagesPage(search()))).not.toContain('data-action="retry"');
  });
});
