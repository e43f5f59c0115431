"use client";

import { X } from "lucide-react";
import * as React from "react";
import { Input } from "@/components/ui/input";

export type MultiSelectOption = { value: string; label: string; hint?: string };

/**
 * A filterable checkbox list with the chosen values as removable chips above it. Values that are not
 * among the options (a hotel beyond the picker's list) still show, by their raw value.
 */
export function MultiSelect({
  label,
  options,
  value,
  onChange,
  disabled = false,
  placeholder = "Filter…",
  invalid = false,
}: {
  label: string;
  options: readonly MultiSelectOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  placeholder?: string;
  invalid?: boolean;
}) {
  const [filter, setFilter] = React.useState("");
  const byValue = React.useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const chosen = new Set(value);
  const needle = filter.trim().toLowerCase();
  const visible = needle
    ? options.filter((o) => `${o.label} ${o.hint ?? ""}`.toLowerCase().includes(needle))
    : options;
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));

  return (
    <fieldset className="grid min-w-0 gap-2">
      <legend className="sr-only">{label}</legend>
      <div className="flex min-h-7 flex-wrap gap-1">
        {value.length === 0 ? <span className="text-[13px] text-zinc-400">None chosen</span> : null}
        {value.map((v) => (
          <span
            key={v}
            className="inline-flex items-center gap-1 rounded-md bg-brand-50 py-0.5 pr-1 pl-2 text-xs font-medium text-brand-700 ring-1 ring-brand-600/20 ring-inset"
          >
            {byValue.get(v)?.label ?? <span className="font-mono">{v}</span>}
            {disabled ? null : (
              <button
                type="button"
                className="rounded p-0.5 hover:bg-brand-100"
                aria-label={`Remove ${byValue.get(v)?.label ?? v}`}
                onClick={() => toggle(v, false)}
              >
                <X className="size-3" aria-hidden />
              </button>
            )}
          </span>
        ))}
      </div>
      {disabled ? null : (
        <>
          <Input
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={placeholder}
            aria-label={`Filter ${label.toLowerCase()}`}
            aria-invalid={invalid || undefined}
            className="h-8"
          />
          <div className="max-h-44 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1">
            {visible.length === 0 ? <p className="px-2 py-1.5 text-[13px] text-zinc-500">No match</p> : null}
            {visible.map((o) => (
              <label
                key={o.value}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-zinc-50"
              >
                <input
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  checked={chosen.has(o.value)}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                />
                <span className="truncate">{o.label}</span>
                {o.hint ? <span className="truncate text-xs text-zinc-500">{o.hint}</span> : null}
              </label>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
