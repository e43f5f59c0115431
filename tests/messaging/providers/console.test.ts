import { eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformSmsProviders, tenantProviderAssignments } from "@/db/schema";
import type { PlatformContext } from "@/lib/auth/context";
import { type PlatformPermission, type PlatformRole, platformCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import { createProvider } from "@/lib/messaging/providers/service";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import { TWILIO_TOKEN, twilioInput } from "./helpers";

// The console's provider pages and actions with the real services and database. The guard answers
// for a chosen platform role and, like the real one, refuses a role without the permission asked.
const guard = vi.hoisted(() => ({
  ctx: null as PlatformContext | null,
  asked: [] as string[],
}));
vi.mock("@/lib/auth/guards", () => ({
  requirePlatformRole: vi.fn(async (permission: PlatformPermission) => {
    guard.asked.push(permission);
    if (!guard.ctx) throw new Error("no session");
    if (!platformCan(guard.ctx.platformRole, permission)) throw new AppError("FORBIDDEN", "Not allowed.");
    return guard.ctx;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const providerActions = await import("@/app/platform/messaging/providers/actions");
const importActions = await import("@/app/platform/messaging/import/actions");
const assignmentActions = await import("@/app/platform/tenants/[id]/assignment-actions");
const { default: ProvidersPage } = await import("@/app/platform/messaging/providers/page");
const { default: ImportPage } = await import("@/app/platform/messaging/import/page");
const { AssignmentsPanel } = await import("@/app/platform/tenants/[id]/assignments-panel");

describe.each(testDatabaseKinds)("messaging provider console on %s", (kind) => {
  let database: TestDatabase;
  let user: TestUser;
  let providerId: string;
  let tenantId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    user = await createUser(database.db, { name: "Ada" });
    await ensureDefaultProviders(database.db);
    providerId = (
      await createProvider(database.db, { ...twilioInput({ name: "Twilio NG" }), actor: testActor(user) })
    ).id;
    tenantId = (await createTenant(database.db, { name: "Grandview" })).id;
  });
  afterAll(() => database.drop());

  const as = (platformRole: PlatformRole) => {
    guard.ctx = { user, platformRole, actor: testActor(user) };
    guard.asked = [];
  };
  const smsCount = async () => (await database.db.select().from(platformSmsProviders)).length;

  test("a support agent can change nothing: every write action is refused and nothing is written", async () => {
    as("support_agent");
    const before = await smsCount();
    const ref = { channel: "sms" as const, id: providerId };
    const results = [
      await providerActions.createProviderAction(twilioInput({ name: "Sneaky" })),
      await providerActions.updateProviderAction({ ...twilioInput({ name: "Renamed" }), id: providerId }),
      await providerActions.setProviderEnabledAction({ ...ref, enabled: false }),
      await providerActions.setDefaultProviderAction(ref),
      await providerActions.deleteProviderAction(ref),
      await providerActions.testProviderConnectionAction(ref),
      await importActions.importSmsSettingsAction({ json: "[]", dryRun: false }),
      await assignmentActions.setTenantAssignmentsAction({
        tenantId,
        channel: "sms",
        entries: [{ providerId }],
      }),
    ];
    for (const result of results) {
      expect(result?.serverError).toBe("Not allowed.");
      expect(result?.data).toBeUndefined();
    }
    expect(guard.asked.every((p) => p === "messaging.write")).toBe(true);
    expect(guard.asked).toHaveLength(results.length);
    expect(await smsCount()).toBe(before);
    const [row] = await database.db
      .select()
      .from(platformSmsProviders)
      .where(eq(platformSmsProviders.id, providerId));
    expect(row).toMatchObject({ name: "Twilio NG", enabled: true, isDefault: false });
    expect(await database.db.select().from(tenantProviderAssignments)).toEqual([]);
  });

  test("a super admin adds a provider; a bad credential comes back on its field", async () => {
    as("super_admin");
    const ok = await providerActions.createProviderAction(twilioInput({ name: "Added by action" }));
    expect(ok?.data).toEqual({ ok: true, data: { id: expect.any(String), name: "Added by action" } });
    const refused = await providerActions.createProviderAction(
      twilioInput({ name: "Bad", credentials: { accountSid: "nope", authToken: "t" } }),
    );
    expect(refused?.data).toMatchObject({
      ok: false,
      refusal: { code: "INVALID", field: "credentials.accountSid" },
    });
    const assigned = await assignmentActions.setTenantAssignmentsAction({
      tenantId,
      channel: "sms",
      entries: [{ providerId, sender: "GRANDVIEW" }],
    });
    expect(assigned?.data).toEqual({ ok: true, data: { count: 1 } });
  });

  test("the providers page: read for everyone with messaging.read, write controls for super admins only", async () => {
    as("support_agent");
    const readOnly = renderToStaticMarkup((await ProvidersPage()) as ReactElement);
    expect(guard.asked).toEqual(["messaging.read"]);
    expect(readOnly).toContain("Twilio NG");
    expect(readOnly).toContain("•••• cdef");
    expect(readOnly).toContain("Dev sink (SMS)");
    expect(readOnly).toContain("Default");
    expect(readOnly).not.toContain("Test connection");
    expect(readOnly).not.toContain("Add SMS provider");
    expect(readOnly).not.toContain(TWILIO_TOKEN);

    as("super_admin");
    const full = renderToStaticMarkup((await ProvidersPage()) as ReactElement);
    expect(full).toContain("Test connection");
    expect(full).toContain("Add SMS provider");
    expect(full).toContain("Add email provider");
    expect(full).not.toContain(TWILIO_TOKEN);
  });

  test("a user without a console role is refused by the pages", async () => {
    as("support_agent");
    guard.ctx = null;
    await expect(ProvidersPage()).rejects.toThrow("no session");
    await expect(ImportPage()).rejects.toThrow("no session");
  });

  test("the import page offers the import to super admins only", async () => {
    as("support_agent");
    expect(renderToStaticMarkup((await ImportPage()) as ReactElement)).toContain("Only super admins");
    as("super_admin");
    const html = renderToStaticMarkup((await ImportPage()) as ReactElement);
    expect(html).toContain("Dry run");
    expect(html).not.toContain("Only super admins");
  });

  test("the assignments panel lists the hotel's providers, or the platform default when none", async () => {
    as("super_admin");
    const html = renderToStaticMarkup((await AssignmentsPanel({ tenantId, canWrite: true })) as ReactElement);
    expect(html).toContain("Twilio NG");
    expect(html).toContain('value="GRANDVIEW"');
    expect(html).toContain("Platform default: <span");
    expect(html).toContain("Dev sink (email)");
    expect(html).toContain("Save order");

    as("support_agent");
    const readOnly = renderToStaticMarkup(
      (await AssignmentsPanel({ tenantId, canWrite: true })) as ReactElement,
    );
    expect(readOnly).toContain("Twilio NG");
    expect(readOnly).not.toContain("Save order");
  });
});
