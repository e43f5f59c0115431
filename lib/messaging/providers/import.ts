import "server-only";
// Import of the earlier system's per-tenant SMS settings: a JSON array of
// { tenantSlug, provider: "twilio"|"termii", credentials, senderId?, name? }. Each entry becomes an
// SMS provider (or reuses an identical one: same kind and same account SID / API key) assigned to
// the tenant after its existing providers. A dry run reports and writes nothing; a real run applies
// every valid entry in one transaction and is idempotent. Callers authorize ("messaging.write").
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformSmsProviders, platformTenants, tenantProviderAssignments } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { credentialHint } from "./credentials";
import { toSmsProviderView } from "./queries";
import { auditSnapshot } from "./rows";
import { type SmsImportEntry, smsImportEntrySchema } from "./schemas";
import {
  checkCredentials,
  type FieldIssue,
  identifyingCredential,
  sealCredentials,
  storedCredentials,
} from "./secrets";

export type SmsImportEntryReport = {
  index: number;
  tenantSlug: string;
  tenantName: string | null;
  provider: "twilio" | "termii" | null;
  /** create: a new provider; reuse: one with the same kind and identifying credential exists. */
  providerAction: "create" | "reuse" | null;
  providerName: string | null;
  /** Null for a provider a dry run would create. */
  providerId: string | null;
  credentialsHint: string | null;
  assignment: "assign" | "already_assigned" | null;
  /** The tenant's sender override the assignment gets, when it differs from the provider's. */
  sender: string | null;
  notes: string[];
  errors: FieldIssue[];
};

export type SmsImportReport = {
  dryRun: boolean;
  /** True when a real run wrote something. */
  applied: boolean;
  /** Problems with the file as a whole (not JSON, not an array). */
  errors: FieldIssue[];
  entries: SmsImportEntryReport[];
  counts: { create: number; reuse: number; assign: number; alreadyAssigned: number; invalid: number };
};

const MAX_ENTRIES = 5_000;
const kindLabel = { twilio: "Twilio", termii: "Termii" } as const;

type KnownProvider = {
  ref: string;
  id: string | null;
  name: string;
  senderId: string | null;
  credentials: Record<string, string>;
};
type TenantState = { id: string; name: string; refs: Set<string>; nextPriority: number };

function emptyReport(dryRun: boolean, errors: FieldIssue[]): SmsImportReport {
  return {
    dryRun,
    applied: false,
    errors,
    entries: [],
    counts: { create: 0, reuse: 0, assign: 0, alreadyAssigned: 0, invalid: 0 },
  };
}

function parseFile(json: unknown): { ok: true; items: unknown[] } | { ok: false; errors: FieldIssue[] } {
  let data = json;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return { ok: false, errors: [{ field: "", message: "The file is not valid JSON." }] };
    }
  }
  if (!Array.isArray(data)) {
    return {
      ok: false,
      errors: [{ field: "", message: "The file must be a JSON array of tenant settings." }],
    };
  }
  if (data.length > MAX_ENTRIES) {
    return { ok: false, errors: [{ field: "", message: `At most ${MAX_ENTRIES} entries per import.` }] };
  }
  return { ok: true, items: data };
}

const sameCredentials = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export async function importSmsSettings(
  db: Queryable,
  input: { json: unknown; dryRun: boolean; actor: Actor },
): Promise<SmsImportReport> {
  const file = parseFile(input.json);
  if (!file.ok) return emptyReport(input.dryRun, file.errors);
  if (input.dryRun) return runImport(db, file.items, { apply: false, actor: input.actor });
  return db.transaction(async (tx) => {
    // Two imports at once would both create the same provider: one at a time.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hearth:sms-settings-import'))`);
    return runImport(tx, file.items, { apply: true, actor: input.actor });
  });
}

