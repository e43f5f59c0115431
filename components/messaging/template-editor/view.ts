// Server-side shaping of template rows into the plain props the editor and list take (no Dates,
// no rows the browser does not need).
import type { BadgeVariant } from "@/components/ui/badge";
import type { EditableTemplate, TemplateGroup, TemplateListEntry } from "@/lib/messaging/templates/queries";
import type { EditorChannel, EditorTemplate } from "./types";

export type Scope = "platform" | "tenant";

export type EntryStatus = { label: string; variant: BadgeVariant };

/** A hotel sees whether it customised a locale; the console whether the platform has one. */
export function entryStatus(scope: Scope, entry: TemplateListEntry): EntryStatus {
  if (scope === "tenant") {
    if (entry.own?.active) return { label: "Customised", variant: "default" };
    if (entry.own) return { label: "Customised · off", variant: "warning" };
    return entry.template
      ? { label: "Platform default", variant: "neutral" }
      : { label: "None", variant: "danger" };
  }
  if (!entry.own) return { label: "Missing", variant: "danger" };
  return entry.own.active ? { label: "Active", variant: "success" } : { label: "Off", variant: "warning" };
}

/** "English (en)", "français (fr)": each language named in itself, so staff recognise their own. */
export function localeLabel(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale);
    return name && name !== locale ? `${name} (${locale})` : locale;
  } catch {
    return locale;
  }
}

export type TemplateListRow = {
  event: string;
  label: string;
  description: string;
  channel: EditorChannel;
  entries: Array<{ locale: string; status: EntryStatus }>;
};

export function toListRows(scope: Scope, groups: readonly TemplateGroup[]): TemplateListRow[] {
  return groups.map((g) => ({
    event: g.event,
    label: g.label,
    description: g.description,
    channel: g.channel,
    entries: g.entries.map((entry) => ({ locale: entry.locale, status: entryStatus(scope, entry) })),
  }));
}

/** What the editor opens: the stored row, else (hotels) the platform template to start from. */
export function editorTemplate(editable: EditableTemplate): EditorTemplate {
  const { own, inherited } = editable;
  const source = own ?? inherited;
  return {
    subject: source?.subject ?? null,
    body: source?.body ?? "",
    active: own?.active ?? true,
    stored: own !== null,
    updatedAt: own?.updatedAt.toISOString() ?? null,
  };
}

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The template `?event=&channel=&locale=` names, among the listed ones; anything unknown falls back
 * to the first event, its first channel and its first locale. With `allowNewLocale` (the console) a
 * locale outside the list is allowed (a tag that parses), to start a new language from a link;
 * hotels write in English, French and their own language only.
 */
export function selectTemplate(
  groups: readonly TemplateGroup[],
  params: RawParams,
  options: { allowNewLocale: boolean } = { allowNewLocale: true },
): { event: string; channel: EditorChannel; locale: string } | null {
  const event = first(params.event);
  const ofEvent = groups.filter((g) => g.event === event);
  const candidates = ofEvent.length > 0 ? ofEvent : groups.filter((g) => g.event === groups[0]?.event);
  const group = candidates.find((g) => g.channel === first(params.channel)) ?? candidates[0];
  if (!group) return null;
  const wanted = first(params.locale) ?? "";
  const listed = group.entries.find((e) => e.locale.toLowerCase() === wanted.toLowerCase());
  let locale = listed?.locale ?? group.entries[0]?.locale ?? "en";
  if (!listed && options.allowNewLocale && LOCALE_TAG.test(wanted)) {
    try {
      locale = Intl.getCanonicalLocales(wanted)[0] ?? locale;
    } catch {
      // Not a real tag: keep the default.
    }
  }
  return { event: group.event, channel: group.channel, locale };
}

/** The selector's events (with their channels) and the locale tabs of the selected event × channel. */
export function selectorData(
  scope: Scope,
  groups: readonly TemplateGroup[],
  selected: { event: string; channel: EditorChannel; locale: string },
) {
  const events: Array<{ event: string; label: string; channels: EditorChannel[] }> = [];
  for (const g of groups) {
    const known = events.find((e) => e.event === g.event);
    if (known) known.channels.push(g.channel);
    else events.push({ event: g.event, label: g.label, channels: [g.channel] });
  }
  const group = groups.find((g) => g.event === selected.event && g.channel === selected.channel);
  const locales = (group?.entries ?? []).map((entry) => ({
    locale: entry.locale,
    label: localeLabel(entry.locale),
    status: entryStatus(scope, entry).label,
  }));
  if (!locales.some((l) => l.locale.toLowerCase() === selected.locale.toLowerCase())) {
    locales.push({ locale: selected.locale, label: localeLabel(selected.locale), status: "New" });
  }
  return { events, locales };
}
