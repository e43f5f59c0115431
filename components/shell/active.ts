import type { MenuItem } from "./types";

/** "/platform/tenants/?x=1#y" → "/platform/tenants". */
export function normalizePath(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? "";
  const trimmed = bare.length > 1 ? bare.replace(/\/+$/, "") : bare;
  return trimmed === "" ? "/" : trimmed;
}

function matches(href: string, pathname: string): boolean {
  const target = normalizePath(href);
  // A root link ("/" in the portal) would prefix-match every page, so it is active only on itself.
  if (target === "/") return pathname === "/";
  return pathname === target || pathname.startsWith(`${target}/`);
}

/**
 * The key of the menu item the user is on: the item (or child) whose href is the longest match of
 * the browser's pathname, so "/platform/tenants/42" picks "Tenants" rather than "Overview" ("/platform").
 */
export function findActiveKey(menu: readonly MenuItem[], pathname: string): string | null {
  const path = normalizePath(pathname);
  const items = menu.flatMap((item) => [item, ...(item.children ?? [])]);
  let bestKey: string | null = null;
  let bestLength = -1;
  for (const item of items) {
    const length = normalizePath(item.href).length;
    if (length > bestLength && matches(item.href, path)) {
      bestKey = item.key;
      bestLength = length;
    }
  }
  return bestKey;
}
