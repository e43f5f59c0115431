import type * as React from "react";
import { AccentSync } from "./accent-sync";
import { BrandMark } from "./brand-mark";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import type { MenuItem, ShellAccent, ShellBrand, ShellUser } from "./types";
import { UserMenu } from "./user-menu";

export type AppShellProps = {
  brand: ShellBrand;
  /** The effective menu for this user; the sidebar shows exactly these items. */
  menu: MenuItem[];
  user: ShellUser;
  children: React.ReactNode;
  /** A server action that signs out (passed from the layout). Without it the menu has no sign-out item. */
  signOutAction?: () => Promise<void>;
  accent?: ShellAccent;
};

/**
 * The frame shared by the platform console and every tenant portal: sidebar (a drawer on small
 * screens), top bar with the user's menu, and the page. Printing shows only the page.
 *
 * @example
 * <AppShell brand={{ title: "Hearth", subtitle: "Platform console", href: "/platform" }}
 *   menu={menu} user={{ name, email, roleLabel: "Super admin" }} signOutAction={signOutAction}>
 *   {children}
 * </AppShell>
 */
export function AppShell({ brand, menu, user, children, signOutAction, accent = "indigo" }: AppShellProps) {
  return (
    <div
      data-shell-root
      data-accent={accent}
      className="min-h-screen bg-zinc-50 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]"
    >
      <AccentSync accent={accent} />
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow-popover focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside
        data-shell-sidebar
        className="sticky top-0 hidden h-screen flex-col border-r border-zinc-200 bg-white lg:flex"
      >
        <div className="flex h-14 shrink-0 items-center border-b border-zinc-200 px-4">
          <BrandMark brand={brand} />
        </div>
        <div className="flex-1 overflow-y-auto p-3">
          <SidebarNav menu={menu} />
        </div>
      </aside>
      <div className="flex min-h-screen min-w-0 flex-col">
        <header
          data-shell-topbar
          className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-white/70 sm:px-6"
        >
          <MobileNav brand={brand} menu={menu} />
          <div className="min-w-0 flex-1 lg:hidden">
            <span className="truncate text-sm font-semibold text-zinc-900">{brand.title}</span>
          </div>
          <div className="ml-auto flex items-center gap-2">
            <UserMenu user={user} signOutAction={signOutAction} />
          </div>
        </header>
        <main
          id="main"
          data-shell-main
          className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8 lg:py-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
