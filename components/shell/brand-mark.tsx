import Link from "next/link";
import type { ShellBrand } from "./types";

/** The brand block at the top of the sidebar: an initial in the accent color, the title and subtitle. */
export function BrandMark({ brand }: { brand: ShellBrand }) {
  const initial = brand.title.trim().charAt(0).toUpperCase() || "H";
  return (
    <Link
      href={brand.href}
      className="flex min-w-0 items-center gap-2.5 rounded-md focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none"
    >
      <span
        aria-hidden
        className="flex size-7 shrink-0 items-center justify-center rounded-md bg-brand-600 text-[13px] font-semibold text-white shadow-xs"
      >
        {initial}
      </span>
      <span className="flex min-w-0 flex-col leading-tight">
        <span className="truncate text-sm font-semibold text-zinc-900">{brand.title}</span>
        {brand.subtitle ? <span className="truncate text-xs text-zinc-500">{brand.subtitle}</span> : null}
      </span>
    </Link>
  );
}
