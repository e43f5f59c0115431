import type { NavItemInput } from "./schemas";

/**
 * The menus a fresh installation starts with. Hrefs are the pages that exist: the console lives
 * under /platform on the root domain; portal paths are relative to the hotel's own subdomain.
 * Roles mirror the pages' own guards (lib/auth/permissions.ts), so nobody is shown a link that
 * would answer 403; empty roles = everyone in that scope.
 */
export const defaultNavItems: NavItemInput[] = [
  {
    scope: "console",
    key: "overview",
    label: "Overview",
    href: "/platform",
    icon: "layout-dashboard",
    sortOrder: 10,
  },
  {
    scope: "console",
    key: "tenants",
    label: "Tenants",
    href: "/platform/tenants",
    icon: "building-2",
    sortOrder: 20,
    roles: ["super_admin", "billing_admin", "support_agent"],
  },
  {
    scope: "console",
    key: "navigation",
    label: "Navigation",
    href: "/platform/navigation",
    icon: "menu",
    sortOrder: 30,
    roles: ["super_admin"],
  },
  {
    scope: "console",
    key: "audit",
    label: "Audit log",
    href: "/platform/audit",
    icon: "scroll-text",
    sortOrder: 40,
  },
  {
    scope: "console",
    key: "jobs",
    label: "Jobs",
    href: "/platform/jobs",
    icon: "activity",
    sortOrder: 50,
    roles: ["super_admin", "support_agent"],
  },
  {
    scope: "console",
    key: "plans",
    label: "Plans",
    href: "/platform/plans",
    icon: "credit-card",
    sortOrder: 22,
    roles: ["super_admin", "billing_admin"],
  },
  {
    scope: "console",
    key: "flags",
    label: "Feature flags",
    href: "/platform/flags",
    icon: "flag",
    sortOrder: 24,
    roles: ["super_admin"],
  },
  {
    scope: "console",
    key: "api-keys",
    label: "API keys",
    href: "/platform/api-keys",
    icon: "key-round",
    sortOrder: 60,
    roles: ["super_admin"],
  },

  {
    scope: "portal",
    key: "dashboard",
    label: "Dashboard",
    href: "/",
    icon: "layout-dashboard",
    sortOrder: 10,
  },
  {
    scope: "portal",
    key: "team",
    label: "Team",
    href: "/team",
    icon: "users",
    sortOrder: 20,
    roles: ["owner", "manager"],
  },
  {
    scope: "portal",
    key: "plan",
    label: "Plan & usage",
    href: "/plan",
    icon: "credit-card",
    sortOrder: 80,
    roles: ["owner", "manager"],
  },
  // Top-level rather than under a "Settings" parent: there is no /settings page for a parent to open yet.
  {
    scope: "portal",
    key: "menu-settings",
    label: "Menu settings",
    href: "/settings/menu",
    icon: "menu",
    sortOrder: 90,
    roles: ["owner"],
  },
];
