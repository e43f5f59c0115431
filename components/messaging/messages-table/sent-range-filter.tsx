"use client";

import { parseAsString, useQueryStates } from "nuqs";
import * as React from "react";
import { Input } from "@/components/ui/input";

/**
 * "Sent from … to …" above the log: `?from=` and `?to=` (YYYY-MM-DD, days in the viewer's zone for
 * the portal's hotel, UTC in the console), read by the page with the table's other filters.
 */
export function SentRangeFilter() {
  const [isPending, startTransition] = React.useTransition();
  const [range, setRange] = useQueryStates(
    { from: parseAsString, to: parseAsString, page: parseAsString },
    { shallow: false, history: "push", scroll: false, startTransition },
  );
  const set = (key: "from" | "to", value: string) => void setRange({ [key]: value || null, page: null });
  return (
    <fieldset className="flex items-center gap-1.5 text-[13px] text-zinc-500" aria-busy={isPending}>
      <legend className="sr-only">Sent between</legend>
      <span aria-hidden>Sent</span>
      <Input
        type="date"
        aria-label="Sent from"
        value={range.from ?? ""}
        max={range.to ?? undefined}
        onChange={(e) => set("from", e.target.value)}
        className="h-8 w-36 text-[13px]"
      />
      <span aria-hidden>–</span>
      <Input
        type="date"
        aria-label="Sent until"
        value={range.to ?? ""}
        min={range.from ?? undefined}
        onChange={(e) => set("to", e.target.value)}
        className="h-8 w-36 text-[13px]"
      />
    </fieldset>
  );
}
