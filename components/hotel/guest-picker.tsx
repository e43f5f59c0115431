"use client";

import { LoaderCircle, Search, UserPlus, X } from "lucide-react";
import * as React from "react";
import { type GuestOption, searchGuestsAction } from "@/app/t/[slug]/(portal)/guests/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Find a guest by name, email or phone and pick them, or switch to entering a new guest. Results
 * come from the server as the person types (the hotel may have thousands of guests).
 */
export function GuestPicker({
  id,
  selected,
  onSelect,
  onNewGuest,
  error,
  disabled,
}: {
  id: string;
  selected: GuestOption | null;
  onSelect: (guest: GuestOption | null) => void;
  onNewGuest: (name: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const [query, setQuery] = React.useState("");
  const [results, setResults] = React.useState<GuestOption[]>([]);
  const [loading, setLoading] = React.useState(false);
  const [failed, setFailed] = React.useState(false);
  const listId = `${id}-results`;

  React.useEffect(() => {
    if (selected) return;
    let cancelled = false;
    setLoading(true);
    const timer = setTimeout(() => {
      searchGuestsAction({ q: query }).then(
        (result) => {
          if (cancelled) return;
          setResults(result?.data ?? []);
          setFailed(!result?.data);
          setLoading(false);
        },
        () => {
          if (cancelled) return;
          setFailed(true);
          setLoading(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, selected]);

  if (selected) {
    return (
      <div
        id={id}
        className="flex items-center justify-between gap-3 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm"
      >
        <div className="min-w-0">
          <p className="truncate font-medium text-zinc-900">{selected.name}</p>
          <p className="truncate text-xs text-zinc-500">
            {[selected.phone, selected.email].filter(Boolean).join(" · ") || "No contact details"}
          </p>
        </div>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => onSelect(null)}
          disabled={disabled}
          aria-label={`Choose another guest instead of ${selected.name}`}
        >
          <X aria-hidden /> Change
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-2">
      <div className="relative">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400"
          aria-hidden
        />
        <Input
          id={id}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search guests by name, email or phone…"
          aria-label="Find a guest"
          className="pl-8"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-controls={listId}
          disabled={disabled}
        />
        {loading ? (
          <LoaderCircle
            className="absolute top-1/2 right-2.5 size-4 -translate-y-1/2 animate-spin text-zinc-400"
            aria-hidden
          />
        ) : null}
      </div>
      <div id={listId} className="max-h-44 overflow-y-auto rounded-md border border-zinc-200">
        {results.length === 0 && !loading ? (
          <p className="px-3 py-2 text-sm text-zinc-500">
            {failed ? "Could not search guests. Try again." : query ? "No guest matches." : "No guests yet."}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {results.map((g) => (
              <li key={g.id}>
                <button
                  type="button"
                  onClick={() => onSelect(g)}
                  disabled={disabled}
                  className={cn(
                    "flex w-full cursor-pointer flex-col items-start px-3 py-1.5 text-left text-sm hover:bg-brand-50",
                    "focus-visible:bg-brand-50 focus-visible:outline-none",
                  )}
                >
                  <span className="font-medium text-zinc-900">{g.name}</span>
                  <span className="text-xs text-zinc-500">
                    {[g.phone, g.email].filter(Boolean).join(" · ") || "No contact details"}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Button type="button" variant="outline" size="sm" onClick={() => onNewGuest(query)} disabled={disabled}>
        <UserPlus aria-hidden /> New guest{query.trim() ? `: ${query.trim()}` : ""}
      </Button>
      {error ? (
        <p id={`${id}-error`} className="text-[13px] font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
