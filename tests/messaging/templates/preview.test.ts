import { describe, expect, test } from "vitest";
import { defaultTemplates } from "@/lib/messaging/templates/defaults";
import { describeSegments, helperExamples, previewTemplate } from "@/lib/messaging/templates/preview";
import { type SampleTenant, samplePayload } from "@/lib/messaging/templates/sample-data";
import { eventSchemaFor, templateEventNames, templateVariables } from "@/lib/messaging/templates/schemas";
import { validateTemplate } from "@/lib/messaging/templates/validate";

const lagos: SampleTenant = {
  name: "Grandview Hotel",
  timezone: "Africa/Lagos",
  currency: "NGN",
  locale: "en",
};
// A fixed "today" (late evening UTC, already the next day in Tokyo) keeps the dates deterministic.
const now = new Date("2026-03-14T22:30:00Z");

describe("sample data", () => {
  test.each(templateEventNames.flatMap((event) => [[event, "en"] as const, [event, "fr"] as const]))(
    "%s (%s) parses against the event's schema",
    (event, locale) => {
      const result = eventSchemaFor(event).safeParse(samplePayload(event, { tenant: lagos, locale, now }));
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  test("a booking in the hotel's currency, dates relative to today in its timezone", () => {
    const payload = samplePayload("hotel/booking.confirmed", {
      tenant: { name: "Sakura", timezone: "Asia/Tokyo", currency: "JPY", locale: "ja" },
      locale: "en",
      now,
    });
    expect(payload).toMatchObject({
      guest: { name: "Amara Okafor" },
      booking: { reference: "GV-000123", currency: "JPY", totalMinor: 72_000, nights: 3 },
      room: { number: "204", type: "Deluxe" },
      tenant: { name: "Sakura", slug: "sakura", currency: "JPY" },
    });
    // 22:30 UTC on the 14th is the 15th in Tokyo; the booking is two weeks out.
    expect(payload.booking).toMatchObject({ checkIn: "2026-03-29", checkOut: "2026-04-01" });
    const usd = samplePayload("hotel/guest.checked_out", {
      tenant: { ...lagos, currency: "USD", timezone: "UTC" },
      locale: "en",
      now,
    });
    expect(usd.booking).toMatchObject({ totalMinor: 54_000, checkIn: "2026-03-11", checkOut: "2026-03-14" });
  });

  test("every default template previews with the sample data", () => {
    for (const t of defaultTemplates) {
      const result = previewTemplate({ ...t, tenant: lagos, now });
      expect(result, `${t.event} ${t.channel} ${t.locale}`).toMatchObject({ ok: true });
    }
  });
});

describe("previewTemplate", () => {
  test("renders an SMS with the sample booking and counts its segments", () => {
    const result = previewTemplate({
      event: "hotel/booking.confirmed",
      channel: "sms",
      locale: "en",
      body: 'Hi {{guest.name}}, {{booking.reference}}: {{booking.nights}} {{pluralize booking.nights "night" "nights"}}, {{money booking.totalMinor booking.currency}}',
      tenant: lagos,
      now,
    });
    expect(result).toEqual({
      ok: true,
      subject: null,
      text: "Hi Amara Okafor, GV-000123: 3 nights, NGN 255,000.00",
      html: null,
      segments: { count: 1, encoding: "GSM-7", characters: 52, perSegment: 160 },
    });
  });

  test("escapes HTML in email bodies only; the subject is plain text", () => {
    const tenant = { ...lagos, name: "Bed & <b>Breakfast</b>" };
    const email = previewTemplate({
      event: "hotel/guest.checked_in",
      channel: "email",
      locale: "en",
      subject: "Welcome to {{tenant.name}}",
      body: "<p>Welcome to {{tenant.name}}, room {{room.number}}</p>",
      tenant,
      now,
    });
    expect(email).toMatchObject({
      ok: true,
      subject: "Welcome to Bed & <b>Breakfast</b>",
      html: "<p>Welcome to Bed &amp; &lt;b&gt;Breakfast&lt;/b&gt;, room 204</p>",
      text: "Welcome to Bed & <b>Breakfast</b>, room 204",
      segments: null,
    });
    const sms = previewTemplate({
      event: "hotel/guest.checked_in",
      channel: "sms",
      locale: "en",
      body: "Welcome to {{tenant.name}}",
      tenant,
      now,
    });
    expect(sms).toMatchObject({ ok: true, text: "Welcome to Bed & <b>Breakfast</b>" });
  });

  test("a long GSM-7 body is split in 153-septet segments", () => {
    const body = `{{guest.name}}: ${"a".repeat(170)}`; // "Amara Okafor: " is 14 → 184 septets
    const result = previewTemplate({
      event: "hotel/guest.checked_out",
      channel: "sms",
      locale: "en",
      body,
      tenant: lagos,
      now,
    });
    if (!result.ok) throw new Error("expected a preview");
    expect(result.segments).toEqual({ count: 2, encoding: "GSM-7", characters: 184, perSegment: 153 });
    expect(result.segments && describeSegments(result.segments)).toBe("2 segments · GSM-7 · 184 chars");
  });

  test("one character outside GSM-7 turns the SMS into UCS-2 at 67 a segment", () => {
    const body = `Bientôt {{guest.name}} ${"x".repeat(60)}`; // ô is not GSM-7: 8 + 12 + 1 + 60 = 81 units
    const result = previewTemplate({
      event: "hotel/guest.checked_in",
      channel: "sms",
      locale: "fr",
      body,
      tenant: lagos,
      now,
    });
    if (!result.ok) throw new Error("expected a preview");
    expect(result.segments).toEqual({ count: 2, encoding: "UCS-2", characters: 81, perSegment: 67 });
    expect(describeSegments({ count: 1, encoding: "GSM-7", characters: 12, perSegment: 160 })).toBe(
      "1 segment · GSM-7 · 12 chars",
    );
  });

  test("reports syntax errors and unknown variables with line and column, per field", () => {
    const result = previewTemplate({
      event: "hotel/booking.confirmed",
      channel: "email",
      locale: "en",
      subject: "Hi {{guest.nmae}}",
      body: "<p>Hello</p>\n<p>{{#if guest.email}}mail{{/fi}}</p>",
      tenant: lagos,
      now,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: "subject", message: 'Unknown variable "guest.nmae"', line: 1, column: 6 },
      { field: "body", message: expect.stringContaining("if doesn't match fi"), line: 2, column: 7 },
    ]);
  });

  test("an email needs a subject; a template needs a body", () => {
    const result = previewTemplate({
      event: "hotel/booking.confirmed",
      channel: "email",
      locale: "en",
      subject: "  ",
      body: "",
      tenant: lagos,
      now,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: "subject", message: "An email needs a subject", line: 1, column: 1 },
        { field: "body", message: "Write the message", line: 1, column: 1 },
      ],
    });
  });

  test("a helper that fails on the sample data is an error, not a crash", () => {
    const result = previewTemplate({
      event: "hotel/booking.confirmed",
      channel: "sms",
      locale: "en",
      body: "{{money guest.name}}",
      tenant: lagos,
      now,
    });
    expect(result).toMatchObject({ ok: false, errors: [{ field: "body", line: 1, column: 1 }] });
  });

  test("an unknown event is refused", () => {
    expect(() =>
      previewTemplate({ event: "hotel/nope", channel: "sms", locale: "en", body: "x", tenant: lagos, now }),
    ).toThrow(/no event/);
  });
});

describe("helper examples", () => {
  test.each(templateEventNames)("every snippet for %s is a valid template", (event) => {
    const variables = templateVariables(event);
    for (const example of helperExamples(variables)) {
      const source = example.snippet.replaceAll("…", "x");
      expect(
        validateTemplate({ source, channel: "sms", allowedVariables: variables }),
        example.snippet,
      ).toEqual({
        ok: true,
      });
    }
  });
});
