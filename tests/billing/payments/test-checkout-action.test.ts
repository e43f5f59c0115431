import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import type { TenantContext } from "@/lib/auth/context";
import { tenantCan } from "@/lib/auth/permissions";
import { startCheckout } from "@/lib/billing/payments/start-checkout";
import { AppError } from "@/lib/errors";
import type { TenantRole } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, testActor } from "@/tests/helpers/fixtures";
import { createBillingTenant, createInvoice, embeddedConfig, getInvoice } from "./world";

// The test checkout's action as its buttons call it, with the real services and database; the
// guard answers for a chosen member and refuses a role without the permission, like the real one.
const guard = vi.hoisted(() => ({ ctx: null as TenantContext | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentTenant: vi.fn(async () => {
    if (!guard.ctx) throw new Error("no tenant");
    return guard.ctx.tenant;
  }),
  requireTenantMember: vi.fn(async (_tenant: unknown, permission: Parameters<typeof tenantCan>[1]) => {
    if (!guard.ctx) throw new Error("no session");
    if (!tenantCan(guard.ctx.role, permission)) throw new AppError("FORBIDDEN", "Not allowed.");
    return guard.ctx;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: vi.fn(async () => ({ ids: [] })) }));
// Embedded mode: no provider keys.
for (const key of ["STRIPE_SECRET_KEY", "PAYSTACK_SECRET_KEY"]) delete process.env[key];

const { settleTestCheckoutAction } = await import(
  "@/app/t/[slug]/(portal)/checkout/test/[sessionId]/actions"
);

describe.each(testDatabaseKinds)("test checkout action on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
  });
  afterAll(() => database.drop());

  async function as(role: TenantRole, tenant: Awaited<ReturnType<typeof createBillingTenant>>) {
    const user = await createUser(database.db);
    guard.ctx = { user, tenant, role, viaPlatform: false, actor: testActor(user) };
  }

  test("staff cannot pay an invoice; a manager can, and is sent to the billing page", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const invoice = await createInvoice(db, tenant, { totalMinor: 3_000 });
    const owner = testActor(await createUser(db));
    const { checkoutId } = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id },
      owner,
      {
        config: embeddedConfig,
      },
    );
    await as("staff", tenant);
    const refused = await settleTestCheckoutAction({ checkoutId, outcome: "succeeded" });
    expect(refused?.serverError).toBe("Your role cannot make this payment.");
    expect((await getInvoice(db, invoice.id)).status).toBe("open");

    await as("manager", tenant);
    const paid = await settleTestCheckoutAction({ checkoutId, outcome: "succeeded" });
    expect(paid?.data).toEqual({
      outcome: "succeeded",
      redirectPath: `/billing?payment=succeeded&checkout=${checkoutId}`,
    });
    expect(await getInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaidMinor: 3_000 });
  });

  test("a manager of another hotel gets not found for this hotel's checkout", async () => {
    const db = database.db;
    const tenant = await createBillingTenant(db);
    const other = await createBillingTenant(db);
    const invoice = await createInvoice(db, tenant, { totalMinor: 3_000 });
    const owner = testActor(await createUser(db));
    const { checkoutId } = await startCheckout(
      db,
      { tenantId: tenant.id, purpose: "invoice", invoiceId: invoice.id },
      owner,
      {
        config: embeddedConfig,
      },
    );
    await as("manager", other);
    const result = await settleTestCheckoutAction({ checkoutId, outcome: "succeeded" });
    expect(result?.serverError).toBe("There is no such checkout.");
    expect((await getInvoice(db, invoice.id)).status).toBe("open");
  });
});
