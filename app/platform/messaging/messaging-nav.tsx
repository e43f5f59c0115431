"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { cn } from "@/lib/utils";

const base = "/platform/messaging";

type Section = {
  id: string;
  label: string;
  href: string;
  isActive: (path: string, status: string | null) => boolean;
};

const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}/`);

const sections: Section[] = [
  { id: "overview", label: "Overview", href: base, isActive: (path) => path === base },
  {
    id: "messages",
    label: "Messages",
    href: `${base}/messages`,
    isActive: (path, status) => under(`${base}/messages`)(path) && status !== "failed",
  },
  {
    id: "failed",
    label: "Failed",
    href: `${base}/messages?status=failed`,
    isActive: (path, status) => path === `${base}/messages` && status === "failed",
  },
  { id: "outbox", label: "Dev outbox", href: `${base}/outbox`, isActive: under(`${base}/outbox`) },
  { id: "templates", label: "Templates", href: `${base}/templates`, isActive: under(`${base}/templates`) },
  { id: "providers", label: "Providers", href: `${base}/providers`, isActive: under(`${base}/providers`) },
  { id: "credits", label: "Credits", href: `${base}/credits`, isActive: under(`${base}/credits`) },
  { id: "import", label: "Import", href: `${base}/import`, isActive: under(`${base}/import`) },
];

function Tabs() {
  const path = usePathname();
  const status = useSearchParams().get("status");
  return (
    <>
      {sections.map((s) => {
        const active = s.isActive(path, status);
        return (
          <Link
            key={s.id}
            href={s.href}
            data-messaging-tab={s.id}
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
    </>
  );
}

/** The messaging section's sub-navigation; "Failed" is the log filtered to failed sends. */
export function MessagingNav() {
  return (
    <nav
      aria-label="Messaging sections"
      className="flex w-full items-center gap-1 overflow-x-auto border-b border-zinc-200 [scrollbar-width:none]"
    >
      {/* useSearchParams needs a boundary; the fallback is the same links, none marked. */}
      <Suspense
        fallback={sections.map((s) => (
          <Link
            key={s.id}
            href={s.href}
            className="inline-flex h-9 items-center px-3 text-sm font-medium text-zinc-500"
          >
            {s.label}
          </Link>
        ))}
      >
        <Tabs />
      </Suspense>
    </nav>
  );
}
