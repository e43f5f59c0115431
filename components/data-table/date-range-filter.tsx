"use client";

import { parseAsString, useQueryStates } from "nuqs";
import * as React from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/**
 * "{label} from … to …" above a table (e.g. "Stays", "Sent"): `?from=` and `?to=` (YYYY-MM-DD) in
 * the URL, read by the page like the table's other filters, which also decides the days' time
 * zone. Changing either goes back to the first page.
 */
export function DateRangeFilter({ label, className }: { label: string; className?: string }) {
  const [isPending, startTransition] = React.useTransition();
  const [range, setRange] = useQueryStates(
    { from: parseAsString, to: parseAsString, page: parseAsString },
    { shallow: false, history: "push", scroll: false, startTransition },
  );
  const set = (key: "from" | "to", value: string) => void setRange({ [key]: value || null, page: null });
  return (
    <fieldset
      className={cn("flex items-center gap-1.5 text-[13px] text-zinc-500", className)}
      aria-busy={isPending}
    >
      <legend className="sr-only">{label} between</legend>
      <span aria-hidden>{label}</span>
      <Input
        type="date"
        aria-label={`${label} from`}
        value={range.from ?? ""}
        max={range.to ?? undefined}
        onChange={(e) => set("from", e.target.value)}
        className="h-8 w-36 text-[13px]"
      />
      <span aria-hidden>–</span>
      <Input
        type="date"
        aria-label={`${label} until`}
        value={range.to ?? ""}
        min={range.from ?? undefined}
        onChange={(e) => set("to", e.target.value)}
        className="h-8 w-36 text-[13px]"
      />
    </fieldset>
  );
}
