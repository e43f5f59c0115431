import type { Queryable } from "@/db/connect";
import { platformAuditStream } from "@/db/schema";
import type { Actor } from "./actor";

export type AuditEntry = {
  actor: Actor;
  tenantId?: string | null;
  /** `module.verb`, e.g. `nav.override.upsert`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
};

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|credential|authorization|cookie|hash/i;

/** Replaces the value of every secret-looking key, at any depth, so audit data never holds secrets. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : maskSecrets(v)]),
    );
  }
  return value;
}

/**
 * Appends to the audit stream. Call it with the same transaction as the mutation it records,
 * so that a rolled-back change leaves no audit row and a committed one always has one.
 */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  const summary: Record<string, unknown> = {};
  if (entry.before !== undefined) summary.before = maskSecrets(entry.before);
  if (entry.after !== undefined) summary.after = maskSecrets(entry.after);
  if (entry.details) Object.assign(summary, maskSecrets(entry.details));
  await db.insert(platformAuditStream).values({
    actorKind: entry.actor.kind,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    tenantId: entry.tenantId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    summary,
    ip: entry.actor.ip,
    userAgent: entry.actor.userAgent,
  });
}
