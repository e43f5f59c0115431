// The welcome email a new hotel's owner gets, through sendEmail with the "tenant.welcome"
// template (platform default, in the hotel's locale). Once per tenant however often it runs: the
// idempotency key is the tenant id, so a retried or replayed `tenant.created` sends one email.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/messaging/send/send-email";
import type { MessageStatus } from "@/lib/messaging/send/types";
import { platformEventSchemas } from "@/lib/messaging/templates/platform-events";
import { tenantUrl } from "@/lib/tenancy/host";
import { getTenantById } from "@/lib/tenants/queries";

export type WelcomeEmailResult =
  | { status: MessageStatus; messageId: string }
  | { status: "skipped"; reason: string };

export function welcomeIdempotencyKey(tenantId: string): string {
  return `tenant.welcome:${tenantId}`;
}

export async function sendWelcomeEmail(
  db: Queryable,
  opts: { tenantId: string; ownerUserId: string },
): Promise<WelcomeEmailResult> {
  const tenant = await getTenantById(db, opts.tenantId);
  if (!tenant) return { status: "skipped", reason: "tenant not found" };
  if (tenant.status === "deleted") return { status: "skipped", reason: "tenant deleted" };
  const [owner] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, opts.ownerUserId))
    .limit(1);
  if (!owner) return { status: "skipped", reason: "owner not found" };
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  const data = platformEventSchemas["tenant.welcome"].parse({
    tenant: { name: tenant.name, slug: tenant.slug },
    recipient: { name: owner.name.trim() || owner.email, email: owner.email },
    portalUrl: tenantUrl(tenant.slug, ROOT_DOMAIN, PUBLIC_PROTOCOL, "/login"),
    trialEndsAt: tenant.status === "trial" && tenant.trialEndsAt ? tenant.trialEndsAt.toISOString() : null,
  });
  const message = await sendEmail(db, {
    tenantId: tenant.id,
    event: "tenant.welcome",
    to: owner.email,
    locale: tenant.locale,
    data,
    idempotencyKey: welcomeIdempotencyKey(tenant.id),
  });
  return { status: message.status, messageId: message.id };
}
