// Hotels with invoices for the billing page tests: manual invoices through the real service (no
// event sent), and the hotel's currency, country and time zone set as a test needs them.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformTenants } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { createManualInvoice } from "@/lib/billing/invoices/manual";
import type { Invoice } from "@/lib/billing/invoices/settle";
import type { Tenant } from "@/lib/tenants/queries";
import { createTenant } from "@/tests/helpers/fixtures";

const noSend = async () => ({ ids: [] });

export async function billingHotel(
  db: Queryable,
  opts: { name?: string; currency?: string; country?: string; timezone?: string } = {},
): Promise<Tenant> {
  const tenant = await createTenant(db, { name: opts.name });
  const [row] = await db
    .update(platformTenants)
    .set({
      currency: opts.currency ?? "USD",
      country: opts.country ?? "US",
      timezone: opts.timezone ?? "UTC",
      contactEmail: "accounts@hotel.example",
    })
    .where(eq(platformTenants.id, tenant.id))
    .returning();
  if (!row) throw new Error("tenant vanished");
  return row;
}

export async function manualInvoice(
  db: Queryable,
  tenant: Pick<Tenant, "id">,
  actor: Actor,
  lines: Array<{ description: string; quantity?: number; unitAmountMinor: number }>,
  memo?: string,
): Promise<Invoice> {
  return createManualInvoice(db, {
    tenantId: tenant.id,
    lines: lines.map((l) => ({ quantity: 1, ...l })),
    memo,
    actor,
    send: noSend,
  });
}
