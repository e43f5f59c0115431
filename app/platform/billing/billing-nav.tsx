"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const base = "/platform/billing";
const sections = [
  { id: "overview", label: "Overview", href: base, exact: true },
  { id: "invoices", label: "Invoices", href: `${base}/invoices`, exact: false },
  { id: "settings", label: "Tax & settings", href: `${base}/settings`, exact: false },
] as const;

/** The billing section's sub-navigation. */
export function BillingNav() {
  const path = usePathname();
  return (
    <nav
      data-print-hidden
      aria-label="Billing sections"
      className="flex w-full items-center gap-1 overflow-x-auto border-b border-zinc-200 [scrollbar-width:none]"
    >
      {sections.map((s) => {
        const active = s.exact ? path === s.href : path === s.href || path.startsWith(`${s.href}/`);
        return (
          <Link
            key={s.id}
            href={s.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "relative -mb-px inline-flex h-9 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
              active
                ? "border-brand-600 text-zinc-900"
                : "border-transparent text-zinc-500 hover:text-zinc-900",
            )}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
