import { describe, expect, test } from "vitest";
import { findActiveKey, normalizePath } from "./active";
import type { MenuItem } from "./types";

const consoleMenu: MenuItem[] = [
  { key: "overview", label: "Overview", href: "/platform", icon: "layout-dashboard" },
  { key: "tenants", label: "Tenants", href: "/platform/tenants", icon: "building-2" },
  {
    key: "billing",
    label: "Billing",
    href: "/platform/billing",
    icon: "credit-card",
    children: [
      { key: "invoices", label: "Invoices", href: "/platform/billing/invoices", icon: "scroll-text" },
      { key: "plans", label: "Plans", href: "/platform/billing/plans", icon: "circle" },
    ],
  },
];

const portal: MenuItem[] = [
  { key: "dashboard", label: "Dashboard", href: "/", icon: "home" },
  { key: "rooms", label: "Rooms", href: "/rooms", icon: "bed-double" },
  { key: "team", label: "Team", href: "/team/", icon: "users" },
];

describe("findActiveKey", () => {
  test.each([
    ["/platform", "overview"],
    ["/platform/", "overview"],
    ["/platform/tenants", "tenants"],
    ["/platform/tenants/42/members", "tenants"],
    ["/platform/tenantsx", "overview"],
    ["/platform/billing", "billing"],
    ["/platform/billing/invoices/INV-7", "invoices"],
    ["/platform/billing/plans", "plans"],
    ["/login", null],
  ])("console %s → %s", (pathname, expected) => {
    expect(findActiveKey(consoleMenu, pathname)).toBe(expected);
  });

  test.each([
    ["/", "dashboard"],
    ["/rooms", "rooms"],
    ["/rooms/101", "rooms"],
    ["/team", "team"],
    ["/unknown", null],
  ])("portal %s → %s", (pathname, expected) => {
    expect(findActiveKey(portal, pathname)).toBe(expected);
  });

  test("an empty menu has no active item", () => {
    expect(findActiveKey([], "/anything")).toBeNull();
  });
});

test.each([
  ["/platform/tenants/", "/platform/tenants"],
  ["/platform?tab=1", "/platform"],
  ["/a#b", "/a"],
  ["/", "/"],
  ["", "/"],
])("normalizePath(%s) = %s", (input, expected) => {
  expect(normalizePath(input)).toBe(expected);
});
