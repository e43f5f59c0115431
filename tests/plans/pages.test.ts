import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import type { PlatformContext, TenantContext } from "@/lib/auth/context";
import { changeTenantPlan } from "@/lib/plans/change-plan";
import type { Tenant } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { addMember, createUser, testActor } from "@/tests/helpers/fixtures";
import { insertPlan, insertTenant } from "./helpers";

// The pages as the server renders them, with the guards answering for a chosen caller.
const guard = vi.hoisted(() => ({
  platform: null as PlatformContext | null,
  tenant: null as TenantContext | null,
}));
vi.mock("@/lib/auth/guards", () => ({
  requirePlatformRole: vi.fn(async () => {
    if (!guard.platform) throw new Error("no session");
    return guard.platform;
  }),
  getCurrentTenant: vi.fn(async () => {
    if (!guard.tenant) throw new Error("no tenant");
    return guard.tenant.tenant;
  }),
  requireTenantMember: vi.fn(async () => {
    if (!guard.tenant) throw new Error("no session");
    return guard.tenant;
  }),
}));
vi.mock("@/lib/plans/actions", () => ({
  createPlanAction: vi.fn(),
  updatePlanAction: vi.fn(),
  archivePlanAction: vi.fn(),
  unarchivePlanAction: vi.fn(),
  deletePlanAction: vi.fn(),
  setDefaultPlanAction: vi.fn(),
}));
vi.mock("@/app/t/[slug]/(portal)/plan/actions", () => ({
  previewPlanChangeAction: vi.fn(),
  changePlanAction: vi.fn(),
}));
vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));

describe("plan pages", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let owner: { id: string; email: string; name: string };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useDatabaseForTests(database);
    const db = database.db;
    owner = await createUser(db, { name: "Olive Owner" });
    const admin = await createUser(db, { name: "Ada Admin" });
    guard.platform = { user: admin, platformRole: "billing_admin", actor: testActor(admin) };
    const starter = await insertPlan(db, {
      code: "starter",
      name: "Starter",
      monthlyPriceMinor: 4900,
      yearlyPriceMinor: 49000,
      includedSms: 200,
      smsOveragePriceMinor: 4,
      limits: { rooms: 20, staff_seats: 2 },
      isDefault: true,
      sortOrder: 1,
    });
    await insertPlan(db, {
      code: "professional",
      name: "Professional",
      monthlyPriceMinor: 14900,
      yearlyPriceMinor: 149000,
      limits: { rooms: 120, staff_seats: 25 },
      features: ["analytics", "custom_templates"],
      sortOrder: 2,
    });
    await insertPlan(db, { code: "legacy", name: "Legacy", isActive: false, sortOrder: 3 });
    await insertPlan(db, { code: "kes-basic", name: "Basic KES", currency: "KES", sortOrder: 4 });
    tenant = await insertTenant(db, {
      name: "Grandview",
      planId: starter.id,
      timezone: "Africa/Lagos",
      currentPeriodStart: new Date("2026-04-01T00:00:00Z"),
      currentPeriodEnd: new Date("2026-05-01T00:00:00Z"),
    });
    await addMember(db, tenant.id, owner.id, "owner");
    await insertTenant(db, { planId: starter.id });
  });
  afterAll(() => database.drop());

  const portalAs = (role: TenantContext["role"]) => {
    guard.tenant = { user: owner, tenant, role, viaPlatform: false, actor: testActor(owner) };
  };

  test("console: the plan catalogue with prices, limits, features, hotels and status", async () => {
    const { default: PlansPage } = await import("@/app/platform/plans/page");
    const page = (await PlansPage({ searchParams: Promise.resolve({}) })) as ReactElement;
    const html = renderToStaticMarkup(createElement(NuqsTestingAdapter, null, page));
    expect(html).toContain("Starter");
    expect(html).toContain("$49.00 / month");
    expect(html).toContain("$490.00 / year");
    expect(html).toContain("then $0.04 each");
    expect(html).toContain("Default");
    expect(html).toContain("Archived");
    expect(html).toContain("custom_templates");
    expect(html).toContain("KES");
    // billing_admin holds plans.write: edit and more actions per row, and a New plan button.
    expect(html).toContain('aria-label="Edit Starter"');
    expect(html).toContain('aria-label="More actions for Professional"');
    expect(html).toContain("New plan");
  });

  test("console: support agents read the catalogue without write controls", async () => {
    const saved = guard.platform;
    if (!saved) throw new Error("no platform ctx");
    guard.platform = { ...saved, platformRole: "support_agent" };
    try {
      const { default: PlansPage } = await import("@/app/platform/plans/page");
      const page = (await PlansPage({ searchParams: Promise.resolve({}) })) as ReactElement;
      const html = renderToStaticMarkup(createElement(NuqsTestingAdapter, null, page));
      expect(html).toContain("Professional");
      expect(html).not.toContain('aria-label="Edit Starter"');
      expect(html).not.toContain("New plan");
    } finally {
      guard.platform = saved;
    }
  });

  test("portal, owner: current plan, usage bars, plans in its currency with change buttons", async () => {
    portalAs("owner");
    const { default: PlanPage } = await import("@/app/t/[slug]/(portal)/plan/page");
    const html = renderToStaticMarkup((await PlanPage()) as ReactElement);
    expect(html).toContain("Plan &amp; usage");
    expect(html).toContain("$49.00 / month");
    // The period in the hotel's timezone (Lagos is UTC+1).
    expect(html).toContain("Apr 1, 2026, 1:00 AM");
    expect(html).toContain("Staff seats");
    expect(html).toContain("1 of 2");
    expect(html).toContain("Change to Professional");
    expect(html).toContain("Switch to yearly billing");
    // Archived plans and plans in other currencies are not offered.
    expect(html).not.toContain("Legacy");
    expect(html).not.toContain("Basic KES");
    expect(html).toContain("Nothing pending.");
  });

  test("portal: pending adjustments after a change; managers cannot change", async () => {
    await changeTenantPlan(database.db, {
      tenantId: tenant.id,
      toPlanCode: "professional",
      toInterval: "monthly",
      at: new Date("2026-04-19T12:00:00Z"),
      actor: testActor(owner),
    });
    const { getTenantById } = await import("@/lib/tenants/queries");
    const fresh = await getTenantById(database.db, tenant.id);
    if (!fresh) throw new Error("tenant gone");
    tenant = fresh;
    portalAs("manager");
    const { default: PlanPage } = await import("@/app/t/[slug]/(portal)/plan/page");
    const html = renderToStaticMarkup((await PlanPage()) as ReactElement);
    expect(html).toContain("Unused time on Starter (12 of 30 days)");
    expect(html).toContain("-$19.60");
    expect(html).toContain("Remaining time on Professional (12 of 30 days)");
    expect(html).toContain("$59.60");
    expect(html).toContain("Net charge");
    expect(html).toContain("$40.00");
    expect(html).not.toContain("Change to Starter");
    expect(html).toContain("Only the hotel&#x27;s owner can change the plan.");
  });
});
