import { describe, expect, test } from "vitest";
import {
  navImportFileSchema,
  navItemInputSchema,
  navItemUpdateSchema,
  navOverrideInputSchema,
  navOverrideOpSchema,
} from "@/lib/nav/schemas";

const base = { scope: "portal", key: "rooms", label: "Rooms", href: "/rooms" } as const;

function firstIssue(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  const issue = result.error?.issues[0];
  return issue ? { path: issue.path.join("."), message: issue.message } : null;
}

describe("navItemInputSchema", () => {
  test("fills defaults", () => {
    expect(navItemInputSchema.parse(base)).toEqual({
      ...base,
      icon: "circle",
      parentKey: null,
      sortOrder: 0,
      roles: [],
      featureFlag: null,
      planFeature: null,
      isActive: true,
    });
  });

  test.each<[string, Record<string, unknown>, string]>([
    ["key with capitals", { key: "Rooms" }, "key"],
    ["key starting with a dash", { key: "-rooms" }, "key"],
    ["key with a space", { key: "my rooms" }, "key"],
    ["empty label", { label: "  " }, "label"],
    ["label over 60", { label: "x".repeat(61) }, "label"],
    ["relative href", { href: "rooms" }, "href"],
    ["absolute URL", { href: "https://evil.test/" }, "href"],
    ["protocol-relative href", { href: "//evil.test" }, "href"],
    ["backslash href", { href: "/\\evil.test" }, "href"],
    ["href with a space", { href: "/my rooms" }, "href"],
    ["unknown icon", { icon: "rocket" }, "icon"],
    ["a console role in a portal item", { roles: ["super_admin"] }, "roles.0"],
    ["its own parent", { parentKey: "rooms" }, "parentKey"],
    ["fractional sort order", { sortOrder: 1.5 }, "sortOrder"],
    ["bad feature flag key", { featureFlag: "New Inbox" }, "featureFlag"],
    ["unknown scope", { scope: "admin" }, "scope"],
  ])("refuses %s, naming the field", (_name, patch, field) => {
    expect(firstIssue(navItemInputSchema.safeParse({ ...base, ...patch }))?.path).toBe(field);
  });

  test.each<[string, Record<string, unknown>]>([
    ["a nested path", { href: "/settings/menu" }],
    ["a query string", { href: "/bookings?view=today" }],
    ["the root", { href: "/" }],
    ["dots and underscores in keys", { key: "billing.invoices_v2" }],
    ["tenant roles", { roles: ["owner", "manager"] }],
  ])("accepts %s", (_name, patch) => {
    expect(navItemInputSchema.safeParse({ ...base, ...patch }).success).toBe(true);
  });

  test("console items take platform roles", () => {
    expect(
      navItemInputSchema.safeParse({ ...base, scope: "console", roles: ["support_agent"] }).success,
    ).toBe(true);
    expect(
      firstIssue(navItemInputSchema.safeParse({ ...base, scope: "console", roles: ["owner"] }))?.message,
    ).toMatch(/not a console role/);
  });

  test("updates leave out what they do not change", () => {
    expect(navItemUpdateSchema.parse({ scope: "portal", key: "rooms", label: "Rooms & rates" })).toEqual({
      scope: "portal",
      key: "rooms",
      label: "Rooms & rates",
    });
  });
});

describe("override schemas", () => {
  test("an empty label clears the rename", () => {
    expect(navOverrideInputSchema.parse({ itemKey: "team", label: "" }).label).toBeNull();
    expect(navOverrideInputSchema.parse({ itemKey: "team", label: " Crew " }).label).toBe("Crew");
  });

  test.each<[string, unknown, string]>([
    ["no op", { itemKey: "team" }, "op"],
    ["unknown op", { op: "delete", itemKey: "team" }, "op"],
    ["upsert without itemKey", { op: "upsert", hidden: true }, "itemKey"],
    ["label too long", { op: "upsert", itemKey: "team", label: "x".repeat(61) }, "label"],
    ["hidden not a boolean", { op: "upsert", itemKey: "team", hidden: "yes" }, "hidden"],
    [
      "replace with a bad entry",
      { op: "replace", overrides: [{ itemKey: "team", sortOrder: "x" }] },
      "overrides.0.sortOrder",
    ],
    [
      "replace with a key twice",
      { op: "replace", overrides: [{ itemKey: "team" }, { itemKey: "team", hidden: true }] },
      "overrides.1.itemKey",
    ],
  ])("the API body refuses %s, naming the field", (_name, body, field) => {
    expect(firstIssue(navOverrideOpSchema.safeParse(body))?.path).toBe(field);
  });

  test.each<[string, unknown]>([
    ["upsert", { op: "upsert", itemKey: "team", hidden: true, label: null, sortOrder: 3 }],
    ["remove", { op: "remove", itemKey: "team" }],
    [
      "replace",
      {
        op: "replace",
        overrides: [
          { itemKey: "team", hidden: true },
          { itemKey: "dashboard", label: "Home" },
        ],
      },
    ],
    ["replace with nothing", { op: "replace", overrides: [] }],
  ])("the API body accepts %s", (_name, body) => {
    expect(navOverrideOpSchema.safeParse(body).success).toBe(true);
  });
});

describe("navImportFileSchema", () => {
  test.each<[string, unknown, string]>([
    ["no version", { items: [] }, "version"],
    ["version 2", { version: 2, items: [] }, "version"],
    ["items missing", { version: 1 }, "items"],
    ["a bad item", { version: 1, items: [{ ...base, href: "rooms" }] }, "items.0.href"],
    ["a duplicate key", { version: 1, items: [base, { ...base, label: "Again" }] }, "items.1.key"],
    ["a missing parent", { version: 1, items: [{ ...base, parentKey: "settings" }] }, "items.0.parentKey"],
    [
      "a cycle",
      {
        version: 1,
        items: [
          { ...base, key: "a", parentKey: "b" },
          { ...base, key: "b", parentKey: "a" },
        ],
      },
      "items.0.parentKey",
    ],
  ])("refuses %s", (_name, file, path) => {
    expect(firstIssue(navImportFileSchema.safeParse(file))?.path).toBe(path);
  });

  test("accepts a file with children", () => {
    const file = {
      version: 1,
      items: [
        { ...base, key: "settings", href: "/settings" },
        { ...base, key: "menu", href: "/settings/menu", parentKey: "settings" },
        { ...base, scope: "console", key: "settings", href: "/platform/settings" },
      ],
    };
    expect(navImportFileSchema.safeParse(file).success).toBe(true);
  });
});
