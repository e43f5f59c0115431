// Realistic payloads for the editor's preview and test sends: one guest (Amara Okafor), one booking
// (GV-000123, room 204 Deluxe) with dates relative to today in the hotel's timezone and a total in
// the hotel's currency. Every payload parses against its event's schema (tested), so a template
// that previews well here renders the same fields a real event carries.
import { toMinor } from "@/lib/money";
import type { TemplateEvent } from "./schemas";

export type SampleTenant = {
  name: string;
  /** IANA timezone; dates are calendar dates there. */
  timezone: string;
  /** ISO 4217. */
  currency: string;
  locale: string;
  slug?: string;
};

/** The hotel the console previews platform defaults with. */
export const sampleConsoleTenant: SampleTenant = {
  name: "Grandview Hotel",
  slug: "grandview",
  timezone: "Africa/Lagos",
  currency: "NGN",
  locale: "en",
};

export type SampleOptions = {
  tenant: SampleTenant;
  /** The language the message is written in (the payload's `locale`). */
  locale: string;
  /** Today, for relative dates; injectable so tests do not depend on the clock. */
  now?: Date;
};

// Fixed, valid v4 ids: previews of the same draft look the same every time.
const ids = {
  tenant: "3f6c2a9e-8b1d-4e57-9a2c-5d7e1f0b4a21",
  booking: "9b2e4c71-5a3f-4d8e-b6c1-2f7a9e0d3c54",
  guest: "c41d7e2a-6b9f-4a13-8e5c-7d2b1f9a0e36",
  room: "e7a19c3b-2d54-4f6e-a8b7-1c9d0e2f3a47",
  serviceRequest: "5d8f2b6a-9c1e-4b7d-8a3f-6e0c2d4b1a98",
};

/** A plausible nightly rate in major units, so a total in naira does not read like one in dollars. */
const nightlyRate: Record<string, number> = {
  NGN: 85_000,
  GHS: 1_900,
  KES: 18_000,
  ZAR: 2_600,
  XOF: 95_000,
  EGP: 6_500,
  MAD: 1_600,
  JPY: 24_000,
  USD: 180,
  EUR: 165,
  GBP: 150,
};

const NIGHTS = 3;

function amountMinor(major: number, currency: string): number {
  try {
    return toMinor(String(major), currency);
  } catch {
    return major * 100;
  }
}

/** Today's calendar date in the hotel's timezone (UTC when the zone is unknown). */
function todayIn(timezone: string, now: Date): string {
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      now,
    );
  try {
    return format(timezone);
  } catch {
    return format("UTC");
  }
}

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

function slugOf(tenant: SampleTenant): string {
  const slug =
    tenant.slug ??
    tenant.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return slug || "hotel";
}

function guestPayload(event: TemplateEvent, { tenant, locale, now = new Date() }: SampleOptions) {
  const today = todayIn(tenant.timezone, now);
  const checkIn = event === "hotel/booking.confirmed" ? addDays(today, 14) : today;
  const checkedIn = event === "hotel/guest.checked_out" ? addDays(today, -NIGHTS) : checkIn;
  const payload: Record<string, unknown> = {
    tenant: {
      id: ids.tenant,
      slug: slugOf(tenant),
      name: tenant.name,
      timezone: tenant.timezone,
      locale: tenant.locale,
      currency: tenant.currency,
    },
    booking: {
      id: ids.booking,
      reference: "GV-000123",
      checkIn: checkedIn,
      checkOut: addDays(checkedIn, NIGHTS),
      nights: NIGHTS,
      adults: 2,
      totalMinor: amountMinor((nightlyRate[tenant.currency] ?? 150) * NIGHTS, tenant.currency),
      currency: tenant.currency,
    },
    guest: {
      id: ids.guest,
      name: "Amara Okafor",
      phone: "+2348031234567",
      email: "amara.okafor@example.com",
      preferredLanguage: locale,
    },
    room: { id: ids.room, number: "204", type: "Deluxe" },
    locale,
    occurredAt: now.toISOString(),
  };
  if (event === "hotel/service.requested") {
    payload.serviceRequest = {
      id: ids.serviceRequest,
      kind: "housekeeping",
      description: "Two extra towels and a bottle of water, please",
    };
  }
  return payload;
}

function platformPayload(event: TemplateEvent, { tenant, now = new Date() }: SampleOptions) {
  const slug = slugOf(tenant);
  const base = {
    tenant: { name: tenant.name, slug },
    recipient: { name: "Amara Okafor", email: "amara.okafor@example.com" },
  };
  const portalUrl = `https://${slug}.hearth.example/`;
  const today = todayIn(tenant.timezone, now);
  switch (event) {
    case "tenant.welcome":
      return { ...base, portalUrl, trialEndsAt: new Date(now.getTime() + 14 * 86_400_000).toISOString() };
    case "invoice.issued":
      return {
        ...base,
        invoice: {
          number: "HRT-2026-000042",
          totalMinor: amountMinor(49, "USD"),
          currency: "USD",
          dueDate: addDays(today, 14),
          url: `${portalUrl}billing`,
        },
      };
    case "invoice.overdue":
      return {
        ...base,
        invoice: {
          number: "HRT-2026-000042",
          totalMinor: amountMinor(49, "USD"),
          amountDueMinor: amountMinor(49, "USD"),
          currency: "USD",
          dueDate: addDays(today, -7),
          daysOverdue: 7,
          url: `${portalUrl}billing`,
        },
        suspendOn: addDays(today, 7),
      };
    case "payment.received":
      return {
        ...base,
        payment: {
          amountMinor: amountMinor(49, "USD"),
          currency: "USD",
          receivedAt: now.toISOString(),
          invoiceNumber: "HRT-2026-000042",
        },
      };
    case "ticket.updated":
      return {
        ...base,
        ticket: {
          number: "T-1042",
          subject: "SMS not arriving for some guests",
          status: "answered",
          url: `${portalUrl}support/T-1042`,
        },
        comment: "We found a blocked sender id on one network and switched providers; please try again.",
      };
    case "member.invite":
      return {
        ...base,
        recipient: { name: "Amara Okafor", email: "amara.okafor@example.com" },
        inviter: { name: "Grace Owens" },
        role: "manager",
        acceptUrl: `${portalUrl}invite/sample-token`,
        expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      };
    case "alert.triggered":
      return {
        ...base,
        alert: {
          title: "SMS credits are running low",
          severity: "warning",
          detail: "42 credits left; at the current pace they last about two days.",
          triggeredAt: now.toISOString(),
          url: `${portalUrl}plan`,
        },
      };
    default:
      throw new Error(`No sample payload for ${event}`);
  }
}

/** The sample payload of `event` for `tenant`, written in `locale`. */
export function samplePayload(event: TemplateEvent, options: SampleOptions): Record<string, unknown> {
  return event.startsWith("hotel/") ? guestPayload(event, options) : platformPayload(event, options);
}
