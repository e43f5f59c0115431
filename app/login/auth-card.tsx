import type * as React from "react";
import { Card, CardContent } from "@/components/ui/card";

/**
 * The centered card of the sign-in, sign-in link and 403 pages. `accent` follows the place the
 * visitor is signing in to: indigo for the console, emerald for a hotel's portal, as in the shells.
 */
export function AuthCard({
  accent,
  mark,
  eyebrow,
  title,
  description,
  children,
  footer,
}: {
  accent: "indigo" | "emerald";
  /** One or two letters in the brand square. */
  mark: string;
  eyebrow?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <main
      data-accent={accent}
      className="relative flex min-h-screen items-center justify-center overflow-hidden bg-zinc-50 px-4 py-12"
    >
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-gradient-to-b from-brand-100/70 to-transparent"
      />
      <div className="relative w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <span
            aria-hidden
            className="flex size-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-semibold text-white shadow-sm"
          >
            {mark}
          </span>
          {eyebrow ? <p className="mt-4 text-[13px] font-medium text-brand-700">{eyebrow}</p> : null}
          <h1 className="mt-1 text-xl leading-7 font-semibold tracking-tight text-zinc-900">{title}</h1>
          {description ? <p className="mt-1.5 text-sm text-zinc-500">{description}</p> : null}
        </div>
        <Card className="shadow-sm">
          <CardContent className="p-6">{children}</CardContent>
        </Card>
        {footer ? <div className="mt-6 text-center text-[13px] text-zinc-500">{footer}</div> : null}
      </div>
    </main>
  );
}

/** A form-level message (refused sign-in, expired link), announced to screen readers. */
export function FormAlert({ children }: { children: React.ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {children}
    </div>
  );
}

export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
  return letters || "H";
}
