import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformAuditStream, platformTenants } from "@/db/schema";
import type { PlatformContext } from "@/lib/auth/context";
import { type PlatformPermission, type PlatformRole, platformCan } from "@/lib/auth/permissions";
import type { PaymentsConfig } from "@/lib/billing/payments/config";
import { paymentProviderFor } from "@/lib/billing/payments/provider-for";
import { describePaymentProvider, setTenantPaymentProvider } from "@/lib/billing/payments/provider-override";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";
import { createBillingTenant } from "./world";

// The console's per-tenant payment provider override: the service against the real database, the
// action behind a guard that (like the real one) refuses a role without the permission asked, and
// the tenant page's Payments card. The environment's payment keys are replaced by `keys.config`.
const both: PaymentsConfig = {
  stripe: { secretKey: "sk_test_x", webhookSecret: "whsec_x", apiBase: null },
  paystack: { secretKey: "sk_test_y", baseUrl: "https://api.paystack.co" },
  rootDomain: "localhost:3000",
  protocol: "http",
};
const stripeOnly: PaymentsConfig = { ...both, paystack: null };
const paystackOnly: PaymentsConfig = { ...both, stripe: null };

const guard = vi.hoisted(() => ({ ctx: null as PlatformContext | null }));
const keys = vi.hoisted(() => ({ config: null as PaymentsConfig | null }));
vi.mock("@/lib/auth/guards", () => ({
  requirePlatformRole: vi.fn(async (permission: PlatformPermission) => {
    if (!guard.ctx) throw new Error("no session");
    if (!platformCan(guard.ctx.platformRole, permission)) throw new AppError("FORBIDDEN", "Not allowed.");
    return guard.ctx;
  }),
}));
vi.mock("@/lib/billing/payments/config", () => ({
  paymentsConfig: () => {
    if (!keys.config) throw new Error("test did not choose the payment keys");
    return keys.config;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The page's other tabs' client pieces, irrelevant to the Plan & limits tab.
vi.mock("@/app/platform/tenants/[id]/assignments-panel", () => ({ AssignmentsPanel: () => null }));
vi.mock("@/app/platform/tenants/[id]/actions", () => ({
  activateTenantAction: vi.fn(),
  deleteTenantAction: vi.fn(),
  suspendTenantAction: vi.fn(),
  updateTenantAction: vi.fn(),
}));
vi.mock("@/lib/auth/actions", () => ({ openTenantPortalAction: vi.fn() }));

const { setTenantPaymentProviderAction } = await import(
  "@/app/platform/tenants/[id]/payment-provider-actions"
);
const { default: TenantDetailPage } = await import("@/app/platform/tenants/[id]/page");

describe("describePaymentProvider", () => {
  test.each([
    // currency, override, config → effective, chosen, source, configured
    ["NGN", null, both, "paystack", "paystack", "currency", true],
    ["zar", null, both, "paystack", "paystack", "currency", true],
    ["USD", null, both, "stripe", "stripe", "currency", true],
    ["NGN", "stripe", both, "stripe", "stripe", "override", true],
    ["EUR", "paystack", both, "paystack", "paystack", "override", true],
    // The chosen provider has no keys: the test checkout stands in, and the card says which.
    ["NGN", null, stripeOnly, "test", "paystack", "currency", false],
    ["USD", "paystack", stripeOnly, "test", "paystack", "override", false],
    ["USD", null, paystackOnly, "test", "stripe", "currency", false],
    ["NGN", "stripe", paystackOnly, "test", "stripe", "override", false],
  ] as const)(
    "%s with override %s",
    (currency, paymentProvider, config, effective, chosen, source, configured) => {
      const described = describePaymentProvider({ currency, paymentProvider }, config);
      expect(described).toMatchObject({ effective, chosen, source, configured });
      expect(described.effective).toBe(paymentProviderFor({ currency, paymentProvider }, config));
    },
  );

  test("automatic's pick by currency is reported even under an override", () => {
    expect(describePaymentProvider({ currency: "NGN", paymentProvider: "stripe" }, both).byCurrency).toBe(
      "paystack",
    );
    expect(describePaymentProvider({ currency: "USD", paymentProvider: "paystack" }, both).byCurrency).toBe(
      "stripe",
    );
  });
});

describe.each(testDatabaseKinds)("payment provider override on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    admin = await createUser(database.db, { name: "Bea Billing" });
    agent = await createUser(database.db, { name: "Sam Support" });
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    keys.config = both;
  });

  const as = (user: TestUser, platformRole: PlatformRole) => {
    guard.ctx = { user, platformRole, actor: testActor(user) };
  };
  const saved = async (tenantId: string) => {
    const [row] = await database.db.select().from(platformTenants).where(eq(platformTenants.id, tenantId));
    if (!row) throw new Error("tenant vanished");
    return row;
  };
  const audits = (tenantId: string) =>
    database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.tenantId, tenantId),
          eq(platformAuditStream.action, "billing.payment_provider.set"),
        ),
      )
      .orderBy(platformAuditStream.id);

  test("set, then clear: the column changes, each change is audited, and checkout follows it", async () => {
    const hotel = await createBillingTenant(database.db, { currency: "NGN" });
    expect(paymentProviderFor(await saved(hotel.id), both)).toBe("paystack");

    const set = await setTenantPaymentProvider(database.db, {
      tenantId: hotel.id,
      provider: "stripe",
      actor: testActor(admin),
    });
    expect(set).toMatchObject({ changed: true, tenant: { paymentProvider: "stripe" } });
    expect((await saved(hotel.id)).paymentProvider).toBe("stripe");
    expect(paymentProviderFor(await saved(hotel.id), both)).toBe("stripe");

    const cleared = await setTenantPaymentProvider(database.db, {
      tenantId: hotel.id,
      provider: null,
      actor: testActor(admin),
    });
    expect(cleared.changed).toBe(true);
    expect((await saved(hotel.id)).paymentProvider).toBeNull();
    expect(paymentProviderFor(await saved(hotel.id), both)).toBe("paystack");

    const rows = await audits(hotel.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actorUserId: admin.id,
      actorLabel: admin.email,
      targetType: "tenant",
      targetId: hotel.id,
      summary: { before: { paymentProvider: null }, after: { paymentProvider: "stripe" }, currency: "NGN" },
    });
    expect(rows[1]?.summary).toMatchObject({
      before: { paymentProvider: "stripe" },
      after: { paymentProvider: null },
    });
  });

  test("saving the value it already has changes nothing and writes no audit row", async () => {
    const hotel = await createBillingTenant(database.db, { currency: "USD", paymentProvider: "paystack" });
    const before = await saved(hotel.id);
    const same = await setTenantPaymentProvider(database.db, {
      tenantId: hotel.id,
      provider: "paystack",
      actor: testActor(admin),
    });
    expect(same.changed).toBe(false);
    const after = await saved(hotel.id);
    expect(after.paymentProvider).toBe("paystack");
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());

    const automatic = await createBillingTenant(database.db, { currency: "USD" });
    const stillAutomatic = await setTenantPaymentProvider(database.db, {
      tenantId: automatic.id,
      provider: null,
      actor: testActor(admin),
    });
    expect(stillAutomatic.changed).toBe(false);
    expect([...(await audits(hotel.id)), ...(await audits(automatic.id))]).toEqual([]);
  });

  test("an unknown, malformed or deleted tenant is NOT_FOUND; an unknown provider is INVALID", async () => {
    const deleted = await createTenant(database.db, { status: "deleted" });
    for (const tenantId of [randomUUID(), "not-a-uuid", deleted.id]) {
      await expect(
        setTenantPaymentProvider(database.db, { tenantId, provider: "stripe", actor: testActor(admin) }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await saved(deleted.id)).paymentProvider).toBeNull();

    const hotel = await createBillingTenant(database.db);
    await expect(
      setTenantPaymentProvider(database.db, {
        tenantId: hotel.id,
        // A caller outside the type system (e.g. a hand-built request) may send anything.
        provider: "paypal" as unknown as "stripe",
        actor: testActor(admin),
      }),
    ).rejects.toMatchObject({ code: "INVALID", field: "provider" });
    expect((await saved(hotel.id)).paymentProvider).toBeNull();
    expect(await audits(deleted.id)).toEqual([]);
  });

  test("the action: a support agent is refused, a billing admin saves, refusals come back as data", async () => {
    const hotel = await createBillingTenant(database.db, { currency: "GHS" });

    as(agent, "support_agent");
    const refused = await setTenantPaymentProviderAction({ tenantId: hotel.id, provider: "stripe" });
    expect(refused?.serverError).toBe("Not allowed.");
    expect((await saved(hotel.id)).paymentProvider).toBeNull();
    expect(await audits(hotel.id)).toEqual([]);

    as(admin, "billing_admin");
    const ok = await setTenantPaymentProviderAction({ tenantId: hotel.id, provider: "stripe" });
    expect(ok?.data).toEqual({ ok: true, data: { provider: "stripe", changed: true } });
    expect((await saved(hotel.id)).paymentProvider).toBe("stripe");
    expect(await audits(hotel.id)).toHaveLength(1);

    const missing = await setTenantPaymentProviderAction({ tenantId: randomUUID(), provider: null });
    expect(missing?.data).toMatchObject({ ok: false, refusal: { code: "NOT_FOUND" } });

    const invalid = await setTenantPaymentProviderAction({
      tenantId: hotel.id,
      provider: "paypal" as unknown as "stripe",
    });
    expect(invalid?.validationErrors).toBeDefined();
    expect((await saved(hotel.id)).paymentProvider).toBe("stripe");
  });

  describe("the Plan & limits tab's Payments card", () => {
    const renderPlanTab = async (tenantId: string) => {
      const page = await TenantDetailPage({
        params: Promise.resolve({ id: tenantId }),
        searchParams: Promise.resolve({ tab: "plan" }),
      });
      return renderToStaticMarkup(page as ReactElement);
    };
    let naira: Tenant;
    let overridden: Tenant;

    beforeAll(async () => {
      naira = await createBillingTenant(database.db, { currency: "NGN" });
      overridden = await createBillingTenant(database.db, { currency: "NGN", paymentProvider: "stripe" });
    });

    test("says who takes the payments and why; a billing admin gets the picker", async () => {
      as(admin, "billing_admin");
      const automatic = await renderPlanTab(naira.id);
      expect(automatic).toContain("Paystack, chosen by currency NGN.");
      expect(automatic).toContain('for="payment-provider"');
      expect(automatic).toContain("Automatic by currency (Paystack for NGN)");
      expect(automatic).toMatch(/<option value="auto" selected="">/);

      const override = await renderPlanTab(overridden.id);
      expect(override).toContain("Stripe, set by an admin.");
      expect(override).toMatch(/<option value="stripe" selected="">/);
    });

    test("without the chosen provider's keys it names the test checkout", async () => {
      as(admin, "super_admin");
      keys.config = paystackOnly;
      const html = await renderPlanTab(overridden.id);
      expect(html).toContain("Test checkout: Stripe keys are not configured (Stripe set by an admin).");
      keys.config = stripeOnly;
      expect(await renderPlanTab(naira.id)).toContain(
        "Test checkout: Paystack keys are not configured (Paystack chosen by currency NGN).",
      );
    });

    test("a support agent reads the card but gets no picker", async () => {
      as(agent, "support_agent");
      const html = await renderPlanTab(naira.id);
      expect(html).toContain("Paystack, chosen by currency NGN.");
      expect(html).not.toContain("Automatic by currency");
      expect(html).not.toContain("<select");
    });
  });
});
