import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { domainEventSchemas } from "@/lib/events/schemas";
import { countSmsSegments } from "@/lib/messaging/sms/segments";
import { defaultTemplates } from "@/lib/messaging/templates/defaults";
import { platformEventSchemas } from "@/lib/messaging/templates/platform-events";
import { renderTemplate } from "@/lib/messaging/templates/render";
import { validateTemplate, variablesFromZodSchema } from "@/lib/messaging/templates/validate";

const schemas: Record<string, z.ZodObject> = { ...domainEventSchemas, ...platformEventSchemas };

// Typical (slightly long) data: a real hotel name, a two-word guest name, a 4-digit total.
const guestEvent = {
  tenant: {
    id: "11111111-1111-4111-8111-111111111111",
    slug: "grandview",
    name: "Grandview Hotel Lagos",
    timezone: "Africa/Lagos",
    locale: "en",
    currency: "NGN",
  },
  booking: {
    id: "22222222-2222-4222-8222-222222222222",
    reference: "GV-000123",
    checkIn: "2026-12-24",
    checkOut: "2026-12-28",
    nights: 4,
    adults: 2,
    totalMinor: 48_000_000,
    currency: "NGN",
  },
  guest: {
    id: "33333333-3333-4333-8333-333333333333",
    name: "Adaeze Okonkwo",
    phone: "+2348012345678",
    email: "ada@example.com",
    preferredLanguage: "en",
  },
  room: { id: "44444444-4444-4444-8444-444444444444", number: "304", type: "Deluxe Double" },
  serviceRequest: {
    id: "55555555-5555-4555-8555-555555555555",
    kind: "housekeeping",
    description: "Two extra towels please",
  },
  locale: "en",
  occurredAt: "2026-12-01T09:30:00Z",
};

const platformEvent = {
  tenant: { name: "Grandview Hotel Lagos", slug: "grandview" },
  recipient: { name: "Chidi Eze", email: "chidi@example.com" },
  alert: {
    title: "SMS credits below 50",
    severity: "warning",
    detail: "Top up to keep guest messages flowing.",
    triggeredAt: "2026-12-01T09:30:00Z",
    url: "https://hearth.example/platform/alerts/42",
  },
  // A six-figure naira amount and a long slug: near the longest an overdue SMS gets.
  invoice: {
    number: "HRT-2026-000123",
    totalMinor: 48_000_000,
    amountDueMinor: 48_000_000,
    currency: "NGN",
    dueDate: "2026-11-15",
    daysOverdue: 14,
    url: "https://grandview-lagos.hearth.example/billing",
  },
  suspendOn: "2026-11-29",
};

function schemaFor(event: string): z.ZodObject {
  const schema = schemas[event];
  if (!schema) throw new Error(`No schema for ${event}`);
  return schema;
}

const cases = defaultTemplates.map((t) => [`${t.event} ${t.channel} ${t.locale}`, t] as const);

describe("default templates", () => {
  test.each(cases)("%s passes validation against its event's variables", (_name, template) => {
    const allowedVariables = variablesFromZodSchema(schemaFor(template.event));
    expect(validateTemplate({ source: template.body, channel: template.channel, allowedVariables })).toEqual({
      ok: true,
    });
    if (template.channel === "email") {
      expect(template.subject).toBeTruthy();
      // Subjects are plain text, checked like SMS (no HTML escaping).
      expect(validateTemplate({ source: template.subject ?? "", channel: "sms", allowedVariables })).toEqual({
        ok: true,
      });
    }
  });

  test("every guest event has SMS and email in English and French", () => {
    for (const event of Object.keys(domainEventSchemas)) {
      for (const channel of ["sms", "email"]) {
        for (const locale of ["en", "fr"]) {
          expect(
            defaultTemplates.filter((t) => t.event === event && t.channel === channel && t.locale === locale),
          ).toHaveLength(1);
        }
      }
    }
    for (const event of Object.keys(platformEventSchemas)) {
      for (const locale of ["en", "fr"]) {
        expect(
          defaultTemplates.filter((t) => t.event === event && t.channel === "email" && t.locale === locale),
        ).toHaveLength(1);
      }
    }
  });

  const smsCases = cases.filter(([, t]) => t.channel === "sms");
  test.each(smsCases)("%s fits in two segments with typical data", (_name, template) => {
    const data = template.event.startsWith("hotel/") ? guestEvent : platformEvent;
    const context = {
      timezone: "Africa/Lagos",
      currency: "NGN",
      locale: template.locale === "fr" ? "fr" : "en-GB",
    };
    schemaFor(template.event).parse(data);
    const text = renderTemplate({ source: template.body, data, channel: "sms", context });
    expect(text).not.toMatch(/\{\{|\}\}/);
    const count = countSmsSegments(text);
    // Conservative: at most 306 GSM-7 septets or 134 UCS-2 units.
    expect(count.characters).toBeLessThanOrEqual(count.encoding === "GSM-7" ? 306 : 134);
    expect(count.segments).toBeLessThanOrEqual(2);
  });
});
