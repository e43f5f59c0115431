import { beforeEach, describe, expect, test, vi } from "vitest";
import {
  clearTemplateCache,
  type RenderContext,
  renderTemplate,
  templateCacheSize,
  templateEnvironment,
} from "@/lib/messaging/templates/render";

const lagos: RenderContext = { timezone: "Africa/Lagos", currency: "NGN", locale: "en-GB" };

function render(
  source: string,
  data: Record<string, unknown> = {},
  context = lagos,
  channel: "sms" | "email" = "sms",
) {
  return renderTemplate({ source, data, channel, context });
}

describe("escaping per channel", () => {
  test.each([
    ["email", "Hi &lt;b&gt;Ada&lt;/b&gt; &amp; co"],
    ["sms", "Hi <b>Ada</b> & co"],
  ] as const)("%s", (channel, expected) => {
    expect(render("Hi {{guest.name}}", { guest: { name: "<b>Ada</b> & co" } }, lagos, channel)).toBe(
      expected,
    );
  });

  test("helper output is escaped in email too", () => {
    expect(render("{{upper name}}", { name: "<i>x</i>" }, lagos, "email")).toBe("&lt;I&gt;X&lt;/I&gt;");
  });
});

describe("formatDate / formatDateTime", () => {
  test.each([
    // 23:30 UTC is already the next day in Lagos (UTC+1).
    ["{{formatDate at}}", { at: "2026-03-14T23:30:00Z" }, lagos, "15 Mar 2026"],
    ["{{formatDate at}}", { at: "2026-03-14T23:30:00Z" }, { ...lagos, timezone: "UTC" }, "14 Mar 2026"],
    ["{{formatDateTime at}}", { at: "2026-03-14T23:30:00Z" }, lagos, "15 Mar 2026, 00:30"],
    // A bare calendar date never shifts, whatever the timezone.
    ["{{formatDate d}}", { d: "2026-03-14" }, { ...lagos, timezone: "Pacific/Kiritimati" }, "14 Mar 2026"],
    ["{{formatDate d}}", { d: "2026-03-14" }, { ...lagos, timezone: "Pacific/Pago_Pago" }, "14 Mar 2026"],
    ["{{formatDateTime d}}", { d: "2026-03-14" }, lagos, "14 Mar 2026"],
    ['{{formatDate d "short"}}', { d: "2026-03-14" }, lagos, "14/03/2026"],
    ['{{formatDate d "long"}}', { d: "2026-03-14" }, lagos, "14 March 2026"],
    ['{{formatDate d "full"}}', { d: "2026-03-14" }, lagos, "Saturday, 14 March 2026"],
    ['{{formatDate d "full"}}', { d: "2026-03-14" }, { ...lagos, locale: "fr" }, "samedi 14 mars 2026"],
    ["{{formatDate d}}", { d: null }, lagos, ""],
    ["{{formatDate d}}", { d: "not a date" }, lagos, ""],
  ])("%s with %j in %j → %s", (source, data, context, expected) => {
    expect(render(source, data, context)).toBe(expected);
  });
});

describe("money", () => {
  test.each([
    [0, "JPY", "en-US", "¥0"],
    [1234, "JPY", "en-US", "¥1,234"],
    [4990, "USD", "en-GB", "US$49.90"],
    [5, "USD", "en-US", "$0.05"],
    [1500, "KWD", "en-GB", "KWD 1.500"],
    [-4990, "USD", "en-US", "-$49.90"],
    [9_007_199_254_740_991, "USD", "en-US", "$90,071,992,547,409.91"],
    [123456, "EUR", "fr", "1 234,56 €"],
  ])("%i %s in %s → %s", (amount, currency, locale, expected) => {
    // SMS output: Intl's narrow/no-break spaces become plain ones (see the GSM-7 test below).
    expect(render("{{money amount currency}}", { amount, currency }, { ...lagos, locale })).toBe(expected);
  });

  test("defaults to the tenant's currency", () => {
    expect(render("{{money 250000}}", {}, lagos)).toBe("NGN 2,500.00");
  });

  test("SMS gets plain spaces (GSM-7); email keeps Intl's no-break spaces", () => {
    const fr = { ...lagos, locale: "fr" };
    expect(render("{{money 48000000}}", {}, fr, "sms")).toBe("480 000,00 NGN");
    expect(render("{{money 48000000}}", {}, fr, "email")).toBe("480\u202f000,00\u00a0NGN");
  });

  test("refuses a float instead of rounding it", () => {
    expect(() => render("{{money 49.9}}")).toThrow(/integer/);
  });
});

