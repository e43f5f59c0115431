import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { tenantUrl } from "@/lib/tenancy/host";
import { getTenantById } from "@/lib/tenants/queries";
import { escapeHtml } from "./html";
import { type OutboxRow, queueEmail } from "./outbox";

/**
 * The welcome email a new hotel's owner gets. Plain text and HTML are written here until the
 * messaging module brings Handlebars templates per event and locale; then this becomes a template.
 */

export type WelcomeEmailInput = {
  hotelName: string;
  ownerName: string;
  portalUrl: string;
  /** Null when the hotel starts without a trial (created active from the console). */
  trialEndsAt: Date | null;
  timezone: string;
};

/** "Friday, 17 July 2026", in the hotel's own timezone (an invalid zone falls back to UTC). */
export function formatTrialEnd(date: Date, timeZone: string): string {
  const format = (tz: string) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: tz }).format(date);
  try {
    return format(timeZone);
  } catch {
    return format("UTC");
  }
}

export function renderWelcomeEmail(input: WelcomeEmailInput): {
  subject: string;
  text: string;
  html: string;
} {
  const firstName = input.ownerName.trim().split(/\s+/)[0] || input.ownerName;
  const trialLine = input.trialEndsAt
    ? `Your free trial runs until ${formatTrialEnd(input.trialEndsAt, input.timezone)}. Add a payment method before then to keep everything running.`
    : null;
  const subject = `Welcome to Hearth, ${input.hotelName}!`;
  const text = [
    `Hi ${firstName},`,
    "",
    `Welcome to Hearth! ${input.hotelName} now has its own portal:`,
    input.portalUrl,
    "",
    "Sign in there with the email and password you chose. A few good first steps: invite your team, set up your rooms, and choose how guests hear from you.",
    ...(trialLine ? ["", trialLine] : []),
    "",
    "If you need a hand, just reply to this email.",
    "",
    "The Hearth team",
  ].join("\n");
  const url = escapeHtml(input.portalUrl);
  const html = [
    `<p>Hi ${escapeHtml(firstName)},</p>`,
    `<p>Welcome to Hearth! <strong>${escapeHtml(input.hotelName)}</strong> now has its own portal:</p>`,
    `<p><a href="${url}">${url}</a></p>`,
    "<p>Sign in there with the email and password you chose. A few good first steps: invite your team, set up your rooms, and choose how guests hear from you.</p>",
    ...(trialLine ? [`<p>${escapeHtml(trialLine)}</p>`] : []),
    "<p>If you need a hand, just reply to this email.</p>",
    "<p>The Hearth team</p>",
  ].join("\n");
  return { subject, text, html };
}

export type WelcomeEmailResult =
  | { status: "queued" | "already_queued"; emailId: string }
  | { status: "skipped"; reason: string };

/**
 * Queues the welcome email for a new tenant's owner, once per tenant however often it is called
 * (the dedupe key is the tenant id), so a retried or replayed `tenant.created` sends one email.
 */
export async function queueWelcomeEmail(
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
  const e = env();
  const content = renderWelcomeEmail({
    hotelName: tenant.name,
    ownerName: owner.name,
    portalUrl: tenantUrl(tenant.slug, e.ROOT_DOMAIN, e.PUBLIC_PROTOCOL, "/login"),
    trialEndsAt: tenant.status === "trial" ? tenant.trialEndsAt : null,
    timezone: tenant.timezone,
  });
  const { email, queued }: { email: OutboxRow; queued: boolean } = await queueEmail(db, {
    tenantId: tenant.id,
    to: owner.email,
    ...content,
    event: "tenant.welcome",
    dedupeKey: `tenant.welcome:${tenant.id}`,
  });
  return { status: queued ? "queued" : "already_queued", emailId: email.id };
}
