// Reads for the template editor. The console lists the platform defaults; a hotel lists, per guest
// event, channel and locale, the template a send would use (its own override, else the platform's,
// chosen by resolveTemplate exactly as the send path does) and whether it has customised it.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformMessageTemplates, platformTenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { domainEventNames } from "@/lib/events/schemas";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { type ResolutionRule, resolveTemplate } from "./resolve";
import {
  canonicalLocale,
  type TemplateChannel,
  type TemplateEvent,
  templateEventInfo,
  templateEventNames,
  tenantTemplateLocales,
} from "./schemas";

export type TemplateRow = typeof platformMessageTemplates.$inferSelect;

export type TemplateListEntry = {
  locale: string;
  /** The template a message in this locale would use; null when none applies. */
  template: TemplateRow | null;
  /** How it was chosen (tenant lists only). */
  rule: ResolutionRule | null;
  /** The hotel has its own row for exactly this locale (active or not). */
  overridden: boolean;
  /** That own row, when there is one: an inactive one is skipped by sends. */
  own: TemplateRow | null;
};

export type TemplateGroup = {
  event: TemplateEvent;
  label: string;
  description: string;
  channel: TemplateChannel;
  entries: TemplateListEntry[];
};

const PLATFORM_LOCALES = ["en", "fr"];

function sameLocale(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function byKey(rows: readonly TemplateRow[], event: string, channel: TemplateChannel): TemplateRow[] {
  return rows.filter((row) => row.event === event && row.channel === channel);
}

async function listPlatformTemplates(db: Queryable): Promise<TemplateGroup[]> {
  const t = platformMessageTemplates;
  const rows = await db.select().from(t).where(isNull(t.tenantId)).orderBy(t.event, t.channel, t.locale);
  const groups: TemplateGroup[] = [];
  for (const event of templateEventNames) {
    const info = templateEventInfo[event];
    const present = new Set(rows.filter((r) => r.event === event).map((r) => r.channel));
    for (const channel of ["sms", "email"] as const) {
      if (!info.channels.includes(channel) && !present.has(channel)) continue;
      const candidates = byKey(rows, event, channel);
      const locales = [...new Set([...PLATFORM_LOCALES, ...candidates.map((c) => c.locale)])];
      const entries = locales.map((locale) => {
        const own = candidates.find((c) => sameLocale(c.locale, locale)) ?? null;
        return { locale, template: own, rule: null, overridden: false, own };
      });
      groups.push({ event, label: info.label, description: info.description, channel, entries });
    }
  }
  return groups;
}

async function tenantLocaleOf(db: Queryable, tenantId: string): Promise<string> {
  const [tenant] = await db
    .select({ locale: platformTenants.locale })
    .from(platformTenants)
    .where(eq(platformTenants.id, tenantId))
    .limit(1);
  if (!tenant) throw new AppError("NOT_FOUND", "Hotel not found.");
  return canonicalLocale(tenant.locale);
}

/** Guest-event templates a hotel can see: its own and the platform's (RLS allows exactly these). */
function visibleToTenant(tenantId: string) {
  const t = platformMessageTemplates;
  return and(or(isNull(t.tenantId), eq(t.tenantId, tenantId)), inArray(t.event, domainEventNames));
}

async function listTenantTemplates(db: Queryable, tenantId: string): Promise<TemplateGroup[]> {
  return withTenant(db, tenantId, async (tx) => {
    const tenantLocale = await tenantLocaleOf(tx, tenantId);
    const t = platformMessageTemplates;
    const rows = await tx.select().from(t).where(visibleToTenant(tenantId)).orderBy(t.event, t.locale);
    const locales = tenantTemplateLocales(tenantLocale);
    const groups: TemplateGroup[] = [];
    for (const event of domainEventNames) {
      const info = templateEventInfo[event];
      for (const channel of info.channels) {
        const candidates = byKey(rows, event, channel);
        const entries = locales.map((locale) => {
          const resolved = resolveTemplate(candidates, {
            tenantId,
            locale,
            tenantDefaultLocale: tenantLocale,
          });
          const own = candidates.find((c) => c.tenantId === tenantId && sameLocale(c.locale, locale)) ?? null;
          return {
            locale,
            template: resolved?.template ?? null,
            rule: resolved?.rule ?? null,
            overridden: own !== null,
            own,
          };
        });
        groups.push({ event, label: info.label, description: info.description, channel, entries });
      }
    }
    return groups;
  });
}

/**
 * Console (tenantId null): the platform defaults by event, channel and locale. A hotel: every guest
 * event × channel × locale (en, fr and the hotel's own) with the template that applies.
 */
export async function listTemplates(
  db: Queryable,
  input: { tenantId: string | null },
): Promise<TemplateGroup[]> {
  return input.tenantId === null ? listPlatformTemplates(db) : listTenantTemplates(db, input.tenantId);
}

export type TemplateLookup = {
  tenantId: string | null;
  event: string;
  channel: TemplateChannel;
  locale: string;
};

function exactKey({ tenantId, event, channel, locale }: TemplateLookup) {
  const t = platformMessageTemplates;
  return and(
    tenantId === null ? isNull(t.tenantId) : eq(t.tenantId, tenantId),
    eq(t.event, event),
    eq(t.channel, channel),
    sql`lower(${t.locale}) = lower(${locale})`,
  );
}

/** The row stored for exactly this owner (a hotel, or null for the platform), event, channel and locale. */
export async function getTemplate(db: Queryable, input: TemplateLookup): Promise<TemplateRow | null> {
  const read = async (q: Queryable) => {
    const [row] = await q.select().from(platformMessageTemplates).where(exactKey(input)).limit(1);
    return row ?? null;
  };
  return input.tenantId === null ? read(db) : withTenant(db, input.tenantId, read);
}

export type EditableTemplate = {
  /** The row the editor saves over: the hotel's own, or the platform default in the console. */
  own: TemplateRow | null;
  /** What applies without `own` (hotels): the platform's template for this locale, else its default locale. */
  inherited: TemplateRow | null;
};

/** What the editor opens with: the stored row, and for a hotel the platform template it would fall back to. */
export async function getEditableTemplate(db: Queryable, input: TemplateLookup): Promise<EditableTemplate> {
  const { tenantId } = input;
  if (tenantId === null) return { own: await getTemplate(db, input), inherited: null };
  return withTenant(db, tenantId, async (tx) => {
    const t = platformMessageTemplates;
    const own = await getTemplate(tx, input);
    const platform = await tx
      .select()
      .from(t)
      .where(and(isNull(t.tenantId), eq(t.event, input.event), eq(t.channel, input.channel)));
    const tenantLocale = await tenantLocaleOf(tx, tenantId);
    const resolved = resolveTemplate(platform, {
      tenantId,
      locale: input.locale,
      tenantDefaultLocale: tenantLocale,
    });
    return { own, inherited: resolved?.template ?? null };
  });
}
