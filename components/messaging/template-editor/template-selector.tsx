"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { NativeSelect } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import type { EditorChannel, EditorKey } from "./types";

export type SelectorEvent = { event: string; label: string; channels: readonly EditorChannel[] };
export type SelectorLocale = { locale: string; label: string; status: string };

/** `?event=&channel=&locale=`: the template being edited lives in the URL, so a link opens it. */
export function templateHref(pathname: string, key: EditorKey): string {
  const params = new URLSearchParams({ event: key.event, channel: key.channel, locale: key.locale });
  return `${pathname}?${params.toString()}`;
}

/** Event and channel pickers and the locale tabs of the template being edited. */
export function TemplateSelector({
  events,
  locales,
  selected,
}: {
  events: readonly SelectorEvent[];
  locales: readonly SelectorLocale[];
  selected: EditorKey;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const current = events.find((e) => e.event === selected.event);
  const go = (key: EditorKey) => router.push(templateHref(pathname, key), { scroll: false });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <NativeSelect
          aria-label="Event"
          className="w-64"
          value={selected.event}
          onChange={(e) => {
            const next = events.find((ev) => ev.event === e.target.value);
            if (!next) return;
            const channel = next.channels.includes(selected.channel)
              ? selected.channel
              : (next.channels[0] ?? "sms");
            go({ ...selected, event: next.event, channel });
          }}
          options={events.map((e) => ({ value: e.event, label: e.label }))}
        />
        <NativeSelect
          aria-label="Channel"
          className="w-36"
          value={selected.channel}
          onChange={(e) => {
            const channel = current?.channels.find((c) => c === e.target.value);
            if (channel) go({ ...selected, channel });
          }}
          options={(current?.channels ?? ["sms", "email"]).map((c) => ({
            value: c,
            label: c === "sms" ? "SMS" : "Email",
          }))}
        />
      </div>
      <nav aria-label="Language" className="flex items-center gap-1 border-b border-zinc-200">
        {locales.map((l) => (
          <Link
            key={l.locale}
            href={templateHref(pathname, { ...selected, locale: l.locale })}
            scroll={false}
            aria-current={l.locale === selected.locale ? "page" : undefined}
            className={cn(
              "relative -mb-px inline-flex h-9 items-center gap-2 border-b-2 px-3 text-sm font-medium whitespace-nowrap",
              l.locale === selected.locale
                ? "border-brand-600 text-zinc-900"
                : "border-transparent text-zinc-500 hover:text-zinc-900",
            )}
          >
            {l.label}
            <span className="text-[11px] font-normal text-zinc-500">{l.status}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}
