/** One entry of a portal's or the console's sidebar, as produced by the unified navigation. */
export type MenuItem = {
  key: string;
  label: string;
  href: string;
  /** A name from components/shell/icons.ts (e.g. "building-2"); unknown names show a circle. */
  icon: string;
  /** One level of nesting; deeper levels are not rendered. */
  children?: MenuItem[];
};

export type ShellUser = { name: string; email: string; roleLabel: string };

export type ShellBrand = { title: string; subtitle?: string; href: string };

export type ShellAccent = "indigo" | "emerald";
