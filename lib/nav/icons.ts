/**
 * The icons a menu item may use. The shell maps each name to a lucide-react component; keeping the
 * list here (not free text) means an import file or a typo can never ask for an icon that does not render.
 */
export const navIconNames = [
  "layout-dashboard",
  "building-2",
  "users",
  "menu",
  "scroll-text",
  "settings",
  "bed-double",
  "calendar-days",
  "concierge-bell",
  "message-square",
  "credit-card",
  "store",
  "life-buoy",
  "flag",
  "activity",
  "database-backup",
  "bar-chart-3",
  "key-round",
  "circle",
  "home",
  "shield",
  "bell",
  "mail",
  "coins",
] as const;

export type NavIconName = (typeof navIconNames)[number];

const known: ReadonlySet<string> = new Set(navIconNames);

/** Rows store the icon as text: anything outside the list (e.g. an icon later retired) renders as a circle. */
export function toNavIcon(name: string): NavIconName {
  return known.has(name) ? (name as NavIconName) : "circle";
}
