"use client";

import { Braces, FunctionSquare } from "lucide-react";
import * as React from "react";
import { Input } from "@/components/ui/input";
import type { HelperExample } from "./types";

/**
 * The event's variables and the template helpers; clicking one inserts it at the cursor of the
 * field last focused (subject or body). Variables come from the event's zod schema, so the picker
 * offers exactly what validation accepts.
 */
export function VariablePicker({
  variables,
  helpers,
  disabled,
  onInsert,
}: {
  variables: readonly string[];
  helpers: readonly HelperExample[];
  disabled?: boolean;
  onInsert: (snippet: string) => void;
}) {
  const [filter, setFilter] = React.useState("");
  const q = filter.trim().toLowerCase();
  const shown = q ? variables.filter((v) => v.toLowerCase().includes(q)) : variables;
  return (
    <div className="space-y-3 text-sm">
      <Input
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Filter variables…"
        aria-label="Filter variables"
        className="h-8 text-[13px]"
      />
      <section aria-label="Variables">
        <h3 className="mb-1 flex items-center gap-1.5 text-xs font-medium text-zinc-500 uppercase">
          <Braces className="size-3.5" aria-hidden /> Variables
        </h3>
        <ul className="flex max-h-64 flex-col overflow-y-auto">
          {shown.map((variable) => (
            <li key={variable}>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onInsert(`{{${variable}}}`)}
                className="w-full cursor-pointer rounded px-2 py-1 text-left font-mono text-[12px] text-zinc-700 hover:bg-brand-50 hover:text-brand-700 disabled:cursor-default disabled:opacity-60"
              >
                {`{{${variable}}}`}
              </button>
            </li>
          ))}
          {shown.length === 0 ? <li className="px-2 py-1 text-zinc-500">No variable matches.</li> : null}
        </ul>
      </section>
      <section aria-label="Helpers">
        <h3 className="mb-1 flex items-center gap-1.5 text-xs font-medium text-zinc-500 uppercase">
          <FunctionSquare className="size-3.5" aria-hidden /> Helpers
        </h3>
        <ul className="flex flex-col gap-1">
          {helpers.map((helper) => (
            <li key={helper.name}>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onInsert(helper.snippet)}
                className="w-full cursor-pointer rounded px-2 py-1 text-left hover:bg-brand-50 disabled:cursor-default disabled:opacity-60"
              >
                <span className="block font-mono text-[12px] break-all text-zinc-800">{helper.snippet}</span>
                <span className="block text-[12px] text-zinc-500">{helper.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