async function runImport(
  db: Queryable,
  items: unknown[],
  opts: { apply: boolean; actor: Actor },
): Promise<SmsImportReport> {
  const report = emptyReport(!opts.apply, []);
  const parsed = items.map((item) => smsImportEntrySchema.safeParse(item));
  const slugs = [...new Set(parsed.flatMap((p) => (p.success ? [p.data.tenantSlug] : [])))];

  const tenantRows = slugs.length
    ? await db
        .select({
          id: platformTenants.id,
          slug: platformTenants.slug,
          name: platformTenants.name,
          status: platformTenants.status,
        })
        .from(platformTenants)
        .where(inArray(platformTenants.slug, slugs))
    : [];
  const tenantIds = tenantRows.filter((t) => t.status !== "deleted").map((t) => t.id);
  const assigned = tenantIds.length
    ? await db
        .select({
          tenantId: tenantProviderAssignments.tenantId,
          providerId: tenantProviderAssignments.smsProviderId,
          priority: tenantProviderAssignments.priority,
        })
        .from(tenantProviderAssignments)
        .where(
          and(
            inArray(tenantProviderAssignments.tenantId, tenantIds),
            eq(tenantProviderAssignments.channel, "sms"),
          ),
        )
    : [];
  const tenants = new Map<string, TenantState>();
  for (const t of tenantRows) {
    if (t.status === "deleted") continue;
    const own = assigned.filter((a) => a.tenantId === t.id);
    tenants.set(t.slug, {
      id: t.id,
      name: t.name,
      refs: new Set(own.flatMap((a) => (a.providerId ? [a.providerId] : []))),
      nextPriority: Math.max(0, ...own.map((a) => a.priority)) + 1,
    });
  }

  // Existing providers by kind + identifying credential (decrypted here, compared, never reported).
  const known = new Map<string, KnownProvider>();
  const existing = await db
    .select()
    .from(platformSmsProviders)
    .where(inArray(platformSmsProviders.kind, ["twilio", "termii"]));
  for (const row of existing) {
    const credentials = storedCredentials(row);
    const identifying = identifyingCredential(credentials);
    const key = `${row.kind}:${identifying}`;
    if (identifying && !known.has(key)) {
      known.set(key, { ref: row.id, id: row.id, name: row.name, senderId: row.senderId, credentials });
    }
  }

  for (const [index, result] of parsed.entries()) {
    if (!result.success) {
      const raw = items[index];
      const slug = raw && typeof raw === "object" && "tenantSlug" in raw ? String(raw.tenantSlug) : "";
      report.entries.push({
        ...blankEntry(index, slug),
        errors: result.error.issues.map((i) => ({
          field: i.path.map(String).join(".") || "entry",
          message: i.message,
        })),
      });
      continue;
    }
    report.entries.push(await planEntry(db, index, result.data, { tenants, known, ...opts }));
  }

  for (const entry of report.entries) {
    if (entry.errors.length > 0) report.counts.invalid += 1;
    if (entry.providerAction === "create") report.counts.create += 1;
    if (entry.providerAction === "reuse") report.counts.reuse += 1;
    if (entry.assignment === "assign") report.counts.assign += 1;
    if (entry.assignment === "already_assigned") report.counts.alreadyAssigned += 1;
  }
  report.applied = opts.apply && (report.counts.create > 0 || report.counts.assign > 0);
  if (report.applied) {
    await recordAudit(db, {
      actor: opts.actor,
      action: "messaging.sms_import.apply",
      targetType: "sms_import",
      details: {
        counts: report.counts,
        tenants: report.entries.filter((e) => e.assignment === "assign").map((e) => e.tenantSlug),
      },
    });
  }
  return report;
}

function blankEntry(index: number, tenantSlug: string): SmsImportEntryReport {
  return {
    index,
    tenantSlug,
    tenantName: null,
    provider: null,
    providerAction: null,
    providerName: null,
    providerId: null,
    credentialsHint: null,
    assignment: null,
    sender: null,
    notes: [],
    errors: [],
  };
}

async function planEntry(
  db: Queryable,
  index: number,
  entry: SmsImportEntry,
  ctx: { tenants: Map<string, TenantState>; known: Map<string, KnownProvider>; apply: boolean; actor: Actor },
): Promise<SmsImportEntryReport> {
  const out: SmsImportEntryReport = { ...blankEntry(index, entry.tenantSlug), provider: entry.provider };
  const tenant = ctx.tenants.get(entry.tenantSlug);
  if (!tenant)
    out.errors.push({ field: "tenantSlug", message: `No hotel has the address "${entry.tenantSlug}".` });
  else out.tenantName = tenant.name;
  const checked = checkCredentials({ channel: "sms", kind: entry.provider }, entry.credentials);
  if (!checked.ok) out.errors.push(...checked.issues);
  if (!tenant || !checked.ok) return out;

  const { credentials } = checked;
  out.credentialsHint = credentialHint(credentials);
  const key = `${entry.provider}:${identifyingCredential(credentials)}`;
  let provider = ctx.known.get(key);
  if (provider) {
    out.providerAction = "reuse";
    if (!sameCredentials(provider.credentials, credentials)) {
      out.notes.push("The file's other credentials differ from the stored ones; the stored ones are kept.");
    }
  } else {
    out.providerAction = "create";
    const name = entry.name ?? `${kindLabel[entry.provider]} ${out.credentialsHint ?? ""}`.trim();
    provider = { ref: `new:${key}`, id: null, name, senderId: entry.senderId ?? null, credentials };
    if (ctx.apply) {
      const [row] = await db
        .insert(platformSmsProviders)
        .values({ name, kind: entry.provider, senderId: provider.senderId, ...sealCredentials(credentials) })
        .returning();
      if (!row) throw new Error("insert returned no row");
      provider = { ...provider, ref: row.id, id: row.id };
      await recordAudit(db, {
        actor: ctx.actor,
        action: "messaging.provider.create",
        targetType: "sms_provider",
        targetId: row.id,
        after: auditSnapshot(toSmsProviderView(row)),
        details: { source: "sms_import" },
      });
    }
    ctx.known.set(key, provider);
  }
  out.providerName = provider.name;
  out.providerId = provider.id;

  if (tenant.refs.has(provider.ref)) {
    out.assignment = "already_assigned";
    return out;
  }
  out.assignment = "assign";
  out.sender = entry.senderId && entry.senderId !== provider.senderId ? entry.senderId : null;
  const priority = tenant.nextPriority;
  if (priority > 1) out.notes.push(`Tried after the hotel's ${priority - 1} existing SMS provider(s).`);
  tenant.refs.add(provider.ref);
  tenant.nextPriority += 1;
  if (ctx.apply && provider.id) {
    await db.insert(tenantProviderAssignments).values({
      tenantId: tenant.id,
      channel: "sms",
      smsProviderId: provider.id,
      priority,
      sender: out.sender,
    });
    await recordAudit(db, {
      actor: ctx.actor,
      tenantId: tenant.id,
      action: "messaging.assignments.import",
      targetType: "tenant",
      targetId: tenant.id,
      after: {
        channel: "sms",
        providerId: provider.id,
        provider: provider.name,
        priority,
        sender: out.sender,
      },
    });
  }
  return out;
}
