// Worlds for the send-path tests: the seeded defaults (dev-sink providers, platform templates),
// hotels with credits, provider rows pointed at the local fakes, and event payloads.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  devSinkMessages,
  messages,
  platformEmailProviders,
  platformSmsCreditLedger,
  platformSmsProviders,
  platformTenants,
  tenantProviderAssignments,
} from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { grantCredits } from "@/lib/credits/service";
import type { DomainEventPayload } from "@/lib/events/schemas";
import { credentialHint } from "@/lib/messaging/providers/credentials";
import { sealSecret } from "@/lib/messaging/providers/crypto";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import { seedDefaultTemplates } from "@/lib/messaging/templates/seed";
import type { Tenant } from "@/lib/tenants/queries";
import { createTenant } from "@/tests/helpers/fixtures";

export const actor = systemActor("vitest");

export async function seedMessaging(db: Queryable): Promise<void> {
  await ensureDefaultProviders(db);
  await seedDefaultTemplates(db);
}

export async function createHotel(
  db: Queryable,
  opts: { locale?: string; timezone?: string; currency?: string; credits?: number } = {},
): Promise<Tenant> {
  const tenant = await createTenant(db, { name: "Grandview Hotel" });
  const [row] = await db
    .update(platformTenants)
    .set({
      locale: opts.locale ?? "en",
      timezone: opts.timezone ?? "Africa/Lagos",
      currency: opts.currency ?? "NGN",
    })
    .where(eq(platformTenants.id, tenant.id))
    .returning();
  if (!row) throw new Error("createHotel: no row");
  if (opts.credits) {
    await grantCredits(db, {
      tenantId: row.id,
      amount: opts.credits,
      reason: "purchase",
      reference: "test",
      actor,
    });
  }
  return row;
}

function sealed(credentials: Record<string, string>) {
  const { ciphertext, keyId } = sealSecret(JSON.stringify(credentials));
  return {
    credentialsCiphertext: ciphertext,
    credentialsKeyId: keyId,
    credentialsHint: credentialHint(credentials),
  };
}

export async function addSmsProvider(
  db: Queryable,
  opts:
    | {
        kind: "twilio";
        baseUrl: string;
        accountSid: string;
        authToken: string;
        name?: string;
        costPerMessageMinor?: number;
      }
    | { kind: "termii"; baseUrl: string; apiKey: string; name?: string; costPerMessageMinor?: number },
): Promise<typeof platformSmsProviders.$inferSelect> {
  const credentials: Record<string, string> =
    opts.kind === "twilio"
      ? { accountSid: opts.accountSid, authToken: opts.authToken }
      : { apiKey: opts.apiKey };
  const [row] = await db
    .insert(platformSmsProviders)
    .values({
      name: opts.name ?? `${opts.kind} ${randomUUID().slice(0, 4)}`,
      kind: opts.kind,
      senderId: opts.kind === "twilio" ? "+15005550006" : "Grandview",
      config: { baseUrl: opts.baseUrl },
      costPerMessageMinor: opts.costPerMessageMinor ?? 0,
      costCurrency: "USD",
      // Tests send in bursts; the throttle itself has its own unit test.
      throttlePerSecond: 100_000,
      ...sealed(credentials),
    })
    .returning();
  if (!row) throw new Error("addSmsProvider: no row");
  return row;
}

export async function addResendProvider(
  db: Queryable,
  opts: { baseUrl: string; apiKey: string; webhookSecret?: string },
): Promise<typeof platformEmailProviders.$inferSelect> {
  const [row] = await db
    .insert(platformEmailProviders)
    .values({
      name: `Resend ${randomUUID().slice(0, 4)}`,
      kind: "resend",
      fromAddress: "Grandview <stay@grandview.example>",
      config: { baseUrl: opts.baseUrl },
      costPerMessageMinor: 1,
      throttlePerSecond: 100_000,
      ...sealed({
        apiKey: opts.apiKey,
        ...(opts.webhookSecret ? { webhookSecret: opts.webhookSecret } : {}),
      }),
    })
    .returning();
  if (!row) throw new Error("addResendProvider: no row");
  return row;
}

/** The tenant's providers for a channel, in this order (priority 1, 2, …). */
export async function assignProviders(
  db: Queryable,
  tenantId: string,
  channel: "sms" | "email",
  providerIds: string[],
): Promise<void> {
  await db.insert(tenantProviderAssignments).values(
    providerIds.map((id, i) => ({
      tenantId,
      channel,
      priority: i + 1,
      ...(channel === "sms" ? { smsProviderId: id } : { emailProviderId: id }),
    })),
  );
}

export async function ledgerOf(db: Queryable, tenantId: string) {
  return db.select().from(platformSmsCreditLedger).where(eq(platformSmsCreditLedger.tenantId, tenantId));
}

export async function messagesOf(db: Queryable, tenantId: string) {
  return db.select().from(messages).where(eq(messages.tenantId, tenantId));
}

export async function devSinkOf(db: Queryable, tenantId: string) {
  return db.select().from(devSinkMessages).where(eq(devSinkMessages.tenantId, tenantId));
}

export function bookingPayload(
  tenant: Tenant,
  guest: { phone?: string | null; email?: string | null; name?: string } = {},
  locale = "en",
): DomainEventPayload<"hotel/booking.confirmed"> {
  return {
    tenant: {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      timezone: tenant.timezone,
      locale: tenant.locale,
      currency: tenant.currency,
    },
    booking: {
      id: randomUUID(),
      reference: "GV-000123",
      checkIn: "2030-03-14",
      checkOut: "2030-03-16",
      nights: 2,
      adults: 2,
      totalMinor: 4_800_000,
      currency: "NGN",
    },
    guest: {
      id: randomUUID(),
      name: guest.name ?? "Ada Obi",
      phone: guest.phone === undefined ? "+2348031234567" : guest.phone,
      email: guest.email === undefined ? "ada@example.test" : guest.email,
      preferredLanguage: locale,
    },
    room: { id: randomUUID(), number: "204", type: "Deluxe King" },
    locale,
    occurredAt: "2030-03-01T10:00:00.000Z",
  };
}
