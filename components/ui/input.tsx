import type * as React from "react";
import { cn } from "@/lib/utils";

/** Shared by Input, Textarea and NativeSelect so every control looks and focuses the same. */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-zinc-300 bg-white text-sm text-zinc-900 shadow-xs",
  "placeholder:text-zinc-400 transition-[border-color,box-shadow]",
  "focus-visible:border-brand-500 focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-brand-500/20",
  "aria-invalid:border-red-500 aria-invalid:focus-visible:ring-red-500/20",
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500",
  "read-only:bg-zinc-50",
);

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        controlClasses,
        "h-9 px-3 py-1",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-zinc-700",
        className,
      )}
      {...props}
    />
  );
}
