import { expect, test } from "vitest";
import { resolveTemplate } from "@/lib/messaging/templates/resolve";

const tenantId = "11111111-1111-4111-8111-111111111111";
const otherTenant = "22222222-2222-4222-8222-222222222222";

type Row = { id: string; tenantId: string | null; locale: string; active: boolean };
const row = (id: string, owner: string | null, locale: string, active = true): Row => ({
  id,
  tenantId: owner,
  locale,
  active,
});

const all = [
  row("tenant-fr", tenantId, "fr"),
  row("tenant-en", tenantId, "en"),
  row("tenant-sw-off", tenantId, "sw", false),
  row("other-de", otherTenant, "de"),
  row("platform-fr", null, "fr"),
  row("platform-de", null, "de"),
  row("platform-en", null, "en"),
];

test.each([
  // [candidates, guest locale, tenant default, platform default, expected id, rule]
  [all, "fr", "en", "en", "tenant-fr", "tenant-locale"],
  [all, "FR", "en", "en", "tenant-fr", "tenant-locale"],
  [all, "de", "en", "en", "tenant-en", "tenant-default-locale"],
  // The tenant's inactive template is skipped, not chosen.
  [all, "sw", "sw", "en", "platform-en", "platform-default-locale"],
  [all.filter((r) => r.tenantId !== tenantId), "de", "en", "en", "platform-de", "platform-locale"],
  // Another tenant's template is never chosen.
  [
    all.filter((r) => r.tenantId !== tenantId && r.id !== "platform-de"),
    "de",
    "fr",
    "en",
    "platform-en",
    "platform-default-locale",
  ],
  [all.filter((r) => r.tenantId !== tenantId), "pt", "pt", "fr", "platform-fr", "platform-default-locale"],
] as const)(
  "guest %s, tenant default %s, platform default %s → %s (%s)",
  (candidates, locale, tenantDefault, platformDefault, id, rule) => {
    const resolved = resolveTemplate(candidates, {
      tenantId,
      locale,
      tenantDefaultLocale: tenantDefault,
      platformDefaultLocale: platformDefault,
    });
    expect(resolved?.template.id).toBe(id);
    expect(resolved?.rule).toBe(rule);
  },
);

test("platform default locale is English unless told otherwise", () => {
  const resolved = resolveTemplate([row("platform-en", null, "en")], {
    tenantId,
    locale: "fr",
    tenantDefaultLocale: "fr",
  });
  expect(resolved).toEqual({ template: row("platform-en", null, "en"), rule: "platform-default-locale" });
});

test("null when nothing active matches", () => {
  expect(
    resolveTemplate([row("off", null, "en", false), row("x", otherTenant, "en")], {
      tenantId,
      locale: "en",
      tenantDefaultLocale: "en",
    }),
  ).toBeNull();
});
