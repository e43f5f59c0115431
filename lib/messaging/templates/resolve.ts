// Which stored template a send uses. A tenant's own template beats the platform's, and the guest's
// locale beats a default locale; inactive templates are skipped so a tenant can switch theirs off
// and fall back to the platform's. Callers pass the candidates for one event and channel.

export type TemplateCandidate = {
  /** Null for a platform default. */
  tenantId: string | null;
  locale: string;
  active: boolean;
};

export type ResolutionRule =
  | "tenant-locale"
  | "tenant-default-locale"
  | "platform-locale"
  | "platform-default-locale";

export type ResolveTemplateOptions = {
  tenantId: string;
  /** The recipient's locale (the event's `locale`). */
  locale: string;
  tenantDefaultLocale: string;
  platformDefaultLocale?: string;
};

export type ResolvedTemplate<T extends TemplateCandidate> = { template: T; rule: ResolutionRule };

/** Locale tags compare case-insensitively ("fr-CA" = "fr-ca"); there is no language-only fallback. */
function sameLocale(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function resolveTemplate<T extends TemplateCandidate>(
  candidates: readonly T[],
  { tenantId, locale, tenantDefaultLocale, platformDefaultLocale = "en" }: ResolveTemplateOptions,
): ResolvedTemplate<T> | null {
  const active = candidates.filter((candidate) => candidate.active);
  const steps: [ResolutionRule, string | null, string][] = [
    ["tenant-locale", tenantId, locale],
    ["tenant-default-locale", tenantId, tenantDefaultLocale],
    ["platform-locale", null, locale],
    ["platform-default-locale", null, platformDefaultLocale],
  ];
  for (const [rule, owner, wanted] of steps) {
    const template = active.find((c) => c.tenantId === owner && sameLocale(c.locale, wanted));
    if (template) return { template, rule };
  }
  return null;
}
