import { describe, expect, test } from "vitest";
import { z } from "zod";
import { domainEventSchemas } from "@/lib/events/schemas";
import { validateTemplate, variablesFromZodSchema } from "@/lib/messaging/templates/validate";

const allowed = [
  "guest.name",
  "guest.phone",
  "booking.reference",
  "booking.nights",
  "items.[].name",
  "items.[].qty",
  "tags.[]",
];

function check(source: string, channel: "sms" | "email" = "sms", allowedVariables = allowed) {
  return validateTemplate({ source, channel, allowedVariables });
}

describe("valid templates", () => {
  test.each([
    "Hi {{guest.name}}",
    "{{#if guest.phone}}{{guest.phone}}{{else}}-{{/if}}",
    "{{#each items}}{{name}} x{{qty}} ({{@index}}, {{this.name}}, {{../guest.name}}){{/each}}",
    "{{#each items as |item i|}}{{i}}: {{item.name}}{{/each}}",
    "{{#each tags}}{{this}}{{/each}}",
    "{{#with guest}}{{name}}{{/with}}",
    '{{#if (eq booking.nights 1)}}one{{/if}} {{pluralize booking.nights "night" "nights"}}',
    '{{default guest.phone "none"}} {{@root.guest.name}}',
    "{{!-- a comment with {{unknown}} --}}",
    "{{items.[0].name}}",
    "{{#if guest.phone}}a{{else if booking.nights}}b{{else}}c{{/if}}",
  ])("%s", (source) => {
    expect(check(source)).toEqual({ ok: true });
  });

  test("a hand-written allow-list may name list items without `[]`", () => {
    expect(check("{{#each items}}{{name}}{{/each}}", "sms", ["items.name"])).toEqual({ ok: true });
  });
});

describe("syntax errors carry a line and column", () => {
  test.each([
    ["Hi {{guest.name}\nx", 1, 16, /braces/],
    ["line one\n  {{#if guest.phone}}x", 2, 23, /not closed/],
    ["a\n{{#if guest.phone}}x{{/each}}", 2, 4, /doesn't match/],
    ["{{guest.name bar=}}", 1, 18, /Unexpected/],
  ])("%j → %i:%i", (source, line, column, message) => {
    const result = check(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line, column, message: expect.stringMatching(message) });
  });
});

describe("unknown variables and helpers are reported where they are", () => {
  test.each([
    ["Hi {{guest.nmae}}", [{ message: 'Unknown variable "guest.nmae"', line: 1, column: 6 }]],
    [
      "Hi\n  {{#if guest.email}}x{{/if}}",
      [{ message: 'Unknown variable "guest.email"', line: 2, column: 9 }],
    ],
    [
      "{{#each items}}\n{{name}} {{price}}\n{{/each}}",
      [{ message: 'Unknown variable "price"', line: 2, column: 12 }],
    ],
    // Outside the loop, `name` is not an item's name.
    ["{{name}}", [{ message: 'Unknown variable "name"', line: 1, column: 3 }]],
    ['{{money booking.total "USD"}}', [{ message: 'Unknown variable "booking.total"', line: 1, column: 9 }]],
    ["{{shout guest.name}}", [{ message: 'Unknown helper "shout"', line: 1, column: 3 }]],
    [
      "{{#each items as |item|}}{{item.price}}{{/each}}",
      [{ message: 'Unknown variable "item.price"', line: 1, column: 28 }],
    ],
    ["{{> footer}}", [{ message: "Partials are not available in message templates", line: 1, column: 1 }]],
    ["{{* deco}}", [{ message: "Decorators are not available in message templates", line: 1, column: 1 }]],
    [
      "{{#if guest.phone}}a{{else if guest.mail}}b{{/if}}",
      [{ message: 'Unknown variable "guest.mail"', line: 1, column: 31 }],
    ],
    [
      "{{guest.nmae}} and {{booking.ref}}",
      [
        { message: 'Unknown variable "guest.nmae"', line: 1, column: 3 },
        { message: 'Unknown variable "booking.ref"', line: 1, column: 22 },
      ],
    ],
  ])("%j", (source, errors) => {
    expect(check(source)).toEqual({ ok: false, errors });
  });

  test("email refuses triple braces (raw HTML); SMS has no HTML to worry about", () => {
    expect(check("{{{guest.name}}}", "email")).toEqual({
      ok: false,
      errors: [
        { message: "Triple braces output raw HTML; use {{ }} in email templates", line: 1, column: 1 },
      ],
    });
    expect(check("{{{guest.name}}}", "sms")).toEqual({ ok: true });
  });
});

describe("variablesFromZodSchema", () => {
  test("nested objects, optional/nullable fields and arrays as `[]`", () => {
    const schema = z.object({
      guest: z.object({ name: z.string(), phone: z.string().nullable() }),
      items: z.array(z.object({ name: z.string(), qty: z.number() })),
      tags: z.array(z.string()).optional(),
      note: z.string().default(""),
    });
    expect(variablesFromZodSchema(schema)).toEqual([
      "guest.name",
      "guest.phone",
      "items.[].name",
      "items.[].qty",
      "tags.[]",
      "note",
    ]);
  });

  test("hotel/booking.confirmed", () => {
    expect(variablesFromZodSchema(domainEventSchemas["hotel/booking.confirmed"])).toEqual([
      "tenant.id",
      "tenant.slug",
      "tenant.name",
      "tenant.timezone",
      "tenant.locale",
      "tenant.currency",
      "booking.id",
      "booking.reference",
      "booking.checkIn",
      "booking.checkOut",
      "booking.nights",
      "booking.adults",
      "booking.totalMinor",
      "booking.currency",
      "guest.id",
      "guest.name",
      "guest.phone",
      "guest.email",
      "guest.preferredLanguage",
      "room.id",
      "room.number",
      "room.type",
      "serviceRequest.id",
      "serviceRequest.kind",
      "serviceRequest.description",
      "locale",
      "occurredAt",
    ]);
  });
});
