import { escapeHtml } from "@/lib/messaging/html";
import type { TenantRole } from "@/lib/tenants/queries";
import { roleLabels } from "./schemas";

/**
 * The email an invited member receives. Plain text and HTML are written here until the messaging
 * module brings templates per event and locale. The link is the only way in: it is in both parts.
 */

export type InvitationEmailInput = {
  hotelName: string;
  inviterName: string;
  role: TenantRole;
  acceptUrl: string;
  expiresAt: Date;
  timezone: string;
};

/** "Friday, 17 July 2026 at 14:05", in the hotel's timezone (an invalid zone falls back to UTC). */
export function formatExpiry(date: Date, timeZone: string): string {
  const format = (tz: string) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: tz }).format(date);
  try {
    return format(timeZone);
  } catch {
    return format("UTC");
  }
}

export function renderInvitationEmail(input: InvitationEmailInput): {
  subject: string;
  text: string;
  html: string;
} {
  const role = roleLabels[input.role].toLowerCase();
  const expires = formatExpiry(input.expiresAt, input.timezone);
  const subject = `${input.inviterName} invited you to join ${input.hotelName} on Hearth`;
  const text = [
    "Hello,",
    "",
    `${input.inviterName} invited you to join ${input.hotelName} on Hearth as ${role}.`,
    "Open this link to accept and choose your password:",
    input.acceptUrl,
    "",
    `The link works once and expires on ${expires}.`,
    "If you were not expecting this invitation, you can ignore this email.",
    "",
    "The Hearth team",
  ].join("\n");
  const url = escapeHtml(input.acceptUrl);
  const html = [
    "<p>Hello,</p>",
    `<p>${escapeHtml(input.inviterName)} invited you to join <strong>${escapeHtml(input.hotelName)}</strong> on Hearth as ${escapeHtml(role)}.</p>`,
    `<p><a href="${url}">Accept the invitation</a></p>`,
    `<p>Or paste this link into your browser: ${url}</p>`,
    `<p>The link works once and expires on ${escapeHtml(expires)}. If you were not expecting this invitation, you can ignore this email.</p>`,
    "<p>The Hearth team</p>",
  ].join("\n");
  return { subject, text, html };
}
