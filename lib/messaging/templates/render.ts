// Renders a stored template (Handlebars) for one channel. Email output is HTML-escaped; SMS is
// plain text, so nothing is escaped (an SMS must show "&", not "&amp;"). Unknown variables are
// caught when a template is saved (validate.ts), so rendering itself is not strict: an optional
// field that is null renders as empty text instead of failing a guest's notification.
import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import { type RenderContext, templateHelpers } from "./helpers";

export type { RenderContext } from "./helpers";
export type TemplateChannel = "sms" | "email";

export type RenderTemplateInput = {
  source: string;
  data: Record<string, unknown>;
  channel: TemplateChannel;
  context: RenderContext;
};

/**
 * Our own Handlebars environment: helpers registered here do not leak into (or get overridden by)
 * any other library using the global Handlebars. Exported so tests can spy on `compile`.
 */
export const templateEnvironment = Handlebars.create();
templateEnvironment.registerHelper(templateHelpers);

type Template = HandlebarsTemplateDelegate<Record<string, unknown>>;

const CACHE_LIMIT = 500;
const cache = new Map<string, Template>();

function cacheKey(channel: TemplateChannel, source: string): string {
  return `${channel}:${createHash("sha256").update(source).digest("hex")}`;
}

/** Compiles once per (channel, source); a Map keeps insertion order, so the first key is least recent. */
function compiled(channel: TemplateChannel, source: string): Template {
  const key = cacheKey(channel, source);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const template = templateEnvironment.compile(source, { noEscape: channel === "sms" });
  cache.set(key, template);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return template;
}

export function renderTemplate({ source, data, channel, context }: RenderTemplateInput): string {
  // `@hearth` carries the tenant's formatting context to the helpers (see helpers.ts).
  const text = compiled(channel, source)(data, { data: { hearth: context } });
  // Intl writes "480 000,00 NGN" with narrow/no-break spaces (fr and others); those are outside
  // GSM-7 and would turn a whole SMS into UCS-2 (70 chars a segment), so SMS gets plain spaces.
  return channel === "sms" ? text.replace(/[\u00a0\u2007\u2009\u202f]/g, " ") : text;
}

/** For tests and for a template edit that must not reuse a stale entry (keys are content hashes, so rarely needed). */
export function clearTemplateCache(): void {
  cache.clear();
}

export function templateCacheSize(): number {
  return cache.size;
}
