// The send path's template query: the candidate rows for one event and channel (the tenant's own
// and the platform's), resolved by resolve.ts's fallback chain.
import { and, eq, isNull, or } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformMessageTemplates } from "@/db/schema";
import type { TemplateChannel } from "./render";
import { type ResolutionRule, resolveTemplate } from "./resolve";

export type TemplateRow = typeof platformMessageTemplates.$inferSelect;

export type LookupTemplateInput = {
  /** Null for platform mail: only platform defaults are candidates. */
  tenantId: string | null;
  event: string;
  channel: TemplateChannel;
  /** The recipient's locale. */
  locale: string;
  /** The tenant's own locale (the second step of the chain); "en" for platform mail. */
  tenantDefaultLocale: string;
};

/**
 * The template a send uses: tenant + locale → tenant + tenant default locale → platform + locale
 * → platform default locale ("en"). Inactive rows are skipped. Null when nothing matches.
 */
export async function lookupTemplate(
  db: Queryable,
  input: LookupTemplateInput,
): Promise<{ template: TemplateRow; rule: ResolutionRule } | null> {
  const t = platformMessageTemplates;
  const owner = input.tenantId ? or(isNull(t.tenantId), eq(t.tenantId, input.tenantId)) : isNull(t.tenantId);
  const candidates = await db
    .select()
    .from(t)
    .where(and(eq(t.event, input.event), eq(t.channel, input.channel), eq(t.active, true), owner));
  return resolveTemplate(candidates, {
    // No tenant row can match the empty id, so platform mail goes straight to the platform steps.
    tenantId: input.tenantId ?? "",
    locale: input.locale,
    tenantDefaultLocale: input.tenantDefaultLocale,
  });
}