describe("text helpers", () => {
  test.each([
    ["{{upper x}}", { x: "ada" }, "ADA"],
    ["{{lower x}}", { x: "ADA" }, "ada"],
    ['{{default x "friend"}}', { x: "" }, "friend"],
    ['{{default x "friend"}}', { x: null }, "friend"],
    ['{{default x "friend"}}', { x: "Ada" }, "Ada"],
    ['{{#if (eq status "vip")}}VIP{{else}}guest{{/if}}', { status: "vip" }, "VIP"],
    ['{{#if (eq status "vip")}}VIP{{else}}guest{{/if}}', { status: "std" }, "guest"],
    ['{{#if (ne status "vip")}}guest{{/if}}', { status: "std" }, "guest"],
    ['{{n}} {{pluralize n "night" "nights"}}', { n: 1 }, "1 night"],
    ['{{n}} {{pluralize n "night" "nights"}}', { n: 0 }, "0 nights"],
    ['{{n}} {{pluralize n "night" "nights"}}', { n: 3 }, "3 nights"],
  ])("%s with %j → %s", (source, data, expected) => {
    expect(render(source, data)).toBe(expected);
  });

  test("pluralize follows the locale's rule (French 0 is singular)", () => {
    expect(render('{{pluralize 0 "nuit" "nuits"}}', {}, { ...lagos, locale: "fr" })).toBe("nuit");
  });
});

describe("loops and conditionals", () => {
  test.each([
    [
      "{{#each items}}{{name}} x{{qty}}{{#unless @last}}, {{/unless}}{{/each}}",
      {
        items: [
          { name: "Tea", qty: 2 },
          { name: "Cake", qty: 1 },
        ],
      },
      "Tea x2, Cake x1",
    ],
    ["{{#each items}}{{@index}}:{{this}} {{/each}}", { items: ["a", "b"] }, "0:a 1:b "],
    [
      "{{#each items as |item|}}{{item.name}}@{{../tenant}} {{/each}}",
      { items: [{ name: "Tea" }], tenant: "GV" },
      "Tea@GV ",
    ],
    ["{{#each items}}x{{else}}none{{/each}}", { items: [] }, "none"],
    [
      "{{#if guest.phone}}call {{guest.phone}}{{else}}no phone{{/if}}",
      { guest: { phone: null } },
      "no phone",
    ],
    ["{{#with booking}}{{reference}}{{/with}}", { booking: { reference: "GV-1" } }, "GV-1"],
  ])("%s", (source, data, expected) => {
    expect(render(source, data)).toBe(expected);
  });
});

describe("compiled-template cache", () => {
  beforeEach(() => clearTemplateCache());

  test("the same source on the same channel compiles once", () => {
    const compile = vi.spyOn(templateEnvironment, "compile");
    try {
      const source = "Hi {{name}} (cache test)";
      expect(render(source, { name: "A" })).toBe("Hi A (cache test)");
      expect(render(source, { name: "B" })).toBe("Hi B (cache test)");
      expect(compile).toHaveBeenCalledTimes(1);
      // Another channel needs other escaping, so it is another entry.
      render(source, { name: "C" }, lagos, "email");
      expect(compile).toHaveBeenCalledTimes(2);
      expect(compile).toHaveBeenLastCalledWith(source, { noEscape: false });
    } finally {
      compile.mockRestore();
    }
  });

  test("is bounded to 500 entries", () => {
    for (let i = 0; i < 520; i++) render(`n${i} {{x}}`, { x: i });
    expect(templateCacheSize()).toBe(500);
  });
});
