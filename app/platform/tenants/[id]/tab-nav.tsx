import Link from "next/link";
import { cn } from "@/lib/utils";

export const tenantTabs = [
  { id: "overview", label: "Overview" },
  { id: "members", label: "Members" },
  { id: "plan", label: "Plan & limits" },
  { id: "settings", label: "Settings" },
  { id: "messaging", label: "Messaging" },
  { id: "audit", label: "Audit" },
] as const;

export type TenantTab = (typeof tenantTabs)[number]["id"];

export function parseTenantTab(value: string | string[] | undefined): TenantTab {
  const raw = Array.isArray(value) ? value[0] : value;
  return tenantTabs.find((t) => t.id === raw)?.id ?? "overview";
}

/** Tabs as links (`?tab=members`): each tab is its own server render, and the URL can be shared. */
export function TenantTabNav({ tenantId, active }: { tenantId: string; active: TenantTab }) {
  return (
    <nav
      aria-label="Tenant sections"
      className="flex w-full items-center gap-1 overflow-x-auto border-b border-zinc-200 [scrollbar-width:none]"
    >
      {tenantTabs.map((tab) => (
        <Link
          key={tab.id}
          href={
            tab.id === "overview"
              ? `/platform/tenants/${tenantId}`
              : `/platform/tenants/${tenantId}?tab=${tab.id}`
          }
          aria-current={tab.id === active ? "page" : undefined}
          scroll={false}
          className={cn(
            "relative -mb-px inline-flex h-9 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
            tab.id === active
              ? "border-brand-600 text-zinc-900"
              : "border-transparent text-zinc-500 hover:text-zinc-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
