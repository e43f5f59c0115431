import type * as React from "react";
import { cn } from "@/lib/utils";

export type PageHeaderProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons or links shown on the right (wrap under the title on small screens). */
  actions?: React.ReactNode;
  /** Small line above the title, e.g. a breadcrumb or a back link. */
  eyebrow?: React.ReactNode;
  /** Extra content under the description, e.g. badges. */
  children?: React.ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, eyebrow, children, className }: PageHeaderProps) {
  return (
    <header
      data-slot="page-header"
      className={cn("flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", className)}
    >
      <div className="min-w-0 space-y-1">
        {eyebrow ? <div className="text-[13px] text-zinc-500">{eyebrow}</div> : null}
        <h1 className="truncate text-xl leading-7 font-semibold tracking-tight text-zinc-900">{title}</h1>
        {description ? <p className="max-w-3xl text-sm text-zinc-500">{description}</p> : null}
        {children ? <div className="flex flex-wrap items-center gap-2 pt-1">{children}</div> : null}
      </div>
      {actions ? (
        <div data-print-hidden className="flex shrink-0 flex-wrap items-center gap-2">
          {actions}
        </div>
      ) : null}
    </header>
  );
}
