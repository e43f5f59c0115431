import {
  Activity,
  BedDouble,
  Bell,
  Building2,
  CalendarDays,
  ChartColumn,
  Circle,
  Coins,
  ConciergeBell,
  CreditCard,
  DatabaseBackup,
  Flag,
  House,
  KeyRound,
  LayoutDashboard,
  LifeBuoy,
  type LucideIcon,
  Mail,
  Menu,
  MessageSquare,
  ScrollText,
  Settings,
  Shield,
  Store,
  Users,
} from "lucide-react";

/**
 * The icons a menu item may name (`platform_nav_items.icon`). A fixed map rather than a dynamic
 * lookup so the client bundle carries only these icons, and an admin typing a name cannot load others.
 */
export const navIcons = {
  "layout-dashboard": LayoutDashboard,
  "building-2": Building2,
  users: Users,
  menu: Menu,
  "scroll-text": ScrollText,
  settings: Settings,
  "bed-double": BedDouble,
  "calendar-days": CalendarDays,
  "concierge-bell": ConciergeBell,
  "message-square": MessageSquare,
  "credit-card": CreditCard,
  store: Store,
  "life-buoy": LifeBuoy,
  flag: Flag,
  activity: Activity,
  "database-backup": DatabaseBackup,
  "bar-chart-3": ChartColumn,
  "key-round": KeyRound,
  circle: Circle,
  home: House,
  shield: Shield,
  bell: Bell,
  mail: Mail,
  coins: Coins,
} as const satisfies Record<string, LucideIcon>;

export type NavIconName = keyof typeof navIcons;

export const navIconNames = Object.keys(navIcons) as NavIconName[];

export function isNavIconName(name: string): name is NavIconName {
  return Object.hasOwn(navIcons, name);
}

/** The icon for a menu item; unknown names fall back to a circle rather than failing the page. */
export function resolveNavIcon(name: string): LucideIcon {
  return isNavIconName(name) ? navIcons[name] : Circle;
}
