import type { LucideIcon } from "lucide-react";
import { Inbox } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils";

export type EmptyStateProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** A lucide icon component (from a client component) or any node; defaults to an inbox. */
  icon?: LucideIcon | React.ReactNode;
  /** Usually a Button (e.g. "Add the first room"). */
  action?: React.ReactNode;
  className?: string;
  /** `card` draws a dashed box, `plain` just centers the content (e.g. inside a table or card). */
  variant?: "card" | "plain";
};

function isComponent(icon: EmptyStateProps["icon"]): icon is LucideIcon {
  return typeof icon === "function" || (typeof icon === "object" && icon !== null && "render" in icon);
}

export function EmptyState({
  title,
  description,
  icon,
  action,
  className,
  variant = "card",
}: EmptyStateProps) {
  const Icon = isComponent(icon) ? icon : null;
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center px-6 py-12 text-center",
        variant === "card" && "rounded-xl border border-dashed border-zinc-300 bg-white",
        className,
      )}
    >
      <div className="mb-3 flex size-10 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 [&_svg]:size-5">
        {Icon ? <Icon aria-hidden /> : icon === undefined ? <Inbox aria-hidden /> : (icon as React.ReactNode)}
      </div>
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {description ? <p className="mt-1 max-w-sm text-sm text-zinc-500">{description}</p> : null}
      {action ? <div className="mt-4 flex items-center gap-2">{action}</div> : null}
    </div>
  );
}
