import type { NavIconName } from "./icons";

export type NavScope = "console" | "portal";

/**
 * One entry of an effective menu, as the shell renders it. Structurally the same as
 * `components/shell/types.ts` MenuItem, so a menu from here can be passed straight to the shell.
 */
export type MenuItem = {
  key: string;
  label: string;
  href: string;
  icon: NavIconName;
  children?: MenuItem[];
};

/** The columns of `platform_nav_items` that decide the menu. */
export type NavItemDefinition = {
  key: string;
  label: string;
  href: string;
  icon: string;
  parentKey: string | null;
  sortOrder: number;
  roles: readonly string[];
  featureFlag: string | null;
  planFeature: string | null;
  isActive: boolean;
};

/** The columns of `tenant_nav_overrides` that change the menu. */
export type NavOverride = {
  itemKey: string;
  hidden: boolean;
  label: string | null;
  sortOrder: number | null;
};

/** Who is looking, and what their tenant has switched on. */
export type MenuConditions = {
  role: string;
  flags: ReadonlySet<string>;
  planFeatures: ReadonlySet<string>;
};
