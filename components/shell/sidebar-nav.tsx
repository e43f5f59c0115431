"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { findActiveKey } from "./active";
import { resolveNavIcon } from "./icons";
import type { MenuItem } from "./types";

/**
 * The sidebar's links, rendered only from `menu` (the unified navigation). The active item comes from
 * the browser pathname — in the tenant portal that is the public path, not the rewritten /t/{slug} route.
 */
export function SidebarNav({ menu, onNavigate }: { menu: readonly MenuItem[]; onNavigate?: () => void }) {
  const pathname = usePathname() ?? "/";
  const activeKey = findActiveKey(menu, pathname);

  if (menu.length === 0) {
    return <p className="px-3 py-2 text-[13px] text-zinc-500">No pages are available to you yet.</p>;
  }

  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {menu.map((item) => {
        const childActive = item.children?.some((c) => c.key === activeKey) ?? false;
        return (
          <div key={item.key} className="flex flex-col gap-0.5">
            <NavLink
              item={item}
              active={item.key === activeKey}
              parentOfActive={childActive}
              onNavigate={onNavigate}
            />
            {item.children && item.children.length > 0 ? (
              <div className="ml-[1.15rem] flex flex-col gap-0.5 border-l border-zinc-200 py-0.5 pl-2.5">
                {item.children.map((child) => (
                  <NavLink
                    key={child.key}
                    item={child}
                    active={child.key === activeKey}
                    nested
                    onNavigate={onNavigate}
                  />
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}

function NavLink({
  item,
  active,
  parentOfActive = false,
  nested = false,
  onNavigate,
}: {
  item: MenuItem;
  active: boolean;
  parentOfActive?: boolean;
  nested?: boolean;
  onNavigate?: () => void;
}) {
  const Icon = resolveNavIcon(item.icon);
  return (
    <Link
      href={item.href}
      data-nav-key={item.key}
      data-active={active ? "true" : undefined}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
      className={cn(
        "group flex items-center gap-2.5 rounded-md px-2.5 text-[13px] font-medium transition-colors",
        "focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none",
        nested ? "h-7" : "h-8",
        active
          ? "bg-brand-50 text-brand-700"
          : parentOfActive
            ? "text-zinc-900 hover:bg-zinc-100"
            : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
      )}
    >
      {nested ? null : (
        <Icon
          aria-hidden
          className={cn(
            "size-4 shrink-0",
            active ? "text-brand-600" : "text-zinc-400 group-hover:text-zinc-600",
            parentOfActive && "text-zinc-600",
          )}
        />
      )}
      <span className="truncate">{item.label}</span>
    </Link>
  );
}
